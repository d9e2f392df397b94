/**
 * Dates and times as a person reads them, in the organization's zone (pure: `now` is a parameter).
 * Swedish: "tisdag 24 november kl. 10:00", "i dag kl. 14:30", "i morgon kl. 09:00", "i går kl. 16:00";
 * the year is added when it is not the current year ("fredag 8 januari 2027 kl. 10:00").
 * English: "Tuesday 24 November at 10:00", "today at 14:30". Clock times are 24-hour in both.
 * The names are the text catalogue's (src/texts), written out rather than taken from Intl, so the
 * text does not depend on the ICU data Node was built with.
 */
import { DateTime } from 'luxon';
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

function local(ms: number, zone: string): DateTime {
  const dt = DateTime.fromMillis(ms, { zone });
  if (!dt.isValid) throw new RangeError(`cannot print instant ${ms} in zone "${zone}": ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

/** "tisdag 24 november" (no year), from a local date-time or date. */
function calendarDay(day: DateTime, lang: Language): string {
  const t = texts(lang).dates;
  const weekday = t.weekdays[day.weekday - 1]!;
  const month = t.months[day.month - 1]!;
  return `${weekday} ${day.day} ${month}`;
}

/** "i dag", "i morgon", "i går", else "tisdag 24 november" with the year when it is not today's year. */
function dayName(day: DateTime, today: DateTime, lang: Language): string {
  const offset = Math.round(day.startOf('day').diff(today.startOf('day'), 'days').days);
  const t = texts(lang).dates;
  const relative = offset === -1 ? t.yesterday : offset === 0 ? t.today : offset === 1 ? t.tomorrow : undefined;
  if (relative !== undefined) return relative;
  const name = calendarDay(day, lang);
  return day.year === today.year ? name : `${name} ${day.year}`;
}

/** An instant as a day and clock time: "tisdag 24 november kl. 10:00", "i dag kl. 14:30". */
export function formatDateTime(ms: number, zone: string, now: number, lang: Language): string {
  const dt = local(ms, zone);
  return texts(lang).dates.at(dayName(dt, local(now, zone), lang), dt.toFormat('HH:mm'));
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
  const t = texts(lang).dates;
  if (!end.isValid) return t.untilFurtherNotice;
  const today = local(now, zone);
  if (isMidnight(end)) return t.through(dayName(end.minus({ days: 1 }), today, lang));
  return t.until(formatDateTime(until, zone, now, lang));
}

const isMidnight = (d: DateTime): boolean => d.hour === 0 && d.minute === 0 && d.second === 0 && d.millisecond === 0;

/**
 * The start of an absence: a start at local midnight is a whole day, so no clock time ("i morgon",
 * "onsdag 2 december"); any other start is an instant ("i morgon kl. 13:00").
 */
export function formatAbsenceStart(start: number, zone: string, now: number, lang: Language): string {
  const dt = local(start, zone);
  return isMidnight(dt) ? dayName(dt, local(now, zone), lang) : formatDateTime(start, zone, now, lang);
}
