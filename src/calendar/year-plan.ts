/**
 * Which hours each local date of a year has: the regular week, overridden (in this order of
 * precedence) by public holidays, closed dates, dated shortened days, closed named days and named
 * shortened days. A shortened day only shortens a day that has regular hours: "trettondagsafton
 * 08:00-12:00" does not open a Saturday.
 */
import { swedishDays } from './swedish-days.js';
import type { CalendarSpec, LocalInterval, SpecialDay } from './types.js';

export interface PlannedDay {
  /** ISO date */
  readonly date: string;
  readonly intervals: readonly LocalInterval[];
}

export interface YearPlan {
  readonly days: readonly PlannedDay[];
  readonly special: readonly SpecialDay[];
}

const DAY_MS = 86_400_000;

export function isoDate(utcMidnightMs: number): string {
  return new Date(utcMidnightMs).toISOString().slice(0, 10);
}

export function planYear(spec: CalendarSpec, year: number): YearPlan {
  const publicByDate = new Map<string, string>();
  const namedByDate = new Map<string, string>();
  for (const d of swedishDays(year)) {
    const map = d.public ? publicByDate : namedByDate;
    const other = map.get(d.date); // two holidays on one date: 2008-05-01 första maj and Kristi himmelsfärdsdag
    map.set(d.date, other === undefined ? d.name : `${other} och ${d.name}`);
  }
  const closedNamed = new Set(spec.closedNamedDays);
  const closedDates = new Set(spec.closedDates);

  const days: PlannedDay[] = [];
  const special: SpecialDay[] = [];
  const first = Date.UTC(year, 0, 1);
  const next = Date.UTC(year + 1, 0, 1);
  for (let ms = first; ms < next; ms += DAY_MS) {
    const date = isoDate(ms);
    const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
    const regular = spec.week[weekday] ?? [];
    const works = regular.length > 0;
    const holiday = publicByDate.get(date);
    const named = namedByDate.get(date);
    const base = { date, affectsWorkingDay: works };
    if (holiday !== undefined) {
      special.push({ ...base, kind: 'public_holiday', name: holiday });
      continue;
    }
    if (closedDates.has(date)) {
      special.push({ ...base, kind: 'closed_date', ...(named ? { name: named } : {}) });
      continue;
    }
    const datedHours = spec.shortenedDates[date];
    if (datedHours && works) {
      special.push({ ...base, kind: 'shortened', hours: datedHours, ...(named ? { name: named } : {}) });
      days.push({ date, intervals: datedHours });
      continue;
    }
    if (named !== undefined && closedNamed.has(named)) {
      special.push({ ...base, kind: 'closed_day', name: named });
      continue;
    }
    const namedHours = named !== undefined ? spec.shortenedNamed[named] : undefined;
    if (namedHours && works) {
      special.push({ ...base, kind: 'shortened', name: named!, hours: namedHours });
      days.push({ date, intervals: namedHours });
      continue;
    }
    if (works) days.push({ date, intervals: regular });
  }
  return { days, special };
}
