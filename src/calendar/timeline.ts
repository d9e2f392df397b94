/**
 * The compiled form of a calendar: every working interval of a contiguous range of years, in UTC
 * milliseconds, with running totals of working time. A query is a binary search over these arrays.
 *
 * "Position" of an instant = working time elapsed from the start of the covered range up to it.
 * Intervals have positive length, so `cumEnd` is strictly increasing.
 *
 * The range grows on demand, one year block at a time (blocks are cached), so any year from
 * FIRST_YEAR to LAST_YEAR works and a query never runs off the end of a window. Growing forward
 * only appends; growing backward re-bases positions, so it happens only in `cover()`, before a query
 * reads any position.
 */
import { DateTime } from 'luxon';
import { buildYearBlock, type YearBlock } from './utc-intervals.js';
import { FIRST_YEAR, LAST_YEAR, type CalendarSpec } from './types.js';

export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
  readonly code = 'calendar_out_of_range';
}

export class Timeline {
  starts = new Float64Array(0);
  ends = new Float64Array(0);
  /** working time at the end of interval i */
  cumEnd = new Float64Array(0);
  /** working-day index of interval i */
  dayOf = new Int32Array(0);
  /** working time at the start of working day k; length = days + 1 (last = total) */
  dayCumStart = new Float64Array(1);
  /** number of intervals and of working days */
  n = 0;
  days = 0;
  /** covered instants: [rangeStart, rangeEnd) */
  rangeStart = Infinity;
  rangeEnd = -Infinity;
  firstYear = 0;
  lastYear = -1;
  private readonly blocks = new Map<number, YearBlock>();

  constructor(private readonly spec: CalendarSpec) {}

  /** Makes sure instant `t` (and the year after it) is covered. */
  cover(t: number): void {
    if (t >= this.rangeStart && t < this.rangeEnd) return;
    if (!Number.isFinite(t)) throw new CalendarRangeError(`not a valid instant: ${t}`);
    const year = DateTime.fromMillis(t, { zone: this.spec.timezone }).year;
    this.coverYears(year, year + 1);
  }

  /** Adds the next year at the end. Throws when that would pass LAST_YEAR. */
  growForward(): void {
    if (this.lastYear >= LAST_YEAR) {
      throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; the result lies after ${LAST_YEAR}`);
    }
    this.coverYears(this.firstYear, this.lastYear + 1);
  }

  coverYears(from: number, to: number): void {
    if (!(from >= FIRST_YEAR && from <= LAST_YEAR)) {
      throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; asked for ${from}`);
    }
    const empty = this.lastYear < this.firstYear;
    const lo = empty ? from : Math.min(from, this.firstYear);
    const hi = Math.min(LAST_YEAR, empty ? to : Math.max(to, this.lastYear));
    this.rebuild(lo, hi);
  }

  private block(year: number): YearBlock {
    let b = this.blocks.get(year);
    if (!b) {
      b = buildYearBlock(this.spec, year);
      this.blocks.set(year, b);
    }
    return b;
  }

  private rebuild(lo: number, hi: number): void {
    let n = 0;
    let days = 0;
    for (let y = lo; y <= hi; y++) {
      const b = this.block(y);
      n += b.starts.length;
      days += b.dayFirst.length;
    }
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const cumEnd = new Float64Array(n);
    const dayOf = new Int32Array(n);
    const dayCumStart = new Float64Array(days + 1);
    let i = 0;
    let k = 0;
    let cum = 0;
    for (let y = lo; y <= hi; y++) {
      const b = this.block(y);
      let d = -1;
      for (let j = 0; j < b.starts.length; j++) {
        if (d + 1 < b.dayFirst.length && b.dayFirst[d + 1] === j) {
          d++;
          dayCumStart[k + d] = cum;
        }
        starts[i] = b.starts[j]!;
        ends[i] = b.ends[j]!;
        cum += ends[i]! - starts[i]!;
        cumEnd[i] = cum;
        dayOf[i] = k + d;
        i++;
      }
      k += b.dayFirst.length;
    }
    dayCumStart[days] = cum;
    Object.assign(this, { starts, ends, cumEnd, dayOf, dayCumStart, n, days });
    this.firstYear = lo;
    this.lastYear = hi;
    this.rangeStart = this.block(lo).startMs;
    // the last covered year is kept as a look-ahead (a query instant must lie before it),
    // except at LAST_YEAR, where there is nothing more to look ahead to
    this.rangeEnd = hi === LAST_YEAR ? this.block(hi).endMs : this.block(hi).startMs;
  }

  /** Index of the last interval starting at or before t, or -1. */
  lastStartAtOrBefore(t: number): number {
    const a = this.starts;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index of the first interval whose cumEnd >= p (p <= total), i.e. the earliest instant with position p lies in it. */
  firstEndAtLeast(p: number): number {
    const a = this.cumEnd;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first interval whose cumEnd > p: the latest instant with position p lies in it. */
  firstEndAbove(p: number): number {
    const a = this.cumEnd;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Working time from the range start to t. t must be covered. */
  position(t: number): number {
    const i = this.lastStartAtOrBefore(t);
    if (i < 0) return 0;
    const end = this.ends[i]!;
    return t < end ? this.cumEnd[i]! - (end - t) : this.cumEnd[i]!;
  }

  get total(): number {
    return this.n === 0 ? 0 : this.cumEnd[this.n - 1]!;
  }

  /** The earliest instant whose position is p; grows the range when p lies beyond it. */
  earliestAt(p: number): number {
    while (p > this.total) this.growForward();
    const j = this.firstEndAtLeast(p);
    return this.ends[j]! - (this.cumEnd[j]! - p);
  }
}
