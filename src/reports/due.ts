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
import { calendarYear, weekBefore, weekOf, type Period } from './period.js';

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

/** How long after its moment the yearly follow-up is still sent (a server down in January sends it later; one started in June does not). */
export const YEARLY_GRACE_DAYS = 31;

/** The moment of the yearly follow-up in `year`: working day `workingDay` of January at the configured time (or the next opening after it). */
export function yearlySendAt(policy: Policy, year: number): number | undefined {
  const y = policy.summary?.yearly;
  if (!y) return undefined;
  const zone = policy.timezone;
  let day = DateTime.fromObject({ year, month: 1, day: 1 }, { zone });
  for (let n = 1; ; n++) {
    const opening = DateTime.fromMillis(policy.calendar.nextOpening(day.toMillis()), { zone }).startOf('day');
    if (n === y.workingDay) return policy.calendar.nextOpening(opening.set({ hour: Math.floor(y.minutes / 60), minute: y.minutes % 60 }).toMillis());
    day = opening.plus({ days: 1 });
  }
}

/**
 * The year whose follow-up is due at `now` (Nässjö 4: "En gång per år ska resultatuppföljningen
 * redovisas"): the last calendar year, from its moment in January for YEARLY_GRACE_DAYS, in working
 * time only. The caller sends it once per organization and year (job key `yearly:<org>:<year>`).
 */
export function yearlyDue(policy: Policy, now: number): Period | undefined {
  if (!policy.summary?.yearly || !policy.calendar.isOpen(now)) return undefined;
  const year = DateTime.fromMillis(now, { zone: policy.timezone }).year;
  const at = yearlySendAt(policy, year)!;
  if (now < at || now >= DateTime.fromMillis(at, { zone: policy.timezone }).plus({ days: YEARLY_GRACE_DAYS }).toMillis()) return undefined;
  return calendarYear(String(year - 1), policy.timezone);
}
