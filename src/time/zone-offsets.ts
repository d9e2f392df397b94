/**
 * UTC offsets of one IANA zone, fast: an offset is read from luxon once per UTC week and reused for
 * the whole week when the week starts and ends with the same offset; a week with a change (DST) is
 * read per day, per hour, then per instant. This assumes no zone changes its offset twice within one
 * week and back again (none in the tz database does: the shortest, Morocco's Ramadan suspension,
 * lasts about a month). Pure: no clock reads.
 */
import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export class ZoneOffsets {
  readonly zone: IANAZone;
  /** span size -> (span index -> offset, or NaN when the offset changes within the span) */
  private readonly spans = new Map<number, Map<number, number>>([WEEK, DAY, HOUR].map((size) => [size, new Map()]));

  constructor(zone: string) {
    this.zone = IANAZone.create(zone);
    if (!this.zone.isValid) throw new RangeError(`"${zone}" is not an IANA time zone`);
  }

  /** Offset from UTC in minutes at instant ms. */
  offset(ms: number): number {
    return this.over(ms, WEEK) ?? this.over(ms, DAY) ?? this.over(ms, HOUR) ?? this.zone.offset(ms);
  }

  /** The offset when it is constant over the whole span of `size` containing ms, else undefined. Memoized. */
  private over(ms: number, size: number): number | undefined {
    const cache = this.spans.get(size)!;
    const index = Math.floor(ms / size);
    let value = cache.get(index);
    if (value === undefined) {
      const first = this.zone.offset(index * size);
      value = first === this.zone.offset(index * size + size - 1) ? first : Number.NaN;
      if (cache.size > 100_000) cache.clear();
      cache.set(index, value);
    }
    return Number.isNaN(value) ? undefined : value;
  }

  /**
   * The instant of a wall-clock time, given as the epoch ms it would be if the wall clock were UTC.
   * Disambiguation as Temporal's "compatible": a time in a DST gap moves forward by the gap (02:30 on
   * the spring-forward night is 03:30 summer time); a time that occurs twice (02:30 on the fall-back
   * night) is the earlier occurrence (summer time). Assumes at most one change within ±14 hours.
   */
  wallToUtc(wallMs: number): number {
    const early = this.offset(wallMs - 14 * HOUR);
    const late = this.offset(wallMs + 14 * HOUR);
    const a = wallMs - early * MINUTE;
    if (early === late) return a;
    const b = wallMs - late * MINUTE;
    const aValid = this.offset(a) === early;
    const bValid = this.offset(b) === late;
    if (aValid && bValid) return Math.min(a, b);
    if (aValid) return a;
    if (bValid) return b;
    return a; // in the gap: shifted forward by the gap
  }
}
