/**
 * The inquiry store on drizzle (PGlite or PostgreSQL). All SQL that guards against concurrent writers
 * for inquiries lives here: idempotent insert (ON CONFLICT DO NOTHING) and versioned updates.
 * Bound parameters only.
 */
import { and, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { InquiryError } from '../inquiries/errors.js';
import { ACTIVE_STATES, type Inquiry, type InquiryEvent } from '../inquiries/model.js';
import type { InquiryFilter, InquiryStore, NewInquiry, ReminderPlanner, StoredEvent, StoredPatch } from '../inquiries/ports.js';
import { replanReminders } from './reminder-queue.js';
import type { Db } from './connection.js';
import { date, toEvent, toInquiry } from './rows.js';
import { events, inquiries } from './schema.js';


export class DrizzleInquiryStore implements InquiryStore {
  constructor(private readonly db: Db) {}

  async insertIfAbsent(n: NewInquiry, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<{ inquiry: Inquiry; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(inquiries)
        .values({
          ...n,
          receivedAt: new Date(n.receivedAt),
          deadline: date(n.deadline),
          personalData: [...n.personalData],
          createdAt: new Date(now),
          updatedAt: new Date(now),
        })
        .onConflictDoNothing()
        .returning();
      const row = inserted[0];
      if (row) {
        await tx.insert(events).values({ inquiryId: row.id, type: event.type, actor: event.actor, at: new Date(event.at), data: { ...event.data } });
        const inquiry = toInquiry(row);
        if (plan) await replanReminders(tx as unknown as Db, inquiry.id, inquiry.orgId, plan(inquiry));
        return { inquiry, created: true };
      }
      const existing = await tx
        .select()
        .from(inquiries)
        .where(and(eq(inquiries.channel, n.channel), eq(inquiries.accountExternalId, n.accountExternalId), eq(inquiries.externalId, n.externalId)));
      if (!existing[0]) throw new Error('insert conflicted but no existing inquiry was found');
      return { inquiry: toInquiry(existing[0]), created: false };
    });
  }

  async get(id: number): Promise<Inquiry | undefined> {
    const rows = await this.db.select().from(inquiries).where(eq(inquiries.id, id));
    return rows[0] ? toInquiry(rows[0]) : undefined;
  }

  async findByExternalId(channel: string, accountExternalId: string, externalId: string): Promise<Inquiry | undefined> {
    const rows = await this.db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.channel, channel), eq(inquiries.accountExternalId, accountExternalId), eq(inquiries.externalId, externalId)));
    return rows[0] ? toInquiry(rows[0]) : undefined;
  }

  async findActiveFromAuthor(channel: string, accountExternalId: string, authorId: string): Promise<Inquiry[]> {
    const rows = await this.db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.channel, channel), eq(inquiries.accountExternalId, accountExternalId), eq(inquiries.authorId, authorId), inArray(inquiries.state, [...ACTIVE_STATES])))
      .orderBy(inquiries.id);
    return rows.map(toInquiry);
  }

  async apply(id: number, version: number, patch: StoredPatch, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<Inquiry> {
    return this.db.transaction(async (tx) => {
      const { answeredAt, closedAt, answerMetrics, ...rest } = patch;
      // a new (or cleared) answer time always replaces the metrics: never a stale "on time"
      const metrics = answeredAt !== undefined ? { answeredOnTime: answerMetrics?.onTime ?? null, answerWorkingMs: answerMetrics?.workingMs ?? null } : {};
      const updated = await tx
        .update(inquiries)
        .set({
          ...rest,
          ...(answeredAt !== undefined ? { answeredAt: date(answeredAt) } : {}),
          ...(closedAt !== undefined ? { closedAt: date(closedAt) } : {}),
          ...metrics,
          // kept on the row for the reports (a week's "forwarded" without joining the events)
          ...(event.type === 'forwarded' ? { forwarded: true } : {}),
          version: version + 1,
          updatedAt: new Date(now),
        })
        .where(and(eq(inquiries.id, id), eq(inquiries.version, version)))
        .returning();
      const row = updated[0];
      if (!row) {
        const exists = await tx.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.id, id));
        throw exists[0]
          ? new InquiryError('concurrent_change', `inquiry ${id} was changed by someone else; try again`)
          : new InquiryError('not_found', `no inquiry ${id}`);
      }
      await tx.insert(events).values({ inquiryId: id, type: event.type, actor: event.actor, at: new Date(event.at), data: { ...event.data } });
      const inquiry = toInquiry(row);
      if (plan) await replanReminders(tx as unknown as Db, inquiry.id, inquiry.orgId, plan(inquiry));
      return inquiry;
    });
  }

  async events(id: number): Promise<StoredEvent[]> {
    const rows = await this.db.select().from(events).where(eq(events.inquiryId, id)).orderBy(events.id);
    return rows.map(toEvent);
  }

  async list(f: InquiryFilter): Promise<Inquiry[]> {
    const where: SQL[] = [];
    if (f.orgId !== undefined) where.push(f.withUnrouted ? or(eq(inquiries.orgId, f.orgId), isNull(inquiries.orgId))! : eq(inquiries.orgId, f.orgId));
    if (f.state !== undefined) where.push(eq(inquiries.state, f.state));
    if (f.accountId !== undefined) where.push(eq(inquiries.accountId, f.accountId));
    if (f.overdueAt !== undefined) where.push(inArray(inquiries.state, [...ACTIVE_STATES]), lt(inquiries.deadline, new Date(f.overdueAt)));
    if (f.beforeId !== undefined) where.push(lt(inquiries.id, f.beforeId));
    const rows = await this.db
      .select()
      .from(inquiries)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(inquiries.id))
      .limit(Math.min(f.limit ?? 100, 1000));
    return rows.map(toInquiry);
  }
}
