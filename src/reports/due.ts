/**
 * When the weekly summary is due (pure), mirroring the daily digest (src/reminders/digest.ts):
 * `summary.weekly_at` ("monday 08:00") is evaluated in the organization's zone. From that weekday
 * and time on, until the week ends, the summary of the last complete ISO week (Monday to Sunday) is
 * due; the caller sends it once per organization and week (job key `summary:<org>:<ISO week>`).
 * A later weekday ("friday 13:00", Hultsfred) still reports the last complete week, so the summary
 * and `svarstid report --week` always name the same weeks.
 */
import { DateTime } from 'luxon';
import type { Policy } from '../policy/index.js';
import { weekBefore, weekOf, type Period } from './period.js';

export function summaryWeekDue(policy: Policy, now: number): Period | undefined {
  if (!policy.summary) return undefined;
  const local = DateTime.fromMillis(now, { zone: policy.timezone });
  const weekday = local.weekday - 1; // 0 = Monday, as in the policy
  const minutes = local.hour * 60 + local.minute;
  if (weekday < policy.summary.weekday || (weekday === policy.summary.weekday && minutes < policy.summary.minutes)) return undefined;
  return weekBefore(weekOf(now, policy.timezone), policy.timezone);
}
