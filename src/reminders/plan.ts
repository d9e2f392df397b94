/**
 * Plans an inquiry's reminders from its policy, in working time (pure). A reminder never falls in
 * closed time: shares of the window and offsets after the deadline are added in working time
 * (earliest instant, so at most exactly at a close), offsets before the deadline are subtracted
 * (latest instant, so at an opening, never the previous evening). Answered, closed and unrouted
 * inquiries, and inquiries without a deadline, get none.
 */
import type { Duration, Policy, ReminderRule } from '../policy/index.js';
import { isActive, type Inquiry } from '../inquiries/model.js';
import type { PlannedReminder, ReminderMoment } from './model.js';


function offsetKey(d: Duration): string {
  return d.unit === 'days' ? `${d.days}d` : `${Math.round(d.ms / 60_000)}m`;
}

export function reminderKind(rule: ReminderRule): string {
  if (rule.when === 'share') return rule.percent === 100 ? 'deadline' : `share:${rule.percent}`;
  return `${rule.when === 'before_deadline' ? 'before' : 'after'}:${offsetKey(rule.offset)}`;
}

/** The moment a reminder kind marks, for its message. */
export function momentOf(kind: string): ReminderMoment {
  if (kind === 'deadline') return 'deadline';
  if (kind.startsWith('share:')) return 'heads_up';
  if (kind.startsWith('before:')) return 'due_soon';
  return 'overdue';
}

function dueAt(rule: ReminderRule, i: Pick<Inquiry, 'receivedAt' | 'deadline' | 'allowedMinutes'>, policy: Policy): number | undefined {
  const cal = policy.calendar;
  const deadline = i.deadline!;
  if (rule.when === 'share') {
    if (rule.percent === 100) return deadline;
    const allowed = (i.allowedMinutes ?? cal.workingTimeBetween(i.receivedAt, deadline) / 60_000) * 60_000;
    return cal.addWorkingTime(i.receivedAt, Math.round((allowed * rule.percent) / 100));
  }
  if (rule.when === 'after_deadline') {
    return rule.offset.unit === 'days' ? cal.addWorkingDays(deadline, rule.offset.days) : cal.addWorkingTime(deadline, rule.offset.ms);
  }
  if (rule.offset.unit === 'days') return undefined; // rejected by the policy schema; never planned
  const at = cal.subtractWorkingTime(deadline, rule.offset.ms);
  return at > i.receivedAt ? at : undefined; // a window shorter than the offset gets no "due soon"
}

export function planReminders(i: Pick<Inquiry, 'state' | 'receivedAt' | 'deadline' | 'allowedMinutes'>, policy: Policy): PlannedReminder[] {
  if (!isActive(i.state) || i.deadline === null) return [];
  const planned = new Map<string, PlannedReminder>();
  for (const rule of policy.reminders) {
    const at = dueAt(rule, i, policy);
    if (at === undefined) continue;
    const kind = reminderKind(rule);
    for (const role of rule.to) planned.set(`${kind}|${role}`, { kind, role, dueAt: at });
  }
  return [...planned.values()].sort((a, b) => a.dueAt - b.dueAt || a.kind.localeCompare(b.kind));
}

/**
 * For a message svarstid learned of late (catch-up): of the reminders already due at `now`, only the
 * latest per recipient role is kept (e.g. the deadline to the assignee and the escalation to the
 * manager, not also the heads-up and the "due soon" before them); those still to come stay as planned.
 */
export function collapseOverdue(plan: readonly PlannedReminder[], now: number): PlannedReminder[] {
  const latestDue = new Map<string, PlannedReminder>();
  for (const p of plan) if (p.dueAt <= now && (latestDue.get(p.role)?.dueAt ?? -Infinity) <= p.dueAt) latestDue.set(p.role, p);
  return plan.filter((p) => p.dueAt > now || latestDue.get(p.role) === p);
}
