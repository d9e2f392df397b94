import { describe, expect, it } from 'vitest';
import { CalendarRangeError } from '../../src/calendar/index.js';
import { at, calendar, hours, local } from '../support/calendar-builder.js';

describe('the compiled range of a calendar', () => {
  describe('when queries move through the years', () => {
    it('compiles only the year asked about and the next, growing as results need', () => {
      const c = calendar();
      c.addWorkingTime(at('2026-06-01T10:00'), hours(4));
      expect(c.coveredYears()).toEqual([2026, 2027]);
      // 2027-12-31 is nyårsafton, a Friday: the result lies in 2028 (the look-ahead year of 2027)
      expect(local(c.addWorkingTime(at('2027-12-30T16:00'), hours(2)))).toBe('2028-01-03T09:00+01:00');
      expect(c.coveredYears()).toEqual([2026, 2028]);
    });

    it('starts a new range for a year far away instead of compiling every year in between', () => {
      const c = calendar();
      c.isOpen(at('2026-06-01T10:00'));
      c.isOpen(at('2300-06-01T10:00'));
      expect(c.coveredYears()).toEqual([2300, 2301]);
      // and an earlier year again still answers correctly
      expect(local(c.addWorkingTime(at('2026-04-17T15:30'), hours(4)))).toBe('2026-04-20T10:30+02:00');
      expect(c.coveredYears()).toEqual([2026, 2027]);
    });

    it('keeps one contiguous range for working time between two instants', () => {
      const c = calendar();
      // 2026-11-30 to 2036-11-28: measured on one range, so the figure is real working time
      const between = c.workingTimeBetween(at('2026-11-30T08:00'), at('2036-11-28T08:00'));
      expect(c.coveredYears()).toEqual([2026, 2037]);
      expect(between % hours(9)).toBe(0);
      expect(between / hours(9)).toBeGreaterThan(2480);
      expect(between / hours(9)).toBeLessThan(2520);
    });
  });

  describe('when a query would need more than 400 years of calendar', () => {
    it('refuses with a CalendarRangeError rather than compiling them', () => {
      const c = calendar();
      expect(() => c.workingTimeBetween(at('2026-01-01T10:00'), at('2500-01-01T10:00'))).toThrow(CalendarRangeError);
      expect(() => c.addWorkingDays(at('2026-01-01T10:00'), 1_000_000)).toThrow(/at most 400 years/);
    });
  });

  describe('when an instant is not a number', () => {
    it('is a CalendarRangeError', () => {
      expect(() => calendar().isOpen(Number.NaN)).toThrow(CalendarRangeError);
    });
  });
});
