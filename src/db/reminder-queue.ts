/**
 * The reminder queue: all SQL that plans, claims or locks reminders (DESIGN.md convention 6).
 * Bound parameters only. A claim is one statement: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
 * LOCKED) RETURNING, so concurrent workers never claim the same row; a claim is a lease, and a row
 * whose lease has passed (its worker crashed between claim and send) is claimed again.
 */
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { PlannedReminder } from '../reminders/model.js';
import type { Db } from './connection.js';
import { jobs, reminders } from './schema.js';

/** How long a claimed once-only job may run before an unfinished claim is taken over. */
export const JOB_LEASE_MS = 15 * 60_000;

export interface ClaimedReminder {
  readonly id: number;
  readonly inquiryId: number;
  readonly orgId: string | null;
  readonly kind: string;
  readonly role: string;
  readonly dueAt: number;
  readonly attempts: number;
  readonly deliveredTo: readonly number[];
}

/** Replaces an inquiry's pending reminders with a new plan (sent ones stay, and are not re-sent). */
export async function replanReminders(db: Db, inquiryId: number, orgId: string | null, plan: readonly PlannedReminder[], o: { readonly created?: boolean } = {}): Promise<void> {
  const keys = plan.map((p) => `${p.kind}|${p.role}`);
  // an inquiry inserted in this same transaction has no reminders yet: nothing to delete (one round trip fewer per message)
  if (!o.created) await db
    .delete(reminders)
    .where(
      and(
        eq(reminders.inquiryId, inquiryId),
        eq(reminders.status, 'pending'),
        keys.length ? notInArray(sql`${reminders.kind} || '|' || ${reminders.role}`, keys) : sql`true`,
      ),
    );
  if (plan.length === 0) return;
  await db
    .insert(reminders)
    .values(plan.map((p) => ({ inquiryId, orgId, kind: p.kind, role: p.role, dueAt: new Date(p.dueAt), nextAttemptAt: new Date(p.dueAt) })))
    .onConflictDoUpdate({
      target: [reminders.inquiryId, reminders.kind, reminders.role],
      set: { dueAt: sql`excluded.due_at`, nextAttemptAt: sql`excluded.next_attempt_at` },
      setWhere: sql`${reminders.status} = 'pending' and ${reminders.claimedBy} is null`,
    });
}

export class ReminderQueue {
  constructor(private readonly db: Db) {}

  /** Claims up to `limit` due reminders for `worker` until now + lease. One statement. */
  async claimDue(now: number, worker: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]> {
    const nowDate = new Date(now).toISOString();
    const until = new Date(now + leaseMs).toISOString();
    const rows = (await this.db.execute(sql`
      update reminders set claimed_by = ${worker}, claimed_until = ${until}::timestamptz, attempts = attempts + 1
      where id in (
        select id from reminders
        where status = 'pending' and next_attempt_at <= ${nowDate}::timestamptz
          and (claimed_until is null or claimed_until < ${nowDate}::timestamptz)
        order by next_attempt_at
        limit ${limit}
        for update skip locked)
      returning id, inquiry_id, org_id, kind, role, due_at, attempts, delivered_to`)) as unknown as Array<Record<string, unknown>> | { rows: Array<Record<string, unknown>> };
    const list = Array.isArray(rows) ? rows : rows.rows;
    return list.map((r) => ({
      id: Number(r.id),
      inquiryId: Number(r.inquiry_id),
      orgId: (r.org_id as string | null) ?? null,
      kind: r.kind as string,
      role: r.role as string,
      dueAt: new Date(r.due_at as string | Date).getTime(),
      attempts: Number(r.attempts),
      deliveredTo: (typeof r.delivered_to === 'string' ? JSON.parse(r.delivered_to) : r.delivered_to) as number[],
    }));
  }

  /**
   * After downtime several reminders of one inquiry can be due at once (heads-up, due soon, deadline,
   * overdue): only the most advanced moment matters now. One statement marks `superseded` every
   * pending, unclaimed reminder that has a later one for the same inquiry and role also due by `now`
   * (ties: the later planned row). "Delivery failed" notices are never superseded, nor a reminder that
   * already reached someone (a claim cut short after delivering, by a crash or an outage: its retry
   * skips them and marks it sent, so the record says what was delivered). Returns how many.
   */
  async supersedeStale(now: number): Promise<number> {
    const nowDate = new Date(now).toISOString();
    const rows = (await this.db.execute(sql`
      update reminders r set status = 'superseded', claimed_by = null, claimed_until = null
      where r.status = 'pending' and r.due_at <= ${nowDate}::timestamptz and r.kind not like 'failed:%'
        and r.delivered_to = '[]'::jsonb
        and (r.claimed_until is null or r.claimed_until < ${nowDate}::timestamptz)
        and exists (
          select 1 from reminders s
          where s.inquiry_id = r.inquiry_id and s.role = r.role and s.status = 'pending' and s.kind not like 'failed:%'
            and s.due_at <= ${nowDate}::timestamptz and (s.due_at > r.due_at or (s.due_at = r.due_at and s.id > r.id)))
      returning r.id`)) as unknown as unknown[] | { rows: unknown[] };
    return (Array.isArray(rows) ? rows : rows.rows).length;
  }

  /** Not now (outside working time): released, to be claimed again at `at`; the claim does not count as an attempt. */
  async postpone(id: number, worker: string, at: number): Promise<void> {
    await this.db
      .update(reminders)
      .set({ nextAttemptAt: new Date(at), claimedBy: null, claimedUntil: null, attempts: sql`greatest(${reminders.attempts} - 1, 0)` })
      .where(and(eq(reminders.id, id), eq(reminders.claimedBy, worker)));
  }

  /** Records the people reached so far (a retry skips them). Only while `worker` holds the claim. */
  async recordDelivered(id: number, worker: string, deliveredTo: readonly number[]): Promise<void> {
    await this.db.update(reminders).set({ deliveredTo: [...deliveredTo] }).where(and(eq(reminders.id, id), eq(reminders.claimedBy, worker)));
  }

  /** Marks a batch sent in one statement; returns how many were still held by `worker`. */
  async markSentMany(ids: readonly number[], worker: string, now: number): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.db
      .update(reminders)
      .set({ status: 'sent', sentAt: new Date(now), claimedUntil: null, lastError: null })
      .where(and(inArray(reminders.id, [...ids]), eq(reminders.claimedBy, worker), eq(reminders.status, 'pending')))
      .returning({ id: reminders.id });
    return r.length;
  }

  /** A failed attempt: retry at `retryAt`, or give up (status failed) when retryAt is null. */
  async markFailed(id: number, worker: string, error: string, retryAt: number | null): Promise<void> {
    await this.db
      .update(reminders)
      .set(retryAt === null ? { status: 'failed', lastError: error, claimedUntil: null } : { nextAttemptAt: new Date(retryAt), lastError: error, claimedBy: null, claimedUntil: null })
      .where(and(eq(reminders.id, id), eq(reminders.claimedBy, worker)));
  }

  /** The inquiry no longer needs it (answered or closed since it was planned). */
  async cancel(id: number, worker: string): Promise<void> {
    await this.db.update(reminders).set({ status: 'cancelled', claimedUntil: null }).where(and(eq(reminders.id, id), eq(reminders.claimedBy, worker)));
  }

  /**
   * Claims a once-only job (daily digest, weekly summary, retention); true for the one instance that
   * gets it. A claim never finished (finishJob) is claimed again once older than `leaseMs`: the
   * instance died, or the database went away midway, and the job is not lost.
   */
  async claimJob(key: string, worker: string, now: number, leaseMs = JOB_LEASE_MS): Promise<boolean> {
    const rows = await this.db
      .insert(jobs)
      .values({ key, claimedBy: worker, createdAt: new Date(now) })
      .onConflictDoUpdate({
        target: jobs.key,
        set: { claimedBy: worker, createdAt: new Date(now) },
        setWhere: sql`${jobs.finishedAt} is null and ${jobs.createdAt} < ${new Date(now - leaseMs).toISOString()}::timestamptz`,
      })
      .returning({ key: jobs.key });
    return rows.length === 1;
  }

  /** The job has run to its end: nobody claims it again. */
  async finishJob(key: string, worker: string, now: number): Promise<void> {
    await this.db.update(jobs).set({ finishedAt: new Date(now) }).where(and(eq(jobs.key, key), eq(jobs.claimedBy, worker)));
  }

  /** Runs `work` once per key across instances (claimJob … finishJob); false when another instance has (or had) it. */
  async once(key: string, worker: string, now: number, work: () => Promise<void>): Promise<boolean> {
    if (!(await this.claimJob(key, worker, now))) return false;
    await work();
    await this.finishJob(key, worker, now);
    return true;
  }

  /** Adds a one-off reminder (e.g. "delivery failed" to the manager), due at `at`; nothing if its key exists. */
  async add(inquiryId: number, orgId: string | null, kind: string, role: string, at: number): Promise<void> {
    await this.db.insert(reminders).values({ inquiryId, orgId, kind, role, dueAt: new Date(at), nextAttemptAt: new Date(at) }).onConflictDoNothing();
  }

  async byInquiry(inquiryId: number) {
    return this.db.select().from(reminders).where(eq(reminders.inquiryId, inquiryId)).orderBy(reminders.dueAt, reminders.id);
  }

  async countByStatus(ids?: number[]): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ status: reminders.status, n: sql<number>`count(*)::int` })
      .from(reminders)
      .where(ids ? inArray(reminders.inquiryId, ids) : undefined)
      .groupBy(reminders.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
