/**
 * When the weekly summary is due (pure), mirroring the daily digest (src/reminders/digest.ts):
 * `summary.weekly_at` ("monday 08:00") is evaluated in the organization's zone. The summary reports
 * the last complete ISO week (Monday to Sunday); the caller sends it once per organization and week
 * (job key `summary:<org>:<reported ISO week>`). A later weekday ("friday 13:00", Hultsfred) still
 * reports the last complete week, so the summary and `svarstid report --week` name the same weeks.
 *
 * Only in working time (issue 14: Hultsfred's summary went out on juldagen): the summary of week W
 * goes at the first opening at or after W's configured moment, and is due from then, while the
 * calendar is open, until the next week's moment has its opening. A moment on a closed day (juldagen,
 * Friday 25 December 2026) or after the close moves to the next opening (Monday 28 December 08:00),
 * even when that is in the next week; outside working time nothing is due.
 */
import { DateTime } from 'luxon';
import type { Policy } from '../policy/index.js';
import { weekBefore, weekOf, type Period } from './period.js';

/** The first opening at or after the configured moment of `week`. */
function sendAt(policy: Policy, week: Period): number {
  const s = policy.summary!;
  const moment = DateTime.fromMillis(week.start, { zone: policy.timezone }).plus({ days: s.weekday }).set({ hour: Math.floor(s.minutes / 60), minute: s.minutes % 60 });
  return policy.calendar.nextOpening(moment.toMillis());
}

export function summaryWeekDue(policy: Policy, now: number): Period | undefined {
  if (!policy.summary || !policy.calendar.isOpen(now)) return undefined;
  const thisWeek = weekOf(now, policy.timezone);
  const lastWeek = weekBefore(thisWeek, policy.timezone);
  if (now >= sendAt(policy, thisWeek)) return lastWeek;
  // last week's moment whose opening slid into this week (a closed Friday): still due until it is sent
  if (now >= sendAt(policy, lastWeek)) return sendAt(policy, lastWeek) >= thisWeek.start ? weekBefore(lastWeek, policy.timezone) : undefined;
  return undefined;
}
