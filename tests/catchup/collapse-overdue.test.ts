/** A late arrival's reminders: of those already due, only the latest per recipient (pure). */
import { describe, expect, it } from 'vitest';
import { collapseOverdue } from '../../src/reminders/plan.js';

const r = (kind: string, role: 'assignee' | 'substitute' | 'manager', dueAt: number) => ({ kind, role, dueAt });

describe('collapseOverdue', () => {
  it('keeps the latest due reminder per role and every one still to come', () => {
    const plan = [r('share:50', 'assignee', 10), r('before:60m', 'assignee', 20), r('deadline', 'assignee', 30), r('deadline', 'substitute', 30), r('after:120m', 'manager', 50)];
    expect(collapseOverdue(plan, 35)).toEqual([r('deadline', 'assignee', 30), r('deadline', 'substitute', 30), r('after:120m', 'manager', 50)]);
  });
  it('changes nothing when nothing is due yet', () => {
    const plan = [r('share:50', 'assignee', 10), r('deadline', 'assignee', 30)];
    expect(collapseOverdue(plan, 5)).toEqual(plan);
  });
});
