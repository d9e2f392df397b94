import { CalendarRangeError, type Timeline } from './timeline.js';
import { FIRST_YEAR } from './types.js';

/**
 * N working milliseconds after t: the earliest instant u >= t such that the working time in [t, u)
 * equals N. An arrival outside hours starts counting at the next opening; a result that fills a
 * working interval exactly is that interval's close (Thu 13:00 + 4 h = Thu 17:00, not Fri 08:00).
 */
export function addWorkingTime(tl: Timeline, t: number, duration: number): number {
  if (!(duration >= 0)) throw new RangeError(`working time to add must be >= 0, got ${duration}`);
  if (duration === 0) return t;
  tl.cover(t);
  return tl.earliestAt(tl.position(t) + duration);
}

/**
 * N working milliseconds before t: the latest instant u <= t such that the working time in [u, t)
 * equals N. A result at a boundary is the opening, never the previous close (1 working hour before
 * Mon 09:00 is Mon 08:00, not Fri 17:00) — reminders planned this way never fall in closed time.
 */
export function subtractWorkingTime(tl: Timeline, t: number, duration: number): number {
  if (!(duration >= 0)) throw new RangeError(`working time to subtract must be >= 0, got ${duration}`);
  if (duration === 0) return t;
  tl.cover(t);
  while (tl.position(t) < duration) {
    if (tl.firstYear <= FIRST_YEAR) throw new CalendarRangeError(`svarstid calendars start in ${FIRST_YEAR}`);
    tl.coverYears(tl.firstYear - 1, tl.lastYear); // re-bases positions, so read them again
  }
  const p = tl.position(t) - duration;
  const j = tl.firstEndAbove(p);
  return tl.ends[j]! - (tl.cumEnd[j]! - p);
}
