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
 */
import Holidays from 'date-holidays';

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
let source: Holidays | undefined;
const cache = new Map<number, readonly SwedishDay[]>();

function holidays(): Holidays {
  if (!source) {
    source = new Holidays('SE', { languages: ['sv'], timezone: 'UTC' });
    for (const c of CORRECTIONS) source.setHoliday(c.rule, { name: { sv: c.name }, type: c.type });
  }
  return source;
}

/** The public holidays and the named days of `year` that svarstid knows, sorted by date. */
export function swedishDays(year: number): readonly SwedishDay[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const days: SwedishDay[] = [];
  for (const h of holidays().getHolidays(year)) {
    const date = h.date.slice(0, 10);
    if (h.type === 'public') days.push({ date, name: h.name, public: true });
    else if (namedDaySet.has(h.name)) days.push({ date, name: h.name, public: false });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, days);
  return days;
}

/** The public holiday falling on an ISO date, if any. */
export function publicHolidayOn(date: string): SwedishDay | undefined {
  const year = Number(date.slice(0, 4));
  return swedishDays(year).find((d) => d.public && d.date === date);
}
