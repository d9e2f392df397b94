/**
 * Catch-up's settings from the environment (read once at start; a bad value stops start-up naming
 * the variable):
 *   SVARSTID_CATCHUP_INTERVAL   minutes between two runs per account (default 15; "off" or 0 turns catch-up off)
 *   SVARSTID_CATCHUP_LOOKBACK   hours the first run of an account reads back (default 24)
 *   SVARSTID_CATCHUP_GRACE      minutes a new message is left to its webhook before catch-up takes it (default 5)
 */
import type { CatchupSettings } from './model.js';

const MINUTE = 60_000;

export const DEFAULT_CATCHUP: CatchupSettings = { intervalMs: 15 * MINUTE, lookbackMs: 24 * 60 * MINUTE, graceMs: 5 * MINUTE, overlapMs: 2 * MINUTE, leaseMs: 10 * MINUTE };

export class CatchupSettingsError extends Error {
  override readonly name = 'CatchupSettingsError';
}

function number(env: Readonly<Record<string, string | undefined>>, name: string, unit: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new CatchupSettingsError(`${name}: "${raw.slice(0, 40)}" is not a number of ${unit} between ${min} and ${max}`);
  }
  return Number(raw);
}

/** The settings, or undefined when catch-up is turned off (SVARSTID_CATCHUP_INTERVAL=off or 0). */
export function catchupSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): CatchupSettings | undefined {
  const interval = env.SVARSTID_CATCHUP_INTERVAL?.trim().toLowerCase();
  if (interval === 'off' || interval === '0') return undefined;
  const minutes = number(env, 'SVARSTID_CATCHUP_INTERVAL', 'minutes', 1, 24 * 60);
  const hours = number(env, 'SVARSTID_CATCHUP_LOOKBACK', 'hours', 0, 24 * 90);
  const grace = number(env, 'SVARSTID_CATCHUP_GRACE', 'minutes', 0, 24 * 60);
  return {
    ...DEFAULT_CATCHUP,
    ...(minutes !== undefined && { intervalMs: minutes * MINUTE }),
    ...(hours !== undefined && { lookbackMs: hours * 60 * MINUTE }),
    ...(grace !== undefined && { graceMs: grace * MINUTE }),
  };
}
