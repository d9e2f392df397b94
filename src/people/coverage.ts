/**
 * Who handles an open inquiry right now, and whether they do so covering for someone (pure). The
 * same rule as a reminder to the assignee (routing.ts, role 'assignee'): the assignee, else the
 * account's responsible officer; when that person is away or inactive, down their chain of
 * substitutes, then the account's substitute, then its manager. The daily digest and `lista` use it,
 * so an absent officer's questions are in their substitute's digest and list, marked as covered
 * (issue 14: Gotland's digests said "no open questions" while #5 was overdue).
 */
import type { Inquiry } from '../inquiries/model.js';
import type { Person, RoutedVia } from '../reminders/model.js';
import type { Absence } from './routing-absence.js';
import { route } from './routing.js';

export interface AccountRoles {
  readonly responsibleId: number | null;
  readonly substituteId: number | null;
  readonly managerId: number | null;
}

export interface Handler {
  /** the person who handles it now; undefined when nobody is reachable (or nobody is named) */
  readonly person?: Person;
  /** who it is intended for: the assignee or the account's responsible officer (undefined: nobody named) */
  readonly intended?: Person;
  /** set when `person` covers for the intended person (away until `until`) */
  readonly covering?: RoutedVia;
}

export function handlerOf(
  i: Pick<Inquiry, 'assigneeId' | 'accountId'>,
  accountOf: (accountId: number) => AccountRoles | undefined,
  people: ReadonlyMap<number, Person>,
  absences: readonly Absence[],
  now: number,
): Handler {
  const account = i.accountId !== null ? (accountOf(i.accountId) ?? null) : null;
  const intendedId = (i.assigneeId !== null && people.has(i.assigneeId) ? i.assigneeId : null) ?? account?.responsibleId ?? null;
  const intended = intendedId !== null ? people.get(intendedId) : undefined;
  const [d] = route('assignee', { assigneeId: i.assigneeId, account, people, absences }, now).deliveries;
  if (!d) return { ...(intended && { intended }) };
  return { person: d.person, ...(intended && { intended }), ...(d.routedVia && { covering: d.routedVia }) };
}
