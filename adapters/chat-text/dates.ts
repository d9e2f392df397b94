/**
 * Dates and times as a person reads them, in the organization's zone (pure: `now` is a parameter).
 * Swedish: "tisdag 24 november kl. 10:00", "i dag kl. 14:30", "i morgon kl. 09:00", "i går kl. 16:00";
 * the year is added when it is not the current year ("fredag 8 januari 2027 kl. 10:00").
 * English: "Tuesday 24 November at 10:00", "today at 14:30". Clock times are 24-hour in both.
 * Names are written out here rather than taken from Intl, so the text does not depend on the ICU
 * data Node was built with.
 */
import { DateTime } from 'luxon';
import type { Language } from './message.js';

const WEEKDAYS: Record<Language, readonly string[]> = {
  sv: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

const MONTHS: Record<Language, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Days relative to today that have a name of their own. */
const RELATIVE: Record<Language, Readonly<Record<number, string>>> = {
  sv: { [-1]: 'i går', 0: 'i dag', 1: 'i morgon' },
  en: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
};

const CLOCK_PREFIX: Record<Language, string> = { sv: 'kl.', en: 'at' };

function local(ms: number, zone: string): DateTime {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new RangeError(`cannot print instant ${ms} in zone "${zone}": ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/** "tisdag 24 november" (no year), from a local date-time or date. */
function calendarDay(day: DateTime, lang: Language): string {
  const weekday = WEEKDAYS[lang][day.weekday - 1]!;
  const month = MONTHS[lang][day.month - 1]!;
  return `${weekday} ${day.day} ${month}`;
}

/** "i dag", "i morgon", "i går", else "tisdag 24 november" with the year when it is not today's year. */
function dayName(day: DateTime, today: DateTime, lang: Language): string {
  const offset = Math.round(day.startOf('day').diff(today.startOf('day'), 'days').days);
  const relative = RELATIVE[lang][offset];
  if (relative !== undefined) return relative;
  const name = calendarDay(day, lang);
  return day.year === today.year ? name : `${name} ${day.year}`;
}

/** An instant as a day and clock time: "tisdag 24 november kl. 10:00", "i dag kl. 14:30". */
export function formatDateTime(ms: number, zone: string, now: number, lang: Language): string {
  const dt = local(ms, zone);
  return `${dayName(dt, local(now, zone), lang)} ${CLOCK_PREFIX[lang]} ${dt.toFormat('HH:mm')}`;
}

/** A calendar date ("2026-11-25") as "onsdag 25 november"; anything else is returned as given. */
export function formatDate(isoDate: string, lang: Language): string {
  const day = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && day.isValid ? calendarDay(day, lang) : isoDate;
}

/** An instant as "2026-11-24 09:15" in the zone, for logs and the console. */
export function formatTimestamp(ms: number, zone: string): string {
  return local(ms, zone).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * The end of an absence, `until` being its exclusive end. An end at local midnight means the person
 * is away the whole previous day: "till och med fredag 27 november" ("through Friday 27 November").
 * Any other end is an instant: "till fredag 27 november kl. 12:00" ("until … at 12:00").
 * Returns undefined when the end is not after `now` (an inactive person has no end to tell).
 */
export function formatAbsenceEnd(until: number, zone: string, now: number, lang: Language): string | undefined {
  if (!(until > now)) return undefined;
  const end = DateTime.fromMillis(until, { zone });
  if (!end.isValid) return lang === 'en' ? 'until further notice' : 'tills vidare';
  const today = local(now, zone);
  if (end.hour === 0 && end.minute === 0 && end.second === 0 && end.millisecond === 0) {
    return `${lang === 'en' ? 'through' : 'till och med'} ${dayName(end.minus({ days: 1 }), today, lang)}`;
  }
  return `${lang === 'en' ? 'until' : 'till'} ${formatDateTime(until, zone, now, lang)}`;
}
