/**
 * Answer metrics (pure), computed by the core when an inquiry is answered and stored with it, so that
 * statistics can be aggregated in SQL (SQL has no business calendar).
 *
 * - On time compares working positions (DESIGN.md "Business time"): an answer is on time when no
 *   working time passed between the deadline and the answer. An answer at Thu 18:00 to a Thu 17:00
 *   deadline is on time; one at Fri 08:01 is not.
 * - Working time to answer: the working time between arrival and answer (an answer before the
 *   next opening counts 0).
 */
import type { Policy } from '../policy/index.js';

export interface AnswerMetrics {
  /** null when the inquiry has no deadline (no response rule for its channel) */
  readonly onTime: boolean | null;
  readonly workingMs: number;
}

export interface Answerable {
  readonly receivedAt: number;
  readonly deadline: number | null;
}

export function answerMetrics(policy: Pick<Policy, 'calendar'>, inquiry: Answerable, answeredAt: number): AnswerMetrics {
  const cal = policy.calendar;
  const workingMs = answeredAt > inquiry.receivedAt ? cal.workingTimeBetween(inquiry.receivedAt, answeredAt) : 0;
  if (inquiry.deadline === null) return { onTime: null, workingMs };
  const onTime = answeredAt <= inquiry.deadline || cal.workingTimeBetween(inquiry.deadline, answeredAt) === 0;
  return { onTime, workingMs };
}
