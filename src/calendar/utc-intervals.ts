/**
 * Resolves a year's planned local hours to UTC instants, day by day, in the calendar's zone.
 * DST is handled here and only here: a day's local intervals are converted with that day's offsets,
 * so 08:00-17:00 is nine real hours on the spring-forward Monday as on any other day, and a local
 * time that does not exist (02:30 on the spring-forward night) moves forward as luxon resolves it
 * (ZoneOffsets.wallToUtc).
 */
import type { ZoneOffsets } from '../time/zone-offsets.js';
import { planYear } from './year-plan.js';
import type { CalendarSpec } from './types.js';

export interface YearBlock {
  readonly year: number;
  /** UTC ms of local midnight starting Jan 1 of `year`, and of Jan 1 of `year + 1` */
  readonly startMs: number;
  readonly endMs: number;
  /** flat interval list in UTC ms, sorted, with the index of the working day each belongs to */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** per working day of the year: index of its first interval in starts/ends */
  readonly dayFirst: readonly number[];
}

const MINUTE = 60_000;

function wallMs(date: string, minutes: number): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * MINUTE;
}

export function localMidnightMs(zone: ZoneOffsets, year: number): number {
  return zone.wallToUtc(Date.UTC(year, 0, 1));
}

export function buildYearBlock(spec: CalendarSpec, zone: ZoneOffsets, year: number): YearBlock {
  const { days } = planYear(spec, year);
  const starts: number[] = [];
  const ends: number[] = [];
  const dayFirst: number[] = [];
  for (const day of days) {
    const first = starts.length;
    for (const iv of day.intervals) {
      // 24:00 is the next day's midnight: wallMs adds 1440 minutes to the date's midnight
      const s = zone.wallToUtc(wallMs(day.date, iv.start));
      const e = zone.wallToUtc(wallMs(day.date, iv.end));
      if (e > s) {
        starts.push(s);
        ends.push(e);
      }
    }
    if (starts.length > first) dayFirst.push(first);
  }
  return {
    year,
    startMs: localMidnightMs(zone, year),
    endMs: localMidnightMs(zone, year + 1),
    starts,
    ends,
    dayFirst,
  };
}
