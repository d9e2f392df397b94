/**
 * The calendar against Lag (1989:253) om allmänna helgdagar, for every date 1990-01-01 – 2100-12-31.
 *
 * The oracle in this file is computed independently of src/ and of `date-holidays`: Easter by the
 * anonymous Gregorian algorithm (Meeus/Jones/Butcher), every other day from the wording of the law.
 *
 * The law (as amended by SFS 2004:1320, in force 2005) lists as allmänna helgdagar: nyårsdagen,
 * trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi himmelsfärdsdag,
 * pingstdagen, nationaldagen (from 2005), midsommardagen, alla helgons dag, juldagen, annandag jul
 * — and every Sunday. Until 2004, annandag pingst was an allmän helgdag instead of nationaldagen.
 * Sundays are not modelled as holidays here: the weekly hours (Mon–Fri) already close them.
 *
 * Midsommarafton, julafton and nyårsafton are not allmänna helgdagar, but are de facto days off;
 * the calendar closes them by default (DEFAULT_CLOSED_DAYS).
 */
import { describe, expect, it } from 'vitest';
import { at, calendar } from '../support/calendar-builder.js';

const FIRST = 1990;
const LAST = 2100;
const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

// ---------------------------------------------------------------------------------------------
// The independent oracle
// ---------------------------------------------------------------------------------------------

/** Easter Sunday (Gregorian) by the anonymous algorithm (Meeus/Jones/Butcher), as UTC-midnight ms. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31); // 3 = March, 4 = April
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

const iso = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day);
/** 0 = Sunday … 6 = Saturday */
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const weekdayName = (date: string): string => WEEKDAY_NAMES[weekdayOf(date)]!;
const isMonToFri = (date: string): boolean => weekdayOf(date) >= 1 && weekdayOf(date) <= 5;

/** The day in [from, from + 6] of `month` that falls on `weekday` (0 = Sunday), as UTC ms. */
function weekdayInWindow(year: number, month: number, from: number, weekday: number): number {
  const start = utc(year, month, from);
  const offset = (weekday - new Date(start).getUTCDay() + 7) % 7;
  return start + offset * DAY_MS;
}

/** The allmänna helgdagar of `year` other than Sundays: ISO date -> the law's names for that date. */
function lawHolidays(year: number): Map<string, string[]> {
  const easter = easterSunday(year);
  const days: Array<[number, string]> = [
    [utc(year, 1, 1), 'nyårsdagen'],
    [utc(year, 1, 6), 'trettondedag jul'],
    [easter - 2 * DAY_MS, 'långfredagen'],
    [easter, 'påskdagen'],
    [easter + 1 * DAY_MS, 'annandag påsk'],
    [utc(year, 5, 1), 'första maj'],
    [easter + 39 * DAY_MS, 'Kristi himmelsfärdsdag'],
    [easter + 49 * DAY_MS, 'pingstdagen'],
    // SFS 2004:1320: annandag pingst up to and including 2004, nationaldagen from 2005
    ...(year <= 2004 ? [[easter + 50 * DAY_MS, 'annandag pingst'] as [number, string]] : []),
    ...(year >= 2005 ? [[utc(year, 6, 6), 'nationaldagen'] as [number, string]] : []),
    [weekdayInWindow(year, 6, 20, 6), 'midsommardagen'], // the Saturday in 20–26 June
    [weekdayInWindow(year, 10, 31, 6), 'alla helgons dag'], // the Saturday in 31 Oct–6 Nov
    [utc(year, 12, 25), 'juldagen'],
    [utc(year, 12, 26), 'annandag jul'],
  ];
  const byDate = new Map<string, string[]>();
  for (const [ms, name] of days) {
    const date = iso(ms);
    byDate.set(date, [...(byDate.get(date) ?? []), name]);
  }
  return byDate;
}

/** The de facto eves the calendar closes by default: ISO date -> name. */
function eves(year: number): Map<string, string> {
  return new Map([
    [iso(weekdayInWindow(year, 6, 19, 5)), 'midsommarafton'], // the Friday in 19–25 June
    [iso(utc(year, 12, 24)), 'julafton'],
    [iso(utc(year, 12, 31)), 'nyårsafton'],
  ]);
}

/** Every ISO date of `year`. */
function datesOf(year: number): string[] {
  const out: string[] = [];
  for (let ms = utc(year, 1, 1); ms < utc(year + 1, 1, 1); ms += DAY_MS) out.push(iso(ms));
  return out;
}

const YEARS = Array.from({ length: LAST - FIRST + 1 }, (_, i) => FIRST + i);
const noon = (date: string): number => at(`${date}T12:00`);

// ---------------------------------------------------------------------------------------------

describe('Lag (1989:253) om allmänna helgdagar, 1990–2100', () => {
  describe('the independent oracle', () => {
    it('computes Easter Sunday as the church does (known dates, including the extremes)', () => {
      expect(iso(easterSunday(1818))).toBe('1818-03-22'); // earliest possible
      expect(iso(easterSunday(1943))).toBe('1943-04-25'); // latest possible
      expect(iso(easterSunday(1990))).toBe('1990-04-15');
      expect(iso(easterSunday(2008))).toBe('2008-03-23');
      expect(iso(easterSunday(2011))).toBe('2011-04-24');
      expect(iso(easterSunday(2024))).toBe('2024-03-31');
      expect(iso(easterSunday(2025))).toBe('2025-04-20');
      expect(iso(easterSunday(2026))).toBe('2026-04-05');
      expect(iso(easterSunday(2038))).toBe('2038-04-25');
      expect(iso(easterSunday(2100))).toBe('2100-03-28');
    });

    it('puts every rule-based day on the weekday the law implies, in every year', () => {
      const want: Record<string, number> = {
        'långfredagen': 5, 'påskdagen': 0, 'annandag påsk': 1, 'Kristi himmelsfärdsdag': 4,
        'pingstdagen': 0, 'annandag pingst': 1, 'midsommardagen': 6, 'alla helgons dag': 6,
      };
      const wrong: string[] = [];
      for (const year of YEARS) {
        for (const [date, names] of lawHolidays(year)) {
          for (const name of names) {
            if (name in want && want[name] !== weekdayOf(date)) wrong.push(`${date} ${name} is a ${weekdayName(date)}`);
          }
        }
        const midsommarafton = [...eves(year)].find(([, n]) => n === 'midsommarafton')![0];
        if (weekdayOf(midsommarafton) !== 5) wrong.push(`${midsommarafton} midsommarafton`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('a calendar open Mon–Fri 08:00–17:00 with no eves closed', () => {
    const cal = calendar({ closed: [] });

    it('is open at noon on exactly the weekdays that are not allmänna helgdagar, every date 1990-01-01 – 2100-12-31', () => {
      const mismatches: string[] = [];
      let checked = 0;
      for (const year of YEARS) {
        const holidays = lawHolidays(year);
        for (const date of datesOf(year)) {
          const names = holidays.get(date);
          const expectedOpen = isMonToFri(date) && names === undefined;
          const actualOpen = cal.isOpen(noon(date));
          checked++;
          if (actualOpen !== expectedOpen) {
            mismatches.push(
              `${date} (${weekdayName(date)}): expected ${expectedOpen ? 'open' : `closed (${names?.join(' + ') ?? 'weekend'})`}, ` +
                `got ${actualOpen ? 'open' : 'closed'}`,
            );
          }
        }
      }
      expect(checked).toBe(40_542); // 111 × 365 + 27 leap days (1992 … 2096, 2000 included; 2100 is not)
      expect(mismatches).toEqual([]);
    });

    /*
     * Weekday (Mon–Fri) allmänna helgdagar, counted by hand:
     *
     * 2004 (Easter 11 Apr; annandag pingst still a holiday, 6 June a Sunday anyway):
     *   nyårsdagen Thu 1/1, trettondedag jul Tue 6/1, långfredagen Fri 9/4, annandag påsk Mon 12/4,
     *   Kristi himmelsfärdsdag Thu 20/5, annandag pingst Mon 31/5                               = 6
     *   (första maj, midsommardagen, alla helgons dag, juldagen Sat; pingstdagen, annandag jul Sun)
     * 2005 (Easter 27 Mar; first year of nationaldagen):
     *   trettondedag jul Thu 6/1, långfredagen Fri 25/3, annandag påsk Mon 28/3,
     *   Kristi himmelsfärdsdag Thu 5/5, nationaldagen Mon 6/6, annandag jul Mon 26/12             = 6
     *   (nyårsdagen Sat, första maj Sun, juldagen Sun)
     * 2008 (Easter 23 Mar; Kristi himmelsfärdsdag and första maj are both Thu 1 May — one day off):
     *   nyårsdagen Tue, långfredagen Fri 21/3, annandag påsk Mon 24/3, Thu 1/5 (both),
     *   nationaldagen Fri 6/6, juldagen Thu 25/12, annandag jul Fri 26/12                         = 7
     *   (trettondedag jul Sun)
     * 2024 (Easter 31 Mar):
     *   nyårsdagen Mon, långfredagen Fri 29/3, annandag påsk Mon 1/4, första maj Wed,
     *   Kristi himmelsfärdsdag Thu 9/5, nationaldagen Thu, juldagen Wed, annandag jul Thu         = 8
     *   (trettondedag jul Sat)
     * 2026 (Easter 5 Apr):
     *   nyårsdagen Thu, trettondedag jul Tue, långfredagen Fri 3/4, annandag påsk Mon 6/4,
     *   första maj Fri, Kristi himmelsfärdsdag Thu 14/5, juldagen Fri                             = 7
     *   (nationaldagen, midsommardagen, alla helgons dag, annandag jul Sat)
     */
    it.each([
      [2004, 6],
      [2005, 6],
      [2008, 7],
      [2024, 8],
      [2026, 7],
    ])('in %i closes exactly %i weekdays, the hand-counted weekday holidays', (year, count) => {
      const closedWeekdays = datesOf(year).filter((d) => isMonToFri(d) && !cal.isOpen(noon(d)));
      expect(closedWeekdays).toHaveLength(count);
      expect([...lawHolidays(year).keys()].filter(isMonToFri)).toHaveLength(count);
    });

    it('leaves the three eves open when no eves are closed', () => {
      for (const date of ['2026-06-19', '2026-12-24', '2026-12-31']) {
        expect(isMonToFri(date)).toBe(true);
        expect(cal.isOpen(noon(date))).toBe(true);
      }
    });
  });

  describe('the de facto eves', () => {
    describe('with the default closed days', () => {
      const cal = calendar();

      it('closes midsommarafton, julafton and nyårsafton whenever they fall on a weekday, 1990–2100', () => {
        const open: string[] = [];
        let weekdayEves = 0;
        for (const year of YEARS) {
          for (const [date, name] of eves(year)) {
            if (!isMonToFri(date)) continue;
            weekdayEves++;
            if (cal.isOpen(noon(date))) open.push(`${date} (${weekdayName(date)}) ${name}: expected closed, got open`);
          }
        }
        expect(weekdayEves).toBeGreaterThan(111); // midsommarafton alone is a Friday every year
        expect(open).toEqual([]);
      });

      it('opens again on the ordinary weekday after an eve (2026-12-28, Monday after juldagshelgen)', () => {
        expect(weekdayName('2026-12-28')).toBe('Monday');
        expect(cal.isOpen(noon('2026-12-28'))).toBe(true);
      });
    });

    describe("with only 'julafton' closed", () => {
      const cal = calendar({ closed: ['julafton'] });

      it('keeps midsommarafton and nyårsafton open but closes julafton', () => {
        expect(weekdayName('2026-06-19')).toBe('Friday');
        expect(weekdayName('2026-12-24')).toBe('Thursday');
        expect(weekdayName('2026-12-31')).toBe('Thursday');
        expect(cal.isOpen(noon('2026-06-19'))).toBe(true);
        expect(cal.isOpen(noon('2026-12-24'))).toBe(false);
        expect(cal.isOpen(noon('2026-12-31'))).toBe(true);
      });

      // a decade, not the whole range: each calendar compiles ~18 ms per year it is asked about
      it('keeps midsommarafton open (every year 2020–2030)', () => {
        const dates = YEARS.filter((y) => y >= 2020 && y <= 2030).map(
          (y) => [...eves(y)].find(([, n]) => n === 'midsommarafton')![0],
        );
        expect(dates).toHaveLength(11);
        expect(dates.filter((date) => !cal.isOpen(noon(date)))).toEqual([]);
      });
    });
  });

  describe('SFS 2004:1320: nationaldagen replaces annandag pingst from 2005', () => {
    const cal = calendar({ closed: [] });

    it('the example dates fall on the weekdays the examples rely on', () => {
      expect(weekdayName('2003-06-06')).toBe('Friday');
      expect(weekdayName('2003-06-09')).toBe('Monday');
      expect(iso(easterSunday(2003) + 50 * DAY_MS)).toBe('2003-06-09');
      expect(weekdayName('2004-05-31')).toBe('Monday');
      expect(iso(easterSunday(2004) + 50 * DAY_MS)).toBe('2004-05-31');
      expect(weekdayName('2004-06-06')).toBe('Sunday');
      expect(weekdayName('2005-05-16')).toBe('Monday');
      expect(iso(easterSunday(2005) + 50 * DAY_MS)).toBe('2005-05-16');
      expect(weekdayName('2005-06-06')).toBe('Monday');
      expect(weekdayName('2006-06-06')).toBe('Tuesday');
    });

    describe('up to and including 2004', () => {
      it('closes annandag pingst (Mon 2003-06-09, Mon 2004-05-31)', () => {
        expect(cal.isOpen(noon('2003-06-09'))).toBe(false);
        expect(cal.isOpen(noon('2004-05-31'))).toBe(false);
      });

      it('keeps 6 June open as an ordinary weekday (Fri 2003-06-06)', () => {
        expect(cal.isOpen(noon('2003-06-06'))).toBe(true);
      });

      it('has 2004-06-06 on a Sunday, closed by the weekly hours and not listed as a holiday', () => {
        expect(cal.isOpen(noon('2004-06-06'))).toBe(false);
        expect(cal.specialDays(2004).find((d) => d.date === '2004-06-06')).toBeUndefined();
      });
    });

    describe('from 2005', () => {
      it('keeps annandag pingst open as an ordinary Monday (2005-05-16)', () => {
        expect(cal.isOpen(noon('2005-05-16'))).toBe(true);
      });

      it('closes nationaldagen (Mon 2005-06-06, Tue 2006-06-06)', () => {
        expect(cal.isOpen(noon('2005-06-06'))).toBe(false);
        expect(cal.isOpen(noon('2006-06-06'))).toBe(false);
      });
    });
  });

  describe('specialDays(year)', () => {
    const cal = calendar();

    it('names the 2026 public holidays as the law does, in date order', () => {
      const listed = cal.specialDays(2026).filter((d) => d.kind === 'public_holiday');
      expect(listed.map((d) => d.name)).toEqual([
        'nyårsdagen',
        'trettondedag jul',
        'långfredagen',
        'påskdagen',
        'annandag påsk',
        'första maj',
        'Kristi himmelsfärdsdag',
        'pingstdagen',
        'nationaldagen',
        'midsommardagen',
        'alla helgons dag',
        'juldagen',
        'annandag jul',
      ]);
      expect(listed.map((d) => d.date)).toEqual([
        '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14',
        '2026-05-24', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2026-12-26',
      ]);
    });

    it('lists as public holidays exactly the law’s dates (weekends included), each under all of its law names (two holidays on one date are joined with “och”), 1990–2100', () => {
      const wrong: string[] = [];
      for (const year of YEARS) {
        const law = lawHolidays(year);
        const listed = cal.specialDays(year).filter((d) => d.kind === 'public_holiday');
        for (const d of listed) {
          const names = law.get(d.date);
          if (!names) wrong.push(`${d.date}: listed as '${d.name}', not an allmän helgdag`);
          else if ([...names].sort().join(' och ') !== (d.name ?? '').split(' och ').sort().join(' och ')) wrong.push(`${d.date}: listed as '${d.name}', law says ${names.join(' + ')}`);
        }
        const listedDates = new Set(listed.map((d) => d.date));
        for (const [date, names] of law) {
          if (!listedDates.has(date)) wrong.push(`${date}: ${names.join(' + ')} missing`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});
