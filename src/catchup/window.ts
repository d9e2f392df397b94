/**
 * What one run reads and how it judges what it finds (pure):
 * - the window: from the last run's end (less an overlap), or `lookback` before now on the first
 *   run, to `grace` before now (younger messages are left to their webhook and the next run);
 * - whether svarstid was down: no run of the account for more than two intervals (or never) means
 *   svarstid, or its scheduler, was not running, so a message found is late because of svarstid; after
 *   a run within two intervals svarstid was up, and a message no webhook delivered is the platform's miss.
 */
import type { CatchupSettings, CatchupState, ReadWindow } from './model.js';
import type { LateReason } from '../inquiries/model.js';

export function readWindow(state: Pick<CatchupState, 'cursor'>, now: number, s: CatchupSettings): ReadWindow {
  const until = now - s.graceMs;
  const seen = state.cursor.seenUntil;
  const since = typeof seen === 'number' && Number.isFinite(seen) ? Math.min(seen - s.overlapMs, until) : now - s.lookbackMs;
  return { since: Math.max(0, since), until };
}

export function lateReason(state: Pick<CatchupState, 'lastRunAt'>, now: number, s: CatchupSettings): LateReason {
  return state.lastRunAt === null || now - state.lastRunAt > 2 * s.intervalMs ? 'svarstid_down' : 'not_delivered';
}

/** Backoff after a platform failure: 1, 2, 4 … minutes, at most the interval. */
export function failureBackoff(failures: number, s: CatchupSettings): number {
  return Math.min(60_000 * 2 ** Math.max(0, failures - 1), s.intervalMs);
}
