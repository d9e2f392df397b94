/** One builder with defaults for calendars in tests: Mon–Fri 08:00–17:00, Europe/Stockholm, the default closed eves. */
import { DateTime } from 'luxon';
import { parseInstant } from '../../src/time/iso.js';
import { compileCalendar, parseIntervals, DEFAULT_CLOSED_DAYS, type BusinessCalendar, type LocalInterval } from '../../src/calendar/index.js';

export interface CalendarOptions {
  weekdays?: string;
  friday?: string;
  saturday?: string;
  sunday?: string;
  timezone?: string;
  closed?: string[];
  shortened?: Record<string, string>;
  closedDates?: string[];
}

export function calendar(o: CalendarOptions = {}): BusinessCalendar {
  const weekday = parseIntervals(o.weekdays ?? '08:00-17:00');
  const week: LocalInterval[][] = [weekday, weekday, weekday, weekday, o.friday ? parseIntervals(o.friday) : weekday];
  week.push(o.saturday ? parseIntervals(o.saturday) : [], o.sunday ? parseIntervals(o.sunday) : []);
  const shortenedNamed: Record<string, LocalInterval[]> = {};
  const shortenedDates: Record<string, LocalInterval[]> = {};
  for (const [k, v] of Object.entries(o.shortened ?? {})) {
    (/^\d{4}-\d{2}-\d{2}$/.test(k) ? shortenedDates : shortenedNamed)[k] = parseIntervals(v);
  }
  return compileCalendar({
    timezone: o.timezone ?? 'Europe/Stockholm',
    week,
    closedNamedDays: o.closed ?? [...DEFAULT_CLOSED_DAYS],
    shortenedNamed,
    shortenedDates,
    closedDates: o.closedDates ?? [],
  });
}

/** A local Stockholm wall-clock time ("2026-04-02T13:00"), or any ISO instant with an offset or Z. */
export function at(text: string, zone = 'Europe/Stockholm'): number {
  return parseInstant(text, zone);
}

/** An instant as local ISO with offset, seconds only when non-zero: "2026-04-07T13:00+02:00". */
export function local(ms: number, zone = 'Europe/Stockholm'): string {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.second === 0 && dt.millisecond === 0
    ? dt.toFormat("yyyy-MM-dd'T'HH:mmZZ")
    : dt.toISO({ suppressMilliseconds: true })!;
}

export const hours = (n: number): number => n * 3_600_000;
export const minutes = (n: number): number => n * 60_000;
