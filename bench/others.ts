/**
 * The two libraries svarstid is compared with, configured from the same policy:
 * moment-business-time 2 (on moment) and dayjs-business-time 1 (a dayjs plugin).
 *
 * Both keep their configuration in the global locale of moment / dayjs and compute in the
 * process's local time zone (moment(ms) and dayjs(ms) are local-mode dates). Neither has a way
 * to give one date its own hours, so shortened days cannot be configured: they stay full days.
 */
import moment from 'moment';
import 'moment-business-time'; // adds its methods to moment.fn of this same moment instance
import dayjs from 'dayjs';
import dayjsBusinessTime from 'dayjs-business-time';
import type { Duration } from '../src/policy/index.js';
import type { LocalInterval } from '../src/calendar/index.js';

// moment-business-time ships no typings: the parts used here.
declare module 'moment' {
  interface Moment {
    addWorkingTime(amount: number, unit: 'hours' | 'minutes' | 'day'): Moment;
  }
}

export interface OtherLibrary {
  readonly name: string;
  /** deadline (epoch ms) of an arrival (epoch ms) by a policy rule */
  readonly deadline: (arrival: number, rule: Duration) => number;
}

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

/**
 * Configures both libraries with the policy's weekly hours (Monday first, as in Policy.week)
 * and the given closed dates (ISO). Returns the two of them.
 */
export function configureOthers(week: ReadonlyArray<readonly LocalInterval[]>, closedDates: readonly string[]): OtherLibrary[] {
  // JavaScript weekday numbers: 0 = Sunday ... 6 = Saturday
  const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
  const momentHours: Record<number, string[] | null> = {};
  const dayjsHours = {} as dayjs.BusinessHoursMap;
  for (let js = 0; js < 7; js++) {
    const intervals = week[(js + 6) % 7] ?? [];
    momentHours[js] = intervals.length ? intervals.flatMap((i) => [clock(i.start), clock(i.end)]) : null;
    dayjsHours[dayNames[js]!] = intervals.length ? intervals.map((i) => ({ start: clock(i.start), end: clock(i.end) })) : null;
  }

  // moment-business-time: README "Configuration": locale keys `workinghours` and `holidays`
  moment.updateLocale(moment.locale(), { workinghours: momentHours, holidays: [...closedDates] } as moment.LocaleSpecification);

  // dayjs-business-time: README "Setup": dayjs.setBusinessTime and dayjs.setHolidays
  dayjs.extend(dayjsBusinessTime);
  dayjs.setBusinessTime(dayjsHours);
  dayjs.setHolidays([...closedDates]);

  const wholeHours = (ms: number): number => {
    if (ms % 3_600_000 !== 0) throw new Error(`bench: rule of ${ms} ms is not whole hours`);
    return ms / 3_600_000;
  };

  return [
    {
      name: 'moment-business-time',
      deadline: (arrival, rule) =>
        rule.unit === 'time'
          ? moment(arrival).addWorkingTime(wholeHours(rule.ms), 'hours').valueOf()
          : moment(arrival).addWorkingTime(rule.days, 'day').valueOf(),
    },
    {
      name: 'dayjs-business-time',
      deadline: (arrival, rule) =>
        rule.unit === 'time'
          ? dayjs(arrival).addBusinessHours(wholeHours(rule.ms)).valueOf()
          : dayjs(arrival).addBusinessDays(rule.days).valueOf(),
    },
  ];
}
