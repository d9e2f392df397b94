/**
 * The period of `frånvaro FROM [till] TO`, resolved to instants in the organization's zone (luxon,
 * so DST days are 23 or 25 hours long). Pure: today is taken from `now`.
 *
 * A point is a day, optionally with a clock time (`13:00`, `13.00`, `kl 13:00`, or ISO `…T13:00`):
 *   ISO `2026-12-01` · Swedish day/month `1/12`, `1/12/2026`, `1/12/26` · `idag`, `i dag`, `today` ·
 *   `imorgon`, `i morgon`, `tomorrow` · weekday names and short forms (`måndag`, `mån`, `monday`, `mon`).
 * FROM without a time starts at its local midnight; TO without a time includes its whole day (the
 * exclusive end is the next local midnight); with a time, TO is the end itself.
 * Which day: a weekday in FROM is the next such day (today excluded); in TO the first such day on
 * or after FROM's day (still never today), so `måndag fredag` is one working week. A day/month
 * without a year in FROM is the one nearest today (`1/1` in late December is next year's, `29/2`
 * the nearest leap year's); in TO the first one on or after FROM's day, so `28/12 3/1` spans the
 * new year. A clock time that DST skips (02:30 on the last Sunday of March) moves an hour forward;
 * one that occurs twice (02:30 in late October) is the first, summer-time one.
 */
import { DateTime } from 'luxon';
import { looksLikePerson } from './person.js';
import { fold } from './text.js';
import type { ParseError } from './types.js';

const WEEKDAYS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['måndag', 'mån', 'monday', 'mon'],
    ['tisdag', 'tis', 'tuesday', 'tue'],
    ['onsdag', 'ons', 'wednesday', 'wed'],
    ['torsdag', 'tor', 'thursday', 'thu'],
    ['fredag', 'fre', 'friday', 'fri'],
    ['lördag', 'lör', 'saturday', 'sat'],
    ['söndag', 'sön', 'sunday', 'sun'],
  ].flatMap((names, i) => names.map((n) => [fold(n), i + 1] as const)),
);
const TODAY = new Set(['idag', 'today']);
const TOMORROW = new Set(['imorgon', 'tomorrow']);
/** words between FROM and TO that are skipped */
const SEPARATORS = new Set(['-', '–', '—', '..', 'till', 'to', 'until', 'tom', 't.o.m.', 't.o.m', 'through']);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T(\d{1,2}):(\d{2}))?$/i;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

interface Point {
  readonly day: DateTime;
  readonly time?: { readonly hour: number; readonly minute: number };
  readonly next: number;
}

interface Rules {
  readonly weekdayFrom: DateTime;
  readonly yearless: (day: number, month: number) => DateTime | undefined;
}

function onOrAfter(ref: DateTime, weekday: number): DateTime {
  return ref.plus({ days: (weekday - ref.weekday + 7) % 7 });
}

function dayOf(zone: string, year: number, month: number, day: number): DateTime | undefined {
  const d = DateTime.fromObject({ year, month, day }, { zone });
  return d.isValid ? d : undefined;
}

function readDay(words: readonly string[], i: number, zone: string, today: DateTime, rules: Rules): Point | undefined {
  const w = fold(words[i] ?? '');
  const pair = `${w} ${fold(words[i + 1] ?? '')}`;
  if (TODAY.has(w)) return { day: today, next: i + 1 };
  if (pair === 'i dag') return { day: today, next: i + 2 };
  if (TOMORROW.has(w)) return { day: today.plus({ days: 1 }), next: i + 1 };
  if (pair === 'i morgon') return { day: today.plus({ days: 1 }), next: i + 2 };
  const weekday = WEEKDAYS[w];
  if (weekday !== undefined) return { day: onOrAfter(rules.weekdayFrom, weekday), next: i + 1 };
  const iso = ISO.exec(w);
  if (iso) {
    const day = dayOf(zone, +iso[1]!, +iso[2]!, +iso[3]!);
    if (day === undefined) return undefined;
    if (iso[4] === undefined) return { day, next: i + 1 };
    return { day, time: { hour: +iso[4], minute: +iso[5]! }, next: i + 1 };
  }
  const dm = DAY_MONTH.exec(w);
  if (dm) {
    const year = dm[3] === undefined ? undefined : dm[3].length === 2 ? 2000 + +dm[3] : +dm[3];
    const day = year === undefined ? rules.yearless(+dm[1]!, +dm[2]!) : dayOf(zone, year, +dm[2]!, +dm[1]!);
    return day && { day, next: i + 1 };
  }
  return undefined;
}

/** A day and an optional clock time after it; undefined when the words are not one. */
function readPoint(words: readonly string[], i: number, zone: string, today: DateTime, rules: Rules): Point | undefined {
  const p = readDay(words, i, zone, today, rules);
  if (p === undefined || p.time !== undefined) return p;
  const kl = ['kl', 'kl.', 'at'].includes(fold(words[p.next] ?? '')) ? 1 : 0;
  const clock = CLOCK.exec(words[p.next + kl] ?? '');
  if (!clock) return p;
  return { day: p.day, time: { hour: +clock[1]!, minute: +clock[2]! }, next: p.next + kl + 1 };
}

function instant(p: Point, end: boolean): number | undefined {
  if (p.time === undefined) return (end ? p.day.plus({ days: 1 }) : p.day).toMillis();
  if (p.time.hour > 23 || p.time.minute > 59) return undefined;
  return p.day.set({ hour: p.time.hour, minute: p.time.minute }).toMillis();
}

export type PeriodResult = { ok: true; from: number; to: number; next: number } | { ok: false; error: ParseError };

/** Splits `2026-12-01..2026-12-05` and `1/12–5/12` into date, separator, date (not mentions or names). */
export function splitRanges(word: string): string[] {
  if (word.startsWith('<') || word.startsWith('@')) return [word];
  return word.split(/(\.\.|–|—)/).filter((w) => w !== '');
}

export function parsePeriod(words: readonly string[], now: number, zone: string): PeriodResult {
  const fail = (code: ParseError['code'], given?: string): PeriodResult => ({ ok: false, error: { code, command: 'away', ...(given === undefined ? {} : { given }) } });
  const nowLocal = DateTime.fromMillis(now, { zone });
  if (!nowLocal.isValid) throw new RangeError(`unknown time zone "${zone}"`);
  const today = nowLocal.startOf('day');
  const tomorrow = today.plus({ days: 1 });

  const missingOrBad = (i: number): PeriodResult =>
    words[i] === undefined || looksLikePerson(words[i]!) ? fail('missing_date') : fail('bad_date', words[i]);
  const nearest = (d: number, m: number): DateTime | undefined =>
    [-4, -3, -2, -1, 0, 1, 2, 3, 4]
      .map((k) => dayOf(zone, today.year + k, m, d))
      .filter((x): x is DateTime => x !== undefined)
      .sort((a, b) => Math.abs(a.diff(today).toMillis()) - Math.abs(b.diff(today).toMillis()))[0];
  const from = readPoint(words, 0, zone, today, { weekdayFrom: tomorrow, yearless: nearest });
  if (from === undefined) return missingOrBad(0);

  let i = from.next;
  if (words[i] !== undefined && SEPARATORS.has(fold(words[i]!))) i++;
  const firstOnOrAfter = (d: number, m: number): DateTime | undefined => {
    for (let y = from.day.year; y <= from.day.year + 8; y++) {
      const day = dayOf(zone, y, m, d);
      if (day !== undefined && day >= from.day) return day;
    }
    return undefined;
  };
  const to = readPoint(words, i, zone, today, { weekdayFrom: from.day > tomorrow ? from.day : tomorrow, yearless: firstOnOrAfter });
  // the start was understood: a missing end is told as such (`frånvaro i dag @anna.berg`)
  if (to === undefined) return words[i] === undefined || looksLikePerson(words[i]!) ? fail('missing_end_date') : fail('bad_date', words[i]);

  const start = instant(from, false);
  if (start === undefined) return fail('bad_date', words.slice(0, from.next).join(' '));
  const end = instant(to, true);
  if (end === undefined) return fail('bad_date', words.slice(i, to.next).join(' '));
  if (end <= start) return fail('bad_period', words.slice(0, to.next).join(' '));
  return { ok: true, from: start, to: end, next: to.next };
}
