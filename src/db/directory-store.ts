/** Organizations, people and accounts: applying policy and directory files, and routing messages. */
import { and, eq, inArray, ne, notInArray, or, sql } from 'drizzle-orm';
import type { DirectoryData } from '../people/directory-file.js';
import { sourceSecretVariable } from '../people/directory-sources.js';
import type { BoundAccount } from '../inquiries/source-binding.js';
import type { Policy } from '../policy/index.js';
import { CHANNEL_KINDS, parentChannel } from '../policy/vocabulary.js';
import type { Db } from './connection.js';
import { soleOrganization } from './unrouted-scope.js';
import { accounts, organizations, people, sourceAccounts, sources } from './schema.js';

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
      await refuseOthersAccounts(tx as unknown as Db, d);
      const accountIds = new Map<string, number>();
      for (const a of d.accounts) {
        const values = {
          orgId: d.organization, key: a.key, name: a.name, channel: a.channel, externalId: a.external_id, url: a.url ?? null,
          responsibleId: ids.get(a.responsible)!, substituteId: a.substitute ? ids.get(a.substitute)! : null, managerId: a.manager ? ids.get(a.manager)! : null, active: true,
          credentialsRef: a.credentials ?? null,
        };
        const row = await tx.insert(accounts).values(values).onConflictDoUpdate({ target: [accounts.orgId, accounts.key], set: values }).returning({ id: accounts.id });
        accountIds.set(a.key, row[0]!.id);
      }
      const accountResult = diff(beforeAccounts, d.accounts.map((a) => a.key), (r) => r.key, (r, key) => {
        const a = d.accounts.find((x) => x.key === key)!;
        return r.name !== a.name || r.channel !== a.channel || r.externalId !== a.external_id || r.url !== (a.url ?? null) || r.responsibleId !== ids.get(a.responsible) || r.substituteId !== (a.substitute ? ids.get(a.substitute) : null) || r.managerId !== (a.manager ? ids.get(a.manager) : null) || !r.active || JSON.stringify(r.credentialsRef ?? null) !== JSON.stringify(a.credentials ?? null);
      });
      const goneAccounts = await tx
        .update(accounts)
        .set({ active: false })
        .where(and(eq(accounts.orgId, d.organization), eq(accounts.active, true), d.accounts.length ? notInArray(accounts.key, d.accounts.map((a) => a.key)) : sql`true`))
        .returning({ id: accounts.id });
      await applySources(tx as unknown as Db, d, accountIds);
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

  /** The active accounts a generic source is bound to (none for an unknown source), with their organization. */
  async sourceAccounts(source: string): Promise<BoundAccount[]> {
    // read for every generic delivery: built once, a prepared statement on each connection
    this.sourceAccountsQuery ??= this.db
      .select({ orgId: accounts.orgId, accountId: accounts.id, key: accounts.key, channel: accounts.channel, externalId: accounts.externalId })
      .from(sourceAccounts)
      .innerJoin(accounts, eq(accounts.id, sourceAccounts.accountId))
      .where(and(eq(sourceAccounts.source, sql.placeholder('source')), eq(accounts.active, true)))
      .orderBy(accounts.id)
      .prepare('svarstid_source_accounts');
    return this.sourceAccountsQuery.execute({ source });
  }

  private sourceAccountsQuery?: { execute(p: { source: string }): Promise<BoundAccount[]> };

  /** The organization when the deployment has exactly one (then its managers see unrouted messages), else undefined. */
  soleOrganization(): Promise<string | undefined> {
    return soleOrganization(this.db);
  }

  async organizationIds(): Promise<string[]> {
    return (await this.db.select({ id: organizations.id }).from(organizations).orderBy(organizations.id)).map((r) => r.id);
  }

  /** an account's channel and credential reference (never the value), for answering through its platform */
  async accountCredentialRef(accountId: number): Promise<{ channel: string; credentialsRef: { env: string } | { secrets: string } | null } | undefined> {
    const rows = await this.db.select({ channel: accounts.channel, credentialsRef: accounts.credentialsRef }).from(accounts).where(and(eq(accounts.id, accountId), eq(accounts.active, true)));
    return rows[0] ? { channel: rows[0].channel, credentialsRef: rows[0].credentialsRef ?? null } : undefined;
  }

  /** a person's name and title (the signature), when active */
  async signer(personId: number): Promise<{ name: string; title: string | null } | undefined> {
    const rows = await this.db.select({ name: people.name, title: people.title }).from(people).where(and(eq(people.id, personId), eq(people.active, true)));
    return rows[0];
  }

  /** the active person with this directory key in the organization */
  async personByKey(orgId: string, key: string): Promise<number | undefined> {
    const rows = await this.db.select({ id: people.id }).from(people).where(and(eq(people.orgId, orgId), eq(people.key, key), eq(people.active, true)));
    return rows[0]?.id;
  }

  async personOrg(personId: number): Promise<string | undefined> {
    const rows = await this.db.select({ orgId: people.orgId }).from(people).where(and(eq(people.id, personId), eq(people.active, true)));
    return rows[0]?.orgId;
  }
}

/**
 * A platform account (channel and external id) belongs to one organization: another organization's
 * directory naming it is refused with the file's field, instead of a unique-index violation. The
 * channels one account serves (instagram, instagram_dm, instagram_mention: CHANNEL_PARENT) count as
 * one: an Instagram account's direct messages cannot belong to another organization than its comments.
 */
async function refuseOthersAccounts(db: Db, d: DirectoryData): Promise<void> {
  if (d.accounts.length === 0) return;
  const family = (channel: string): string[] => {
    const root = parentChannel(channel) ?? channel;
    return [root, ...CHANNEL_KINDS.filter((c) => parentChannel(c) === root)];
  };
  const taken = await db
    .select({ orgId: accounts.orgId, channel: accounts.channel, externalId: accounts.externalId })
    .from(accounts)
    .where(and(ne(accounts.orgId, d.organization), or(...d.accounts.map((a) => and(inArray(accounts.channel, family(a.channel)), eq(accounts.externalId, a.external_id))))));
  const problems = d.accounts.flatMap((a, i) => {
    const other = taken.find((t) => family(a.channel).includes(t.channel) && t.externalId === a.external_id);
    return other ? [`accounts[${i}].external_id: the ${other.channel} account "${a.external_id}" belongs to organization ${other.orgId}`] : [];
  });
  if (problems.length > 0) throw new DirectoryError(`${d.organization}: ${problems.join('; ')}`);
}

/**
 * Replaces the organization's generic sources and their bindings. A source name another
 * organization has is refused (its secret, one environment variable, can only serve one).
 */
async function applySources(db: Db, d: DirectoryData, accountIds: ReadonlyMap<string, number>): Promise<void> {
  const names = d.sources.map((s) => s.name);
  if (names.length > 0) {
    const taken = await db.select().from(sources).where(and(inArray(sources.name, names), ne(sources.orgId, d.organization)));
    const problems = d.sources.flatMap((s, i) => {
      const other = taken.find((t) => t.name === s.name);
      return other ? [`sources[${i}].name: "${s.name}" is already a source of organization ${other.orgId}; a source name is unique in the deployment (its secret is ${sourceSecretVariable(s.name)})`] : [];
    });
    if (problems.length > 0) throw new DirectoryError(`${d.organization}: ${problems.join('; ')}`);
  }
  await db.delete(sources).where(eq(sources.orgId, d.organization));
  if (names.length === 0) return;
  await db.insert(sources).values(d.sources.map((s) => ({ name: s.name, orgId: d.organization })));
  const rows = d.sources.flatMap((s) =>
    s.accounts.map((key) => {
      const accountId = accountIds.get(key);
      if (accountId === undefined) throw new DirectoryError(`${d.organization}: source "${s.name}" names account "${key}", which is not among the accounts`);
      return { source: s.name, accountId };
    }),
  );
  await db.insert(sourceAccounts).values(rows);
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
