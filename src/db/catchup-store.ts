/**
 * Catch-up's state per account (catchup_accounts): the claim that makes one instance at a time
 * reconcile an account, as one statement (an upsert that takes the row only when its lease is free
 * and the account is due), and the run's end. Bound parameters only (DESIGN.md convention 6).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CatchupAccount, CatchupState } from '../catchup/model.js';
import type { CatchupStorePort, FinishedRun } from '../catchup/reconcile.js';
import type { CatchupCause } from '../reminders/model.js';
import type { Db } from './connection.js';
import { accounts, catchupAccounts } from './schema.js';

export class CatchupStore implements CatchupStorePort {
  constructor(private readonly db: Db) {}

  /** The active accounts that name a credential (the others have nothing to read with). */
  async accounts(): Promise<CatchupAccount[]> {
    const rows = await this.db.select().from(accounts).where(and(eq(accounts.active, true), sql`${accounts.credentialsRef} is not null`)).orderBy(accounts.id);
    return rows.map((r) => ({ id: r.id, orgId: r.orgId, key: r.key, name: r.name, channel: r.channel, externalId: r.externalId, credentialsRef: r.credentialsRef ?? null }));
  }

  async claim(accountId: number, worker: string, now: number, leaseMs: number, forceIfRunBefore?: number): Promise<CatchupState | undefined> {
    const force = forceIfRunBefore !== undefined;
    const cutoff = new Date(forceIfRunBefore ?? 0).toISOString();
    const iso = new Date(now).toISOString();
    const rows = await this.db
      .insert(catchupAccounts)
      .values({ accountId, leasedBy: worker, leaseUntil: new Date(now + leaseMs) })
      .onConflictDoUpdate({
        target: catchupAccounts.accountId,
        set: { leasedBy: worker, leaseUntil: new Date(now + leaseMs) },
        // free (never leased, released, or its lease ran out) and due; forced (on start) skips the interval unless another
        // instance ran it moments ago (forceIfRunBefore), never a rate-limit wait
        setWhere: sql`(${catchupAccounts.leaseUntil} is null or ${catchupAccounts.leaseUntil} < ${iso}::timestamptz)
          and (${catchupAccounts.waitUntil} is null or ${catchupAccounts.waitUntil} <= ${iso}::timestamptz)
          and ((${force} and (${catchupAccounts.lastRunAt} is null or ${catchupAccounts.lastRunAt} < ${cutoff}::timestamptz)) or ${catchupAccounts.nextRunAt} is null or ${catchupAccounts.nextRunAt} <= ${iso}::timestamptz)`,
      })
      .returning();
    const r = rows[0];
    if (!r) return undefined;
    return { cursor: r.cursor ?? {}, lastRunAt: r.lastRunAt?.getTime() ?? null, failures: r.failures, notices: (r.notices ?? []) as CatchupCause[] };
  }

  async finish(accountId: number, worker: string, next: FinishedRun): Promise<void> {
    await this.db
      .update(catchupAccounts)
      .set({ cursor: { ...next.cursor }, lastRunAt: new Date(next.lastRunAt), nextRunAt: new Date(next.nextRunAt), waitUntil: next.waitUntil === undefined ? null : new Date(next.waitUntil), failures: next.failures, notices: [...next.notices], leasedBy: null, leaseUntil: null })
      .where(and(eq(catchupAccounts.accountId, accountId), eq(catchupAccounts.leasedBy, worker)));
  }
}
