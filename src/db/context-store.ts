/** Loads what routing and rendering need at send time; per loader, people and absences are read once per organization. */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Absence } from '../people/routing.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { Person } from '../reminders/model.js';
import type { ContextLoader, SendContext } from '../reminders/ports.js';
import type { Db } from './connection.js';
import { toInquiry } from './rows.js';
import { absences, accounts, inquiries, people } from './schema.js';

export async function organizationPeople(db: Db, orgId: string): Promise<Map<number, Person>> {
  const rows = await db.select().from(people).where(eq(people.orgId, orgId));
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, key: r.key, orgId: r.orgId, name: r.name, title: r.title, role: r.role as Person['role'], language: (r.language as Person['language']) ?? null, slackUserId: r.slackUserId, teamsUserId: r.teamsUserId, active: r.active },
    ]),
  );
}

export async function organizationAbsences(db: Db, personIds: number[], after: number): Promise<Absence[]> {
  if (personIds.length === 0) return [];
  const rows = await db.select().from(absences).where(and(inArray(absences.personId, personIds), gt(absences.endsAt, new Date(after))));
  return rows.map((r) => ({ personId: r.personId, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime(), substituteId: r.substituteId }));
}

export function contextLoader(db: Db, policies: PolicyRegistry, now: number): ContextLoader {
  const orgs = new Map<string, Promise<{ people: Map<number, Person>; absences: Absence[]; accounts: Map<number, typeof accounts.$inferSelect> }>>();
  const org = (orgId: string) => {
    let hit = orgs.get(orgId);
    if (!hit) {
      hit = (async () => {
        const p = await organizationPeople(db, orgId);
        const a = await db.select().from(accounts).where(eq(accounts.orgId, orgId));
        return { people: p, absences: await organizationAbsences(db, [...p.keys()], now), accounts: new Map(a.map((x) => [x.id, x])) };
      })();
      orgs.set(orgId, hit);
    }
    return hit;
  };
  return async (inquiryIds) => {
    const result = new Map<number, SendContext>();
    if (inquiryIds.length === 0) return result;
    const rows = (await db.select().from(inquiries).where(inArray(inquiries.id, [...new Set(inquiryIds)]))).map(toInquiry);
    for (const inquiry of rows) {
      if (inquiry.orgId === null || inquiry.accountId === null) continue;
      const policy = policies.get(inquiry.orgId);
      if (!policy) continue;
      const o = await org(inquiry.orgId);
      const account = o.accounts.get(inquiry.accountId);
      result.set(inquiry.id, {
        inquiry,
        policy,
        accountName: account?.name ?? inquiry.accountExternalId,
        account: account ? { responsibleId: account.responsibleId, substituteId: account.substituteId, managerId: account.managerId } : null,
        people: o.people,
        absences: o.absences,
      });
    }
    return result;
  };
}
