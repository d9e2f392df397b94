/** Named cross-field rules, checked after the schema (biz: holidays and policies validated when built). */
import { publicHolidayOn, type LocalInterval } from '../calendar/index.js';
import type { PolicyProblem } from './errors.js';
import type { PolicyData } from './schema.js';
import { WEEKDAYS_EN } from './weekdays.js';

type Rule = (p: PolicyData) => PolicyProblem[];

const shortenedDayIsNotAlsoClosed: Rule = (p) =>
  Object.keys(p.calendar.shortened)
    .filter((k) => p.calendar.closed.includes(k) || p.calendar.closed_dates.includes(k))
    .map((k) => ({ path: `calendar.shortened.${k}`, message: `"${k}" is both shortened and closed; choose one` }));

const shortenedDateIsNotPublicHoliday: Rule = (p) =>
  Object.keys(p.calendar.shortened).flatMap((k) => {
    const holiday = /^\d{4}-/.test(k) ? publicHolidayOn(k) : undefined;
    return holiday ? [{ path: `calendar.shortened.${k}`, message: `${k} is ${holiday.name}, a public holiday: it is always closed` }] : [];
  });

const shortenedDateIsAWorkingDay: Rule = (p) =>
  Object.keys(p.calendar.shortened).flatMap((k) => {
    if (!/^\d{4}-/.test(k)) return [];
    const weekday = (new Date(`${k}T00:00:00Z`).getUTCDay() + 6) % 7;
    const regular: readonly LocalInterval[] = p.calendar.hours[weekday] ?? [];
    return regular.length === 0
      ? [{ path: `calendar.shortened.${k}`, message: `${k} is a ${WEEKDAYS_EN[weekday]}, which has no working hours; shortened only shortens working days` }]
      : [];
  });

export const POLICY_RULES: readonly Rule[] = [shortenedDayIsNotAlsoClosed, shortenedDateIsNotPublicHoliday, shortenedDateIsAWorkingDay];

export function checkRules(p: PolicyData): PolicyProblem[] {
  return POLICY_RULES.flatMap((rule) => rule(p));
}
