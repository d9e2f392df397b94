/**
 * BusinessCalendar: the facade over a compiled calendar. Pure: no clock reads, no I/O.
 * All instants are epoch milliseconds; all durations are working milliseconds.
 */
import { addWorkingDays } from './add-working-days.js';
import { addWorkingTime, subtractWorkingTime } from './add-working-time.js';
import { isOpen, nextClose, nextOpening, workingTimeBetween } from './openings.js';
import { CalendarRangeError, Timeline } from './timeline.js';
import { planYear } from './year-plan.js';
import { FIRST_YEAR, LAST_YEAR, type CalendarSpec, type SpecialDay } from './types.js';

export class BusinessCalendar {
  private readonly tl: Timeline;

  constructor(readonly spec: CalendarSpec) {
    this.tl = new Timeline(spec);
  }

  get timezone(): string {
    return this.spec.timezone;
  }

  addWorkingTime(t: number, duration: number): number {
    return addWorkingTime(this.tl, t, duration);
  }

  subtractWorkingTime(t: number, duration: number): number {
    return subtractWorkingTime(this.tl, t, duration);
  }

  addWorkingDays(t: number, days: number): number {
    return addWorkingDays(this.tl, t, days);
  }

  workingTimeBetween(a: number, b: number): number {
    return workingTimeBetween(this.tl, a, b);
  }

  isOpen(t: number): boolean {
    return isOpen(this.tl, t);
  }

  nextOpening(t: number): number {
    return nextOpening(this.tl, t);
  }

  nextClose(t: number): number {
    return nextClose(this.tl, t);
  }

  /** The year's public holidays, closed days, closed dates and shortened days, by date. */
  specialDays(year: number): readonly SpecialDay[] {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new CalendarRangeError(`svarstid calendars cover the years ${FIRST_YEAR}–${LAST_YEAR}; asked for ${year}`);
    }
    return planYear(this.spec, year).special;
  }

  /** The years compiled right now, [first, last] (diagnostics: queries compile what they need). */
  coveredYears(): readonly [number, number] {
    return [this.tl.firstYear, this.tl.lastYear];
  }

  /** Pre-compiles a span of years (optional: queries compile what they need). */
  compileYears(from: number, to: number): this {
    this.tl.coverYears(from, to);
    return this;
  }
}

export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  return new BusinessCalendar(spec);
}
