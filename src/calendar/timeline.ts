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
import { ZoneOffsets } from '../time/zone-offsets.js';
import { buildYearBlock, type YearBlock } from './utc-intervals.js';
import { FIRST_YEAR, LAST_YEAR, type CalendarSpec } from './types.js';

/** A query this many years away from the covered range starts a new range. */
const JUMP = 30;
/** One range never spans more than this many years (a guard against absurd durations). */
const MAX_SPAN = 400;
/** Year blocks kept for re-use; beyond this, blocks outside the current range are dropped. */
const MAX_CACHED_BLOCKS = 500;
const MIN_MS = Date.UTC(FIRST_YEAR - 1, 11, 30);
const MAX_MS = Date.UTC(LAST_YEAR + 1, 0, 2);

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

  private readonly zone: ZoneOffsets;

  constructor(private readonly spec: CalendarSpec) {
    this.zone = new ZoneOffsets(spec.timezone);
  }

  /**
   * Makes sure instant `t` (and the year after it) is covered. A year far from the covered range
   * starts a new range instead of compiling every year in between (positions are re-based, which is
   * safe here: no query has read a position yet).
   */
  cover(t: number): void {
    if (t >= this.rangeStart && t < this.rangeEnd) return;
    const year = this.yearOf(t);
    if (this.lastYear < this.firstYear || year < this.firstYear - JUMP || year > this.lastYear + JUMP) {
      this.firstYear = 0;
      this.lastYear = -1;
    }
    this.coverYears(year, year + 1);
  }

  /** Makes sure both instants are covered by one contiguous range (for working time between them). */
  coverBoth(a: number, b: number): void {
    this.cover(a);
    if (b >= this.rangeStart && b < this.rangeEnd) return;
    const year = this.yearOf(b);
    this.coverYears(year, year + 1);
  }

  private yearOf(t: number): number {
    if (!Number.isFinite(t)) throw new CalendarRangeError(`not a valid instant: ${t}`);
    if (t < MIN_MS || t > MAX_MS) throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; ${new Date(t).toISOString()} is outside`);
    return new Date(t + this.zone.offset(t) * 60_000).getUTCFullYear();
  }

  /** Adds years at the end (at least one). Throws past LAST_YEAR, or when the range would span over MAX_SPAN years. */
  growForward(years = 1): void {
    if (this.lastYear >= LAST_YEAR) {
      throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; the result lies after ${LAST_YEAR}`);
    }
    this.coverYears(this.firstYear, Math.min(LAST_YEAR, this.lastYear + Math.max(1, Math.ceil(years))));
  }

  /** Years to add so that `more` units (of working time, or working days) fit, from the average so far. */
  yearsFor(more: number, perRange: number): number {
    const span = this.lastYear - this.firstYear + 1;
    return perRange > 0 ? (more / perRange) * span : 1;
  }

  coverYears(from: number, to: number): void {
    if (!(from >= FIRST_YEAR && from <= LAST_YEAR)) {
      throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; asked for ${from}`);
    }
    const empty = this.lastYear < this.firstYear;
    const lo = empty ? from : Math.min(from, this.firstYear);
    const hi = Math.min(LAST_YEAR, empty ? to : Math.max(to, this.lastYear));
    if (hi - lo > MAX_SPAN) {
      throw new CalendarRangeError(`one query may span at most ${MAX_SPAN} years of calendar (asked for ${lo}–${hi})`);
    }
    this.rebuild(lo, hi);
  }

  private block(year: number): YearBlock {
    let b = this.blocks.get(year);
    if (!b) {
      if (this.blocks.size >= MAX_CACHED_BLOCKS) this.forgetBlocksOutside(this.firstYear, this.lastYear);
      b = buildYearBlock(this.spec, this.zone, year);
      this.blocks.set(year, b);
    }
    return b;
  }

  private forgetBlocksOutside(lo: number, hi: number): void {
    for (const year of this.blocks.keys()) if (year < lo || year > hi) this.blocks.delete(year);
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
    while (p > this.total) this.growForward(this.yearsFor(p - this.total, this.total));
    const j = this.firstEndAtLeast(p);
    return this.ends[j]! - (this.cumEnd[j]! - p);
  }
}
