/**
 * The daily digest's rules (pure; Arvidsjaur 8: "minst en gång per arbetsdag"): when it is due, and
 * who gets which inquiries.
 *
 * - Each open inquiry goes to whoever handles it now (src/people/coverage.ts): its assignee or the
 *   account's responsible officer, or, while that person is away, the one who covers (their
 *   absence's substitute, the account's substitute, the account's manager). A covered inquiry is
 *   marked with whom it is covered for.
 * - Managers always get one, with the unrouted messages and the team view (teamView below).
 * - Absent and inactive people get none (what they hold is in their cover's digest).
 * - Due only in working time: from `digest.daily_at` on a working day, and only while the calendar
 *   is open; configured before the opening, it goes at the opening; after the close (an instance
 *   first started at 16:10 after a 16:00 close) that day's digest is not sent (the next working
 *   day's comes at its time).
 */
import { DateTime } from 'luxon';
import type { Inquiry } from '../inquiries/model.js';
import { handlerOf, type AccountRoles } from '../people/coverage.js';
import { availability, type Absence } from '../people/routing-absence.js';
import type { Policy } from '../policy/index.js';
import { overdueBefore } from '../reports/overdue.js';
import type { Person, RoutedVia, TeamView } from './model.js';

/** The local date whose digest is due at `now`, or undefined (no digest, too early, closed, or not a working day). */
export function digestDateDue(policy: Policy, now: number): string | undefined {
  if (!policy.digest) return undefined;
  const local = DateTime.fromMillis(now, { zone: policy.timezone });
  if (local.hour * 60 + local.minute < policy.digest.dailyAt) return undefined;
  if (!policy.calendar.isOpen(now)) return undefined;
  return local.toISODate()!;
}

export interface DigestFor {
  readonly person: Person;
  readonly inquiries: readonly Inquiry[];
  /** the inquiries among `inquiries` that the person covers for someone away, by inquiry id */
  readonly covering: ReadonlyMap<number, RoutedVia>;
  readonly withUnrouted: boolean;
}

export function digestRecipients(
  people: ReadonlyMap<number, Person>,
  absences: readonly Absence[],
  open: readonly Inquiry[],
  accountOf: (accountId: number) => AccountRoles | undefined,
  now: number,
): DigestFor[] {
  const byPerson = new Map<number, { inquiries: Inquiry[]; covering: Map<number, RoutedVia> }>();
  for (const i of open) {
    const h = handlerOf(i, accountOf, people, absences, now);
    if (!h.person) continue;
    let bucket = byPerson.get(h.person.id);
    if (!bucket) byPerson.set(h.person.id, (bucket = { inquiries: [], covering: new Map() }));
    bucket.inquiries.push(i);
    if (h.covering) bucket.covering.set(i.id, h.covering);
  }
  const out: DigestFor[] = [];
  for (const person of people.values()) {
    if (!availability(person, absences, now).available) continue;
    const mine = byPerson.get(person.id);
    const isManager = person.role === 'manager';
    if (mine || isManager) out.push({ person, inquiries: mine?.inquiries ?? [], covering: mine?.covering ?? new Map(), withUnrouted: isManager });
  }
  return out;
}

/**
 * The managers' team view: per person who holds open inquiries or is away, how many are open and
 * overdue, whether they are away (until when) and who covers; and how many open inquiries reach
 * nobody (no responsible officer named, or nobody reachable). Sorted by name.
 */
export function teamView(
  people: ReadonlyMap<number, Person>,
  absences: readonly Absence[],
  open: readonly Inquiry[],
  accountOf: (accountId: number) => AccountRoles | undefined,
  policy: Pick<Policy, 'calendar'>,
  now: number,
): TeamView {
  const overdueAt = overdueBefore(policy, now);
  const rows = new Map<number, { open: number; overdue: number; coveredBy: Set<string> }>();
  const row = (id: number) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { open: 0, overdue: 0, coveredBy: new Set() }));
    return r;
  };
  let unattended = 0;
  for (const i of open) {
    const h = handlerOf(i, accountOf, people, absences, now);
    if (!h.person) unattended++;
    if (!h.intended) continue;
    const r = row(h.intended.id);
    r.open++;
    if (i.deadline !== null && i.deadline < overdueAt) r.overdue++;
    if (h.covering && h.person) r.coveredBy.add(h.person.name);
  }
  for (const p of people.values()) {
    if (p.active && !availability(p, absences, now).available) row(p.id);
  }
  const out = [...rows.entries()].map(([id, r]) => {
    const p = people.get(id)!;
    const a = availability(p, absences, now);
    const substitute = !a.available && a.substituteId !== null ? people.get(a.substituteId)?.name : undefined;
    const coveredBy = [...r.coveredBy].sort((x, y) => x.localeCompare(y, 'sv'));
    return {
      name: p.name,
      open: r.open,
      overdue: r.overdue,
      ...(!a.available && { away: { until: a.why === 'absent' ? a.until : null, coveredBy: coveredBy.length > 0 ? coveredBy : substitute ? [substitute] : [] } }),
    };
  });
  return { people: out.sort((x, y) => x.name.localeCompare(y.name, 'sv')), unattended };
}
