import type { Timeline } from './timeline.js';

/**
 * N working days after t (DESIGN.md, "Business time"):
 * - t outside working hours moves to the next opening;
 * - w = the working time elapsed on t's working day before t;
 * - the result is the earliest instant at which w working time has elapsed on the N-th next working
 *   day (that day's close when the day is shorter than w).
 * With uniform days this is the same clock time N working days later (Mon 10:00 + 1 = Tue 10:00).
 * An arrival at or before opening has w = 0, whose earliest instant is the close of the day before
 * the N-th: Mon 08:00 + 1 = Mon 17:00; Sat 11:00 + 1 = Mon 17:00.
 */
export function addWorkingDays(tl: Timeline, t: number, days: number): number {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number >= 0, got ${days}`);
  if (days === 0) return t;
  tl.cover(t);
  let i = tl.lastStartAtOrBefore(t);
  let at = t;
  if (i < 0 || t >= tl.ends[i]!) {
    i += 1;
    while (i >= tl.n) tl.growForward();
    at = tl.starts[i]!;
  }
  const day = tl.dayOf[i]!;
  const w = tl.cumEnd[i]! - (tl.ends[i]! - at) - tl.dayCumStart[day]!;
  const target = day + days;
  while (target >= tl.days) tl.growForward(tl.yearsFor(target - tl.days + 1, tl.days));
  const dayStart = tl.dayCumStart[target]!;
  const dayLength = tl.dayCumStart[target + 1]! - dayStart;
  return tl.earliestAt(dayStart + Math.min(w, dayLength));
}
