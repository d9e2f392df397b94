/** Catch-up's settings from the environment: defaults, values, off, and errors naming the variable. */
import { describe, expect, it } from 'vitest';
import { catchupSettingsFromEnv, CatchupSettingsError, DEFAULT_CATCHUP } from '../../src/catchup/settings.js';

describe('catch-up settings', () => {
  it('default: every 15 minutes, 24 hours back on the first run, 5 minutes of grace', () => {
    expect(catchupSettingsFromEnv({})).toEqual(DEFAULT_CATCHUP);
    expect(DEFAULT_CATCHUP).toMatchObject({ intervalMs: 15 * 60_000, lookbackMs: 24 * 3_600_000, graceMs: 5 * 60_000 });
  });
  it('reads minutes and hours', () => {
    expect(catchupSettingsFromEnv({ SVARSTID_CATCHUP_INTERVAL: '30', SVARSTID_CATCHUP_LOOKBACK: '72', SVARSTID_CATCHUP_GRACE: '2' })).toMatchObject({ intervalMs: 30 * 60_000, lookbackMs: 72 * 3_600_000, graceMs: 2 * 60_000 });
  });
  it('off or 0 turns catch-up off', () => {
    expect(catchupSettingsFromEnv({ SVARSTID_CATCHUP_INTERVAL: 'off' })).toBeUndefined();
    expect(catchupSettingsFromEnv({ SVARSTID_CATCHUP_INTERVAL: '0' })).toBeUndefined();
  });
  it('a bad value names the variable', () => {
    expect(() => catchupSettingsFromEnv({ SVARSTID_CATCHUP_INTERVAL: '15m' })).toThrow(CatchupSettingsError);
    expect(() => catchupSettingsFromEnv({ SVARSTID_CATCHUP_INTERVAL: '15m' })).toThrow(/SVARSTID_CATCHUP_INTERVAL: "15m" is not a number of minutes between 1 and 1440/);
    expect(() => catchupSettingsFromEnv({ SVARSTID_CATCHUP_LOOKBACK: '-1' })).toThrow(/SVARSTID_CATCHUP_LOOKBACK/);
  });
});
