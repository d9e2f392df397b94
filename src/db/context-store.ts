/** Loads what routing and rendering need at send time; per loader, people and absences are read once per organization. */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Absence } from '../people/routing.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { Person } from '../reminders/model.js';
import type { ContextLoader } from '../reminders/ports.js';
import type { Db } from './connection.js';
import type { DrizzleInquiryStore } from './inquiry-store.js';
import { absences, accounts, people } from './schema.js';

export async function organizationPeople(db: Db, orgId: string): Promise<Map<number, Person>> {
  const rows = await db.select().from(people).where(eq(people.orgId, orgId));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, orgId: r.orgId, name: r.name, title: r.title, role: r.role as Person['role'], language: (r.language as Person['language']) ?? null, slackUserId: r.slackUserId, teamsUserId: r.teamsUserId, active: r.active },
    ]),
  );
}

export async function organizationAbsences(db: Db, personIds: number[], after: number): Promise<Absence[]> {
  if (personIds.length === 0) return [];
  const rows = await db.select().from(absences).where(and(inArray(absences.personId, personIds), gt(absences.endsAt, new Date(after))));
  return rows.map((r) => ({ personId: r.personId, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime(), substituteId: r.substituteId }));
}

export function contextLoader(db: Db, store: DrizzleInquiryStore, policies: PolicyRegistry, now: number): ContextLoader {
  const orgs = new Map<string, Promise<{ people: Map<number, Person>; absences: Absence[] }>>();
  const org = (orgId: string) => {
    let hit = orgs.get(orgId);
    if (!hit) {
      hit = organizationPeople(db, orgId).then(async (p) => ({ people: p, absences: await organizationAbsences(db, [...p.keys()], now) }));
      orgs.set(orgId, hit);
    }
    return hit;
  };
  return async (inquiryId) => {
    const inquiry = await store.get(inquiryId);
    if (!inquiry || inquiry.orgId === null || inquiry.accountId === null) return undefined;
    const policy = policies.get(inquiry.orgId);
    if (!policy) return undefined;
    const [account] = await db.select().from(accounts).where(eq(accounts.id, inquiry.accountId));
    const { people: p, absences: a } = await org(inquiry.orgId);
    return {
      inquiry,
      policy,
      accountName: account?.name ?? inquiry.accountExternalId,
      account: account ? { responsibleId: account.responsibleId, substituteId: account.substituteId, managerId: account.managerId } : null,
      people: p,
      absences: a,
    };
  };
}
