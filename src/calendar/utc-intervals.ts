/**
 * Resolves a year's planned local hours to UTC instants, day by day, in the calendar's zone.
 * DST is handled here and only here: a day's local intervals are converted with that day's offsets,
 * so 08:00-17:00 is nine real hours on the spring-forward Monday as on any other day, and a local
 * time that does not exist (02:30 on the spring-forward night) moves forward as luxon resolves it.
 */
import { DateTime } from 'luxon';
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

export function localMidnightMs(zone: string, year: number, month = 1, day = 1): number {
  return DateTime.fromObject({ year, month, day }, { zone }).toMillis();
}

function localMs(zone: string, date: string, minutes: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (minutes === 1440) return DateTime.fromObject({ year, month, day }, { zone }).plus({ days: 1 }).toMillis();
  return DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toMillis();
}

export function buildYearBlock(spec: CalendarSpec, year: number): YearBlock {
  const { days } = planYear(spec, year);
  const starts: number[] = [];
  const ends: number[] = [];
  const dayFirst: number[] = [];
  for (const day of days) {
    const first = starts.length;
    for (const iv of day.intervals) {
      const s = localMs(spec.timezone, day.date, iv.start);
      const e = localMs(spec.timezone, day.date, iv.end);
      if (e > s) {
        starts.push(s);
        ends.push(e);
      }
    }
    if (starts.length > first) dayFirst.push(first);
  }
  return {
    year,
    startMs: localMidnightMs(spec.timezone, year),
    endMs: localMidnightMs(spec.timezone, year + 1),
    starts,
    ends,
    dayFirst,
  };
}
