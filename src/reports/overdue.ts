/**
 * "Overdue" by working position (DESIGN.md): an unanswered inquiry is overdue at `now` once some
 * working time has passed since its deadline; a deadline at 17:00 is not overdue at 18:00 the same
 * evening. Returned as an instant for SQL: overdue ⇔ deadline < overdueBefore(policy, now). Pure.
 */
import type { Policy } from '../policy/index.js';

export function overdueBefore(policy: Pick<Policy, 'calendar'>, now: number): number {
  // the latest instant with one working millisecond between it and now; a deadline at or before it is overdue
  return policy.calendar.subtractWorkingTime(now, 1) + 1;
}
