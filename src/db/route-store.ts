/** Storing the routing of an unrouted message (src/inquiries/route-unrouted.ts): one transaction for the row, its event and its reminders. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Inquiry, InquiryEvent } from '../inquiries/model.js';
import type { RoutedReminders, RouteTarget, Routing } from '../inquiries/route-unrouted.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { Db } from './connection.js';
import { replanReminders } from './reminder-queue.js';
import { date, toInquiry } from './rows.js';
import { accounts, events, inquiries, reminders } from './schema.js';

export async function saveRouting(db: Db, id: number, version: number, r: Routing, event: InquiryEvent, planned: RoutedReminders, now: number): Promise<Inquiry | undefined> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(inquiries)
      .set({ orgId: r.orgId, accountId: r.accountId, deadline: date(r.deadline), allowedMinutes: r.allowedMinutes, state: 'open', version: version + 1, updatedAt: new Date(now) })
      .where(and(eq(inquiries.id, id), eq(inquiries.version, version), eq(inquiries.state, 'unrouted'), isNull(inquiries.orgId)))
      .returning();
    if (!rows[0]) return undefined;
    await tx.insert(events).values({ inquiryId: id, type: event.type, actor: event.actor, at: new Date(event.at), data: { ...event.data } });
    await replanReminders(tx as unknown as Db, id, r.orgId, planned.plan);
    if (planned.skipped.length > 0) {
      // recorded as cancelled: a later re-plan (claim, forward) updates only pending rows, so these stay unsent
      await tx
        .insert(reminders)
        .values(planned.skipped.map((p) => ({ inquiryId: id, orgId: r.orgId, kind: p.kind, role: p.role, dueAt: new Date(p.dueAt), nextAttemptAt: new Date(p.dueAt), status: 'cancelled', lastError: 'already past when the message was routed' })))
        .onConflictDoNothing();
    }
    return toInquiry(rows[0]);
  });
}

/** The active account `key` of `orgId` with the organization's policy, for routing. */
export async function routeTarget(db: Db, policies: PolicyRegistry, orgId: string, key: string): Promise<RouteTarget | undefined> {
  const rows = await db.select({ id: accounts.id, channel: accounts.channel }).from(accounts).where(and(eq(accounts.orgId, orgId), eq(accounts.key, key), eq(accounts.active, true)));
  const policy = policies.get(orgId);
  return rows[0] && policy ? { orgId, accountId: rows[0].id, key, channel: rows[0].channel, policy } : undefined;
}
