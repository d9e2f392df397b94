/** What one catch-up run reads, and how it judges what it finds (pure). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATCHUP } from '../../src/catchup/settings.js';
import { failureBackoff, lateReason, readWindow } from '../../src/catchup/window.js';
import { at } from '../support/calendar-builder.js';

const S = DEFAULT_CATCHUP;
const NOW = at('2026-11-24T10:00');

describe('the read window', () => {
  it('on the first run: from the lookback (24 hours) to the grace (5 minutes) before now', () => {
    expect(readWindow({ cursor: {} }, NOW, S)).toEqual({ since: at('2026-11-23T10:00'), until: at('2026-11-24T09:55') });
  });
  it('after a run: from where it got to, less the overlap (2 minutes)', () => {
    expect(readWindow({ cursor: { seenUntil: at('2026-11-24T09:40') } }, NOW, S)).toEqual({ since: at('2026-11-24T09:38'), until: at('2026-11-24T09:55') });
  });
  it('a cursor that is not a time is read as none', () => {
    expect(readWindow({ cursor: { seenUntil: 'yesterday' } }, NOW, S).since).toBe(at('2026-11-23T10:00'));
  });
  it('a cursor ahead of now (a clock set back) never makes the window run backwards', () => {
    const w = readWindow({ cursor: { seenUntil: at('2026-11-25T10:00') } }, NOW, S);
    expect(w.since).toBeLessThanOrEqual(w.until);
  });
});

describe('why a message found came late', () => {
  it('svarstid_down when the account was never read', () => expect(lateReason({ lastRunAt: null }, NOW, S)).toBe('svarstid_down'));
  it('svarstid_down when no run happened for more than two intervals', () => expect(lateReason({ lastRunAt: NOW - 31 * 60_000 }, NOW, S)).toBe('svarstid_down'));
  it('not_delivered when svarstid ran within two intervals: the webhook missed it', () => expect(lateReason({ lastRunAt: NOW - 16 * 60_000 }, NOW, S)).toBe('not_delivered'));
});

describe('the backoff after a platform failure', () => {
  it('doubles from a minute and never passes the interval', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => failureBackoff(n, S) / 60_000)).toEqual([1, 2, 4, 8, 15, 15]);
  });
});
