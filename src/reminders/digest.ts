/**
 * The daily digest's rules (pure; Arvidsjaur 8: "minst en gång per arbetsdag"): when it is due, and
 * who gets which inquiries. Officers get their open inquiries (assigned to them, or unclaimed on an
 * account they are responsible for), in the given order; managers always get one, with the
 * unrouted messages. Absent and inactive people get none.
 */
import { DateTime } from 'luxon';
import type { Inquiry } from '../inquiries/model.js';
import { availability, type Absence } from '../people/routing-absence.js';
import type { Policy } from '../policy/index.js';
import type { Person } from './model.js';

/** The local date whose digest is due at `now`, or undefined (no digest, too early, or not a working day). */
export function digestDateDue(policy: Policy, now: number): string | undefined {
  if (!policy.digest) return undefined;
  const local = DateTime.fromMillis(now, { zone: policy.timezone });
  if (local.hour * 60 + local.minute < policy.digest.dailyAt) return undefined;
  const dayStart = local.startOf('day');
  if (policy.calendar.workingTimeBetween(dayStart.toMillis(), dayStart.plus({ days: 1 }).toMillis()) === 0) return undefined;
  return local.toISODate()!;
}

export interface DigestFor {
  readonly person: Person;
  readonly inquiries: readonly Inquiry[];
  readonly withUnrouted: boolean;
}

export function digestRecipients(
  people: Iterable<Person>,
  absences: readonly Absence[],
  open: readonly Inquiry[],
  responsibleOf: (accountId: number) => number | null | undefined,
  now: number,
): DigestFor[] {
  const out: DigestFor[] = [];
  for (const person of people) {
    if (!availability(person, absences, now).available) continue;
    const mine = open.filter((i) => (i.assigneeId ?? (i.accountId !== null ? responsibleOf(i.accountId) : null)) === person.id);
    const isManager = person.role === 'manager';
    if (mine.length > 0 || isManager) out.push({ person, inquiries: mine, withUnrouted: isManager });
  }
  return out;
}
