import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/policy/index.js';
import { summaryWeekDue } from '../../src/reports/due.js';
import { formatCount, formatShare } from '../../src/reports/format.js';
import { answerMetrics } from '../../src/reports/metrics.js';
import { calendarYear, isoWeek, PeriodError, weekOf } from '../../src/reports/period.js';
import { at } from '../support/calendar-builder.js';
import { policy } from '../support/policy-builder.js';

const H = 3_600_000;
const z = 'Europe/Stockholm';

describe('answer metrics (working positions, Mon–Fri 08:00–17:00)', () => {
  const p = policy();
  const thu = { receivedAt: at('2026-11-26T13:00'), deadline: at('2026-11-26T17:00') }; // Thu 13:00 + 4 h = Thu 17:00
  it('an answer at Thu 18:00 to a Thu 17:00 deadline is on time: no working time passed in between', () => {
    expect(answerMetrics(p, thu, at('2026-11-26T18:00'))).toEqual({ onTime: true, workingMs: 4 * H });
  });
  it('an answer at Fri 08:00 is still on time, at Fri 08:01 it is late', () => {
    expect(answerMetrics(p, thu, at('2026-11-27T08:00')).onTime).toBe(true);
    expect(answerMetrics(p, thu, at('2026-11-27T08:01'))).toEqual({ onTime: false, workingMs: 4 * H + 60_000 });
  });
  it('an answer before the first opening after arrival took no working time; without a deadline, on time is unknown', () => {
    expect(answerMetrics(p, { receivedAt: at('2026-11-28T11:00'), deadline: null }, at('2026-11-29T20:00'))).toEqual({ onTime: null, workingMs: 0 });
  });
});

describe('report periods', () => {
  it('an ISO week runs Monday 00:00 to Monday 00:00 in the zone, across the change to summer time', () => {
    const w = isoWeek('2026-W13', z); // Mon 23 March – Sun 29 March; clocks go forward Sun 29 March
    expect([w.start, w.end]).toEqual([at('2026-03-23T00:00'), at('2026-03-30T00:00')]);
    expect(w.end - w.start).toBe(7 * 24 * H - H);
  });
  it('week 1 may start in the year before; a year without week 53 says which weeks it has', () => {
    expect(isoWeek('2026-W01', z).start).toBe(at('2025-12-29T00:00'));
    expect(isoWeek('2026-W53', z).label).toBe('2026-W53'); // 2026 has 53 weeks
    expect(() => isoWeek('2027-W53', z)).toThrow('"2027-W53": 2027 has weeks 01 to 52');
    expect(() => isoWeek('2026-W54', z)).toThrow(PeriodError);
    expect(() => isoWeek('2026-47', z)).toThrow('"2026-47" is not an ISO week; write it like 2026-W47');
  });
  it('the week of an instant, and a calendar year', () => {
    expect(weekOf(at('2026-05-17T23:59'), z).label).toBe('2026-W20');
    expect(calendarYear('2026', z)).toMatchObject({ start: at('2026-01-01T00:00'), end: at('2027-01-01T00:00') });
    expect(() => calendarYear('26', z)).toThrow('"26" is not a year; write it like 2026');
  });
});

describe('when the weekly summary is due', () => {
  const hofors = loadPolicyFile('policies/hofors.yaml'); // monday 08:00
  const hultsfred = loadPolicyFile('policies/hultsfred.yaml'); // friday 13:00
  it('from Monday 08:00 Stockholm time, for the last complete week, until Sunday', () => {
    expect(summaryWeekDue(hofors, at('2026-05-18T07:59'))).toBeUndefined();
    expect(summaryWeekDue(hofors, at('2026-05-18T08:00'))?.label).toBe('2026-W20');
    expect(summaryWeekDue(hofors, at('2026-05-21T16:00'))?.label).toBe('2026-W20');
  });
  it('only in working time: not in the evening or at the weekend, nor on a Monday that is a holiday', () => {
    expect(summaryWeekDue(hofors, at('2026-05-18T17:00'))).toBeUndefined(); // after the close
    expect(summaryWeekDue(hofors, at('2026-05-24T12:00'))).toBeUndefined(); // Sunday
    // annandag påsk (Monday 6 April 2026): the summary of week 14 goes at Tuesday's opening
    expect(summaryWeekDue(hofors, at('2026-04-06T09:00'))).toBeUndefined();
    expect(summaryWeekDue(hofors, at('2026-04-07T07:59'))).toBeUndefined();
    expect(summaryWeekDue(hofors, at('2026-04-07T08:00'))?.label).toBe('2026-W14');
  });
  it('on Friday 13:00 in Hultsfred, still for the last complete week', () => {
    expect(summaryWeekDue(hultsfred, at('2026-05-22T12:59'))).toBeUndefined();
    expect(summaryWeekDue(hultsfred, at('2026-05-22T13:00'))?.label).toBe('2026-W20');
  });
  it('Hultsfred’s Friday 13:00 on juldagen (25 December 2026) moves to the next opening, Monday 28 December, in the next week', () => {
    expect(summaryWeekDue(hultsfred, at('2026-12-25T13:00'))).toBeUndefined();
    expect(summaryWeekDue(hultsfred, at('2026-12-28T07:29'))).toBeUndefined(); // Hultsfred opens 07:30
    const due = summaryWeekDue(hultsfred, at('2026-12-28T10:00'));
    expect(due?.label).toBe('2026-W51'); // the week before the one of 25 December, as it would have been
    expect(summaryWeekDue(hultsfred, at('2027-01-01T13:00'))).toBeUndefined(); // nyårsdagen
  });
  it('never without `summary` in the policy', () => {
    expect(summaryWeekDue(policy(), at('2026-05-18T09:00'))).toBeUndefined();
  });
});

describe('numbers in Swedish', () => {
  it('thousands with a no-break space, percent with a space, never 100 % unless all', () => {
    expect(formatCount(1_234_567, 'sv')).toBe('1\u00a0234\u00a0567');
    expect(formatCount(1_234_567, 'en')).toBe('1,234,567');
    expect(formatShare(0.875, 'sv')).toBe('88\u00a0%');
    expect(formatShare(0.999, 'sv')).toBe('99\u00a0%');
    expect(formatShare(0.001, 'sv')).toBe('1\u00a0%');
    expect(formatShare(null, 'sv')).toBe('–');
  });
});
