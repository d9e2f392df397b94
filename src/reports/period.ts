/**
 * Report periods (pure): an ISO week ("2026-W47", Monday 00:00 to the next Monday 00:00) or a
 * calendar year, in the organization's time zone, as half-open instants [start, end).
 */
import { DateTime } from 'luxon';

export interface Period {
  /** "2026-W47" or "2026" */
  readonly label: string;
  readonly kind: 'week' | 'year';
  readonly start: number;
  readonly end: number;
}

export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  readonly code = 'invalid_period';
}

const WEEK = /^(\d{4})-W(\d{2})$/;

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

function weekFrom(monday: DateTime): Period {
  return { label: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`, kind: 'week', start: monday.toMillis(), end: monday.plus({ weeks: 1 }).toMillis() };
}

/** "2026-W47" in a zone; "2026-W54" (a week the year does not have) is an error. */
export function isoWeek(text: string, zone: string): Period {
  const m = WEEK.exec(text.trim());
  if (!m) throw new PeriodError(`"${text}" is not an ISO week; write it like 2026-W47`);
  const monday = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone });
  if (!monday.isValid || monday.weekNumber !== Number(m[2]) || Number(m[2]) < 1) {
    const weeks = DateTime.fromObject({ year: Number(m[1]), month: 12, day: 28 }, { zone }).weekNumber;
    throw new PeriodError(`"${text}": ${m[1]} has weeks 01 to ${weeks}`);
  }
  return weekFrom(monday);
}

/** The ISO week an instant falls in, in a zone. */
export function weekOf(ms: number, zone: string): Period {
  return weekFrom(local(ms, zone).startOf('week'));
}

/** The week before (or `n` weeks before) a week. */
export function weekBefore(week: Period, zone: string, n = 1): Period {
  return weekFrom(local(week.start, zone).minus({ weeks: n }));
}

export function calendarYear(text: string, zone: string): Period {
  if (!/^\d{4}$/.test(text.trim())) throw new PeriodError(`"${text}" is not a year; write it like 2026`);
  const start = DateTime.fromObject({ year: Number(text), month: 1, day: 1 }, { zone });
  return { label: String(start.year), kind: 'year', start: start.toMillis(), end: start.plus({ years: 1 }).toMillis() };
}

export function yearBefore(year: Period, zone: string): Period {
  return calendarYear(String(local(year.start, zone).year - 1), zone);
}

/** The period before: the week before a week, the year before a year. */
export function previousPeriod(p: Period, zone: string): Period {
  return p.kind === 'week' ? weekBefore(p, zone) : yearBefore(p, zone);
}
