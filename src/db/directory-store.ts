/** Organizations, people and accounts: applying policy and directory files, and routing messages. */
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { DirectoryData } from '../people/directory-file.js';
import type { Policy } from '../policy/index.js';
import type { Db } from './connection.js';
import { accounts, organizations, people } from './schema.js';

export interface ApplyResult {
  readonly created: number;
  readonly updated: number;
  readonly deactivated: number;
}

export class DirectoryStore {
  constructor(private readonly db: Db) {}

  /** Creates or updates an organization from its policy (idempotent). Returns true when something changed. */
  async applyOrganization(id: string, policyYaml: string, policy: Policy, now: number): Promise<boolean> {
    const values = { id, name: policy.organization, timezone: policy.timezone, language: policy.language, policyYaml, updatedAt: new Date(now) };
    const existing = (await this.db.select().from(organizations).where(eq(organizations.id, id)))[0];
    if (existing && existing.policyYaml === policyYaml && existing.name === values.name) return false;
    await this.db.insert(organizations).values(values).onConflictDoUpdate({ target: organizations.id, set: values });
    return true;
  }

  async organizationPolicies(): Promise<Array<{ id: string; policyYaml: string }>> {
    return this.db.select({ id: organizations.id, policyYaml: organizations.policyYaml }).from(organizations).orderBy(organizations.id);
  }

  /**
   * Applies a directory file in one transaction (idempotent): people and accounts are created or
   * updated by key; those no longer in the file are deactivated, never deleted (their history stays).
   */
  async applyDirectory(d: DirectoryData): Promise<{ people: ApplyResult; accounts: ApplyResult }> {
    return this.db.transaction(async (tx) => {
      const org = (await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, d.organization)))[0];
      if (!org) throw new DirectoryError(`no organization "${d.organization}": apply its policy first (svarstid org apply policies/${d.organization}.yaml)`);
      const before = await tx.select().from(people).where(eq(people.orgId, d.organization));
      const ids = new Map<string, number>();
      for (const p of d.people) {
        const values = { orgId: d.organization, key: p.key, name: p.name, title: p.title ?? null, role: p.role, language: p.language ?? null, email: p.email ?? null, slackUserId: p.slack ?? null, teamsUserId: p.teams ?? null, active: true };
        const row = await tx.insert(people).values(values).onConflictDoUpdate({ target: [people.orgId, people.key], set: values }).returning({ id: people.id });
        ids.set(p.key, row[0]!.id);
      }
      const peopleResult = diff(before, d.people.map((p) => p.key), (r) => r.key, (r, key) => {
        const p = d.people.find((x) => x.key === key)!;
        return r.name !== p.name || r.title !== (p.title ?? null) || r.role !== p.role || r.slackUserId !== (p.slack ?? null) || r.teamsUserId !== (p.teams ?? null) || r.email !== (p.email ?? null) || !r.active;
      });
      const gonePeople = await tx
        .update(people)
        .set({ active: false })
        .where(and(eq(people.orgId, d.organization), eq(people.active, true), d.people.length ? notInArray(people.key, d.people.map((p) => p.key)) : sql`true`))
        .returning({ id: people.id });

      const beforeAccounts = await tx.select().from(accounts).where(eq(accounts.orgId, d.organization));
      for (const a of d.accounts) {
        const values = {
          orgId: d.organization, key: a.key, name: a.name, channel: a.channel, externalId: a.external_id, url: a.url ?? null,
          responsibleId: ids.get(a.responsible)!, substituteId: a.substitute ? ids.get(a.substitute)! : null, managerId: a.manager ? ids.get(a.manager)! : null, active: true,
        };
        await tx.insert(accounts).values(values).onConflictDoUpdate({ target: [accounts.orgId, accounts.key], set: values });
      }
      const accountResult = diff(beforeAccounts, d.accounts.map((a) => a.key), (r) => r.key, (r, key) => {
        const a = d.accounts.find((x) => x.key === key)!;
        return r.name !== a.name || r.channel !== a.channel || r.externalId !== a.external_id || r.url !== (a.url ?? null) || r.responsibleId !== ids.get(a.responsible) || r.substituteId !== (a.substitute ? ids.get(a.substitute) : null) || r.managerId !== (a.manager ? ids.get(a.manager) : null) || !r.active;
      });
      const goneAccounts = await tx
        .update(accounts)
        .set({ active: false })
        .where(and(eq(accounts.orgId, d.organization), eq(accounts.active, true), d.accounts.length ? notInArray(accounts.key, d.accounts.map((a) => a.key)) : sql`true`))
        .returning({ id: accounts.id });
      return {
        people: { ...peopleResult, deactivated: gonePeople.length },
        accounts: { ...accountResult, deactivated: goneAccounts.length },
      };
    });
  }

  /** The active account with this platform id on this channel, with its organization. */
  async routeAccount(channel: string, externalId: string): Promise<{ orgId: string; accountId: number } | undefined> {
    const rows = await this.db
      .select({ orgId: accounts.orgId, accountId: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.channel, channel), eq(accounts.externalId, externalId), eq(accounts.active, true)));
    return rows[0];
  }

  async personOrg(personId: number): Promise<string | undefined> {
    const rows = await this.db.select({ orgId: people.orgId }).from(people).where(and(eq(people.id, personId), eq(people.active, true)));
    return rows[0]?.orgId;
  }
}

export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
  readonly code = 'directory_invalid';
}

function diff<R>(before: R[], keys: string[], keyOf: (r: R) => string, changed: (r: R, key: string) => boolean): { created: number; updated: number } {
  const byKey = new Map(before.map((r) => [keyOf(r), r]));
  let created = 0;
  let updated = 0;
  for (const k of keys) {
    const r = byKey.get(k);
    if (!r) created++;
    else if (changed(r, k)) updated++;
  }
  return { created, updated };
}
