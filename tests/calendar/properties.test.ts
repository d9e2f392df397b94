/**
 * Properties of business time that follow from the contract (DESIGN.md, "Business time: the
 * semantics"), checked with fast-check over arrivals spread over 2024–2030.
 *
 * Notation used in the derivations: pos(x) = working time from a fixed origin up to x, so that
 * workingTimeBetween(a, b) = pos(b) - pos(a). pos is non-decreasing, and it increases by exactly
 * 1 ms from x to x + 1 iff x is open (intervals are half-open, boundaries are whole minutes).
 *
 * - addWorkingTime(t, d), d > 0, is the EARLIEST u with pos(u) = pos(t) + d. Hence pos(u - 1) =
 *   pos(u) - 1, i.e. u - 1 is open: a deadline is open time or exactly the close of an interval.
 * - subtractWorkingTime(u, d), d > 0, is the LATEST s <= u with pos(s) = pos(u) - d. Hence
 *   pos(s + 1) = pos(s) + 1, i.e. s is open: a reminder planned this way is never in closed time.
 * - subtractWorkingTime(addWorkingTime(t, d), d) is the latest instant with position pos(t): t itself
 *   when t is open, otherwise the next opening — so it equals nextOpening(t) (>= t, not <= t).
 * - addWorkingTime(subtractWorkingTime(u, d), d) is the earliest instant with position pos(u): u when
 *   u - 1 is open, otherwise the close before u — so it is <= u with no working time in between.
 * - addWorkingDays(t, n): o = nextOpening(t), w = working time on o's local date before o; the
 *   result is the earliest instant at which min(w, L) has elapsed on the n-th working day after o's
 *   date (L = that day's working time). With w = 0 that earliest instant is the close of the day
 *   before it. Positions grow with t and with n, so the result does too.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../src/calendar/index.js';
import { calendar, hours, minutes } from '../support/calendar-builder.js';

const ZONE = 'Europe/Stockholm';
const DAY = 86_400_000;
const HALF_HOUR = 1_800_000;
const FROM = Date.UTC(2024, 0, 1); // 2024-01-01T00:00Z
const TO = Date.UTC(2031, 0, 1); // exclusive: arrivals lie in 2024–2030
const SPAN_DAYS = (TO - FROM) / DAY;
const RUNS = 1000;

/**
 * An arrival in 2024–2030: either any millisecond, or a multiple of 30 minutes (every opening and
 * close of the calendars below, in UTC too, since Stockholm's offsets are whole hours) nudged by
 * -1, 0 or +1 ms, so that boundaries are hit often.
 */
const instant = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: SPAN_DAYS - 1 }), fc.integer({ min: 0, max: DAY - 1 })).map(([d, ms]) => FROM + d * DAY + ms),
  fc
    .tuple(fc.integer({ min: 0, max: (TO - FROM) / HALF_HOUR - 1 }), fc.constantFrom(-1, 0, 0, 0, 1))
    .map(([k, e]) => Math.max(FROM, FROM + k * HALF_HOUR + e)),
);

/** 0 to 5 working days (of 9 h) of whole working minutes, 0 itself now and then. */
const duration = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5 * 9 * 60 }).map(minutes), weight: 9 },
  { arbitrary: fc.constant(0), weight: 1 },
);
const positiveDuration = fc.integer({ min: 1, max: 5 * 9 * 60 }).map(minutes);
const workingDays = fc.integer({ min: 0, max: 10 });

const defaultCalendar = calendar();
// The example policy's hours, with a shortened skärtorsdag, a shortened 23 December and three
// klämdagar (the Fridays after Kristi himmelsfärd 2025, 2027 and 2028).
const lunchCalendar = calendar({
  weekdays: '08:00-12:00, 13:00-16:30',
  friday: '08:00-12:00, 13:00-15:00',
  shortened: { skärtorsdagen: '08:00-12:00', '2026-12-23': '08:00-15:00', '2028-12-23': '08:00-15:00' },
  closedDates: ['2025-05-30', '2027-05-07', '2028-05-26'],
});
// Working intervals that touch across midnight (Sat 10:00-24:00, Sun 00:00-24:00) and whole days
// that are 23 or 25 hours long on the DST Sundays: a close that is at the same time an opening.
const roundTheClockWeekend = calendar({ weekdays: '07:00-19:00', saturday: '10:00-24:00', sunday: '00:00-24:00' });

const calendars: Array<[string, BusinessCalendar]> = [
  ['the default calendar (Mon–Fri 08:00-17:00)', defaultCalendar],
  ['the lunch-break calendar with shortened and closed dates', lunchCalendar],
  ['a calendar open round the clock at weekends', roundTheClockWeekend],
];

beforeAll(() => {
  for (const [, c] of calendars) c.compileYears(2023, 2032);
});

const midnight = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: ZONE }).startOf('day');

/**
 * addWorkingDays as the contract words it, computed by walking local dates and measuring them
 * with workingTimeBetween (a reference model, independent of the working-day index of the code).
 */
function addWorkingDaysByTheWords(c: BusinessCalendar, t: number, n: number): number {
  if (n === 0) return t;
  const o = c.nextOpening(t);
  let day = midnight(o);
  const w = c.workingTimeBetween(day.toMillis(), o);
  const lengthOf = (d: DateTime): number => c.workingTimeBetween(d.toMillis(), d.plus({ days: 1 }).toMillis());
  for (let k = 0; k < n; ) {
    day = day.plus({ days: 1 });
    if (lengthOf(day) > 0) k++;
  }
  const elapsed = Math.min(w, lengthOf(day));
  // the earliest instant with position pos(midnight) + elapsed; for elapsed = 0 that is the end of
  // the last working interval before midnight: one ms after the latest instant 1 ms of work earlier
  return elapsed > 0 ? c.addWorkingTime(day.toMillis(), elapsed) : c.subtractWorkingTime(day.toMillis(), 1) + 1;
}

describe.each(calendars)('business time properties: %s', (_name, cal) => {
  describe('when a working duration is added (addWorkingTime)', () => {
    it('a zero duration is the arrival itself; a positive one lies later, in open time or exactly at a close', () => {
      fc.assert(
        fc.property(instant, duration, (t, d) => {
          const u = cal.addWorkingTime(t, d);
          if (d === 0) {
            expect(u).toBe(t);
            return;
          }
          expect(u).toBeGreaterThan(t);
          expect(cal.isOpen(u - 1)).toBe(true);
          if (!cal.isOpen(u)) expect(cal.nextClose(u - 1)).toBe(u);
        }),
        { numRuns: RUNS },
      );
    });

    it('the working time between the arrival and the deadline is the duration', () => {
      fc.assert(
        fc.property(instant, duration, (t, d) => {
          expect(cal.workingTimeBetween(t, cal.addWorkingTime(t, d))).toBe(d);
        }),
        { numRuns: RUNS },
      );
    });

    it('the deadline is the earliest such instant: one ms earlier is one working ms short', () => {
      fc.assert(
        fc.property(instant, positiveDuration, (t, d) => {
          const u = cal.addWorkingTime(t, d);
          expect(cal.workingTimeBetween(t, u - 1)).toBe(d - 1);
        }),
        { numRuns: RUNS },
      );
    });

    it('is monotonic in the arrival and in the duration', () => {
      fc.assert(
        fc.property(instant, instant, duration, duration, (a, b, d, e) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          const [d1, d2] = d <= e ? [d, e] : [e, d];
          expect(cal.addWorkingTime(t1, d1)).toBeLessThanOrEqual(cal.addWorkingTime(t2, d1));
          expect(cal.addWorkingTime(t1, d1)).toBeLessThanOrEqual(cal.addWorkingTime(t1, d2));
        }),
        { numRuns: RUNS },
      );
    });

    it('is additive: adding a and then b is adding a + b', () => {
      fc.assert(
        fc.property(instant, duration, duration, (t, a, b) => {
          expect(cal.addWorkingTime(cal.addWorkingTime(t, a), b)).toBe(cal.addWorkingTime(t, a + b));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('when working days are added (addWorkingDays)', () => {
    it('zero days is the arrival itself; n >= 1 days lies later, in open time or exactly at a close', () => {
      fc.assert(
        fc.property(instant, workingDays, (t, n) => {
          const r = cal.addWorkingDays(t, n);
          if (n === 0) {
            expect(r).toBe(t);
            return;
          }
          expect(r).toBeGreaterThan(t);
          expect(cal.workingTimeBetween(t, r)).toBeGreaterThan(0);
          expect(cal.isOpen(r - 1)).toBe(true);
          if (!cal.isOpen(r)) expect(cal.nextClose(r - 1)).toBe(r);
        }),
        { numRuns: RUNS },
      );
    });

    it('is what the contract says, day by day: w elapsed on the n-th next working day (its close if shorter)', () => {
      fc.assert(
        fc.property(instant, workingDays, (t, n) => {
          expect(cal.addWorkingDays(t, n)).toBe(addWorkingDaysByTheWords(cal, t, n));
        }),
        { numRuns: 500 },
      );
    });

    it('is monotonic in the arrival', () => {
      fc.assert(
        fc.property(instant, instant, workingDays, (a, b, n) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a];
          expect(cal.addWorkingDays(t1, n)).toBeLessThanOrEqual(cal.addWorkingDays(t2, n));
        }),
        { numRuns: RUNS },
      );
    });

    it('one more working day is always later', () => {
      fc.assert(
        fc.property(instant, workingDays, (t, n) => {
          expect(cal.addWorkingDays(t, n + 1)).toBeGreaterThan(cal.addWorkingDays(t, n));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('when a working duration is subtracted (subtractWorkingTime)', () => {
    it('the result lies before, in open time, with exactly the duration of work up to the given instant', () => {
      fc.assert(
        fc.property(instant, duration, (u, d) => {
          const s = cal.subtractWorkingTime(u, d);
          if (d === 0) {
            expect(s).toBe(u);
            return;
          }
          expect(s).toBeLessThan(u);
          expect(cal.workingTimeBetween(s, u)).toBe(d);
          expect(cal.isOpen(s)).toBe(true);
          // the latest such instant: one ms later is one working ms short
          expect(cal.workingTimeBetween(s + 1, u)).toBe(d - 1);
        }),
        { numRuns: RUNS },
      );
    });

    it('undoes an addition up to the next opening: subtract(add(t, d), d) = nextOpening(t)', () => {
      fc.assert(
        fc.property(instant, positiveDuration, (t, d) => {
          const back = cal.subtractWorkingTime(cal.addWorkingTime(t, d), d);
          expect(back).toBe(cal.nextOpening(t));
          if (cal.isOpen(t)) expect(back).toBe(t);
        }),
        { numRuns: RUNS },
      );
    });

    it('an addition after it returns to the earliest instant with the same position: <= u, no work in between', () => {
      fc.assert(
        fc.property(instant, positiveDuration, (u, d) => {
          const r = cal.addWorkingTime(cal.subtractWorkingTime(u, d), d);
          expect(r).toBeLessThanOrEqual(u);
          expect(cal.workingTimeBetween(r, u)).toBe(0);
          expect(cal.isOpen(r - 1)).toBe(true);
          if (cal.isOpen(u - 1)) expect(r).toBe(u);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('when working time is measured and openings are asked for', () => {
    it('workingTimeBetween is antisymmetric, additive and at most the real time elapsed', () => {
      fc.assert(
        fc.property(instant, instant, instant, (a, b, c) => {
          expect(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, a)).toBe(0);
          expect(cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c)).toBe(cal.workingTimeBetween(a, c));
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const between = cal.workingTimeBetween(lo, hi);
          expect(between).toBeGreaterThanOrEqual(0);
          expect(between).toBeLessThanOrEqual(hi - lo);
        }),
        { numRuns: RUNS },
      );
    });

    it('nextOpening and nextClose bound one stretch of working time', () => {
      fc.assert(
        fc.property(instant, (t) => {
          const open = cal.nextOpening(t);
          const close = cal.nextClose(t);
          expect(cal.isOpen(t)).toBe(open === t);
          expect(open).toBeGreaterThanOrEqual(t);
          expect(cal.isOpen(open)).toBe(true);
          expect(cal.workingTimeBetween(t, open)).toBe(0);
          expect(close).toBeGreaterThan(open);
          expect(cal.isOpen(close - 1)).toBe(true);
          expect(cal.workingTimeBetween(open, close)).toBe(close - open);
        }),
        { numRuns: RUNS },
      );
    });
  });
});

describe('business time properties of the default calendar, whose working days are all 9 hours', () => {
  it('n working days from any arrival are exactly n × 9 working hours', () => {
    // Every working day is 08:00-17:00 (no shortened days): w is kept, so pos grows by n × 9 h;
    // a closed arrival has the position of the next opening, with w = 0.
    fc.assert(
      fc.property(instant, workingDays, (t, n) => {
        expect(defaultCalendar.workingTimeBetween(t, defaultCalendar.addWorkingDays(t, n))).toBe(n * hours(9));
      }),
      { numRuns: RUNS },
    );
  });

  it('n working days from an open instant after 08:00 end at the same local clock time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10 }), (t, n) => {
        // open and not the opening itself (an arrival at 08:00 has w = 0 and ends at a 17:00 close)
        fc.pre(defaultCalendar.isOpen(t) && defaultCalendar.isOpen(t - 1));
        const clock = (ms: number): string => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm:ss.SSS');
        expect(clock(defaultCalendar.addWorkingDays(t, n))).toBe(clock(t));
      }),
      { numRuns: 500 },
    );
  });
});
