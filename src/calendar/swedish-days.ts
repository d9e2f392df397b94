/**
 * Swedish public holidays and named days, from the `date-holidays` package.
 *
 * "Closed always" are the allmänna helgdagar of Lag (1989:253) — date-holidays type `public`.
 * The de facto non-working eves (midsommarafton, julafton, nyårsafton) are type `bank` there.
 * Other named days (skärtorsdagen, trettondagsafton, …) are types `observance`/`optional`; a policy
 * may close or shorten them by name.
 *
 * One correction is applied, as data in date-holidays' own rule language: annandag pingst was an
 * allmän helgdag until 2004 (SFS 2004:1320 replaced it with nationaldagen from 2005), but
 * date-holidays lists it only as an observance in every year.
 *
 * Loading date-holidays (its parser and moment-timezone's zone data) takes ~150 ms, most of a CLI
 * call's start. The build (`npm run build`) therefore writes the days of 1900–2200, computed by this
 * module from date-holidays, to dist/swedish-days.json, stamped with date-holidays' version; a
 * year in that table is read from it while the stamp matches the installed date-holidays, and
 * date-holidays is loaded only for a year outside it (or without a build: tests, tsx).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HolidaysType from 'date-holidays';
import { PACKAGE_ROOT } from '../package-root.js';

export interface SwedishDay {
  /** ISO date, YYYY-MM-DD (a calendar date, no zone) */
  date: string;
  /** Swedish name, lower case as in the law: "juldagen", "midsommarafton" */
  name: string;
  /** true for allmänna helgdagar (always closed) */
  public: boolean;
}

/** Names a policy may close or shorten: the eves and other named days that are not public holidays. */
export const NAMED_DAYS = [
  'midsommarafton',
  'julafton',
  'nyårsafton',
  'trettondagsafton',
  'skärtorsdagen',
  'påskafton',
  'valborgsmässoafton',
  'pingstafton',
  'allhelgonaafton',
] as const;
export type NamedDay = (typeof NAMED_DAYS)[number];

export const DEFAULT_CLOSED_DAYS: readonly NamedDay[] = ['midsommarafton', 'julafton', 'nyårsafton'];

const CORRECTIONS: ReadonlyArray<{ rule: string; name: string; type: 'public' }> = [
  { rule: 'easter 50 prior to 2005', name: 'annandag pingst', type: 'public' },
];

const namedDaySet: ReadonlySet<string> = new Set(NAMED_DAYS);
let source: HolidaysType | undefined;
const cache = new Map<number, readonly SwedishDay[]>();
const require = createRequire(import.meta.url);

function holidays(): HolidaysType {
  if (!source) {
    const Holidays = require('date-holidays') as typeof HolidaysType;
    source = new Holidays('SE', { languages: ['sv'], timezone: 'UTC' });
    for (const c of CORRECTIONS) source.setHoliday(c.rule, { name: { sv: c.name }, type: c.type });
  }
  return source;
}

export const TABLE_FILE = join(PACKAGE_ROOT, 'dist', 'swedish-days.json');
export const TABLE_YEARS = { first: 1900, last: 2200 } as const;

export interface DaysTable {
  readonly dateHolidays: string;
  readonly years: Readonly<Record<string, readonly SwedishDay[]>>;
}

export function dateHolidaysVersion(): string {
  return (require('date-holidays/package.json') as { version: string }).version;
}

/** The table in `file` if it was made from the installed date-holidays, else null. */
export function readDaysTable(file: string): DaysTable | null {
  try {
    if (!existsSync(file)) return null;
    const t = JSON.parse(readFileSync(file, 'utf8')) as DaysTable;
    return t.dateHolidays === dateHolidaysVersion() && typeof t.years === 'object' ? t : null;
  } catch {
    return null;
  }
}

/** What the build writes to TABLE_FILE: the days of every year of TABLE_YEARS, from date-holidays. */
export function daysTable(): DaysTable {
  const years: Record<string, readonly SwedishDay[]> = {};
  for (let y = TABLE_YEARS.first; y <= TABLE_YEARS.last; y++) years[y] = computedSwedishDays(y);
  return { dateHolidays: dateHolidaysVersion(), years };
}

let table: DaysTable | null | undefined;

/** The public holidays and the named days of `year` that svarstid knows, sorted by date. */
export function swedishDays(year: number): readonly SwedishDay[] {
  const hit = cache.get(year) ?? (table === undefined ? (table = readDaysTable(TABLE_FILE)) : table)?.years[year];
  if (hit) {
    cache.set(year, hit);
    return hit;
  }
  const days = computedSwedishDays(year);
  cache.set(year, days);
  return days;
}

/** The days of `year` from date-holidays itself (what the build's table holds). */
export function computedSwedishDays(year: number): readonly SwedishDay[] {
  const days: SwedishDay[] = [];
  for (const h of holidays().getHolidays(year)) {
    const date = h.date.slice(0, 10);
    if (h.type === 'public') days.push({ date, name: h.name, public: true });
    else if (namedDaySet.has(h.name)) days.push({ date, name: h.name, public: false });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return days;
}

/** The public holiday falling on an ISO date, if any. */
export function publicHolidayOn(date: string): SwedishDay | undefined {
  const year = Number(date.slice(0, 4));
  return swedishDays(year).find((d) => d.public && d.date === date);
}
