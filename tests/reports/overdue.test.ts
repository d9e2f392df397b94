/** Overdue by working position: some working time must have passed since the deadline (DESIGN.md). Hofors: Mon–Thu 08:00–12:00, 13:00–16:30. */
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/policy/index.js';
import { overdueBefore } from '../../src/reports/overdue.js';
import { at } from '../support/calendar-builder.js';

const hofors = loadPolicyFile('policies/hofors.yaml');
const overdue = (deadline: string, now: string) => at(deadline) < overdueBefore(hofors, at(now));

describe('an unanswered inquiry with its deadline at Thursday 26 November 16:30 (the close)', () => {
  it('is not overdue that evening, nor at Friday 08:00 when no working time has passed', () => {
    expect(overdue('2026-11-26T16:30', '2026-11-26T18:00')).toBe(false);
    expect(overdue('2026-11-26T16:30', '2026-11-27T08:00')).toBe(false);
  });
  it('is overdue once Friday\'s working day has begun', () => {
    expect(overdue('2026-11-26T16:30', '2026-11-27T08:01')).toBe(true);
  });
  it('a deadline at 10:00 is overdue at 10:01 the same day, and not at 10:00', () => {
    expect(overdue('2026-11-26T10:00', '2026-11-26T10:00')).toBe(false);
    expect(overdue('2026-11-26T10:00', '2026-11-26T10:01')).toBe(true);
  });
});
