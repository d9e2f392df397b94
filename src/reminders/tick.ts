/**
 * The tick: claims due reminders (one SKIP LOCKED statement per batch), routes each at send time,
 * sends it through the ChatNotifier, and records the send. Cron only triggers it; all state is in
 * the database, so several instances never double-send and a restart loses nothing.
 *
 * A failed send is retried with exponential backoff and never blocks the others; after MAX_ATTEMPTS
 * the reminder is marked failed and the manager gets a "delivery failed" notice. When the database
 * goes away midway, the tick stops and throws (the scheduler logs it once and tries again next minute).
 *
 * After downtime (issue 14: down 10:00–20:00, five reminders for one question at once, "due soon" for
 * one already overdue): before claiming, every due reminder that a later due moment of the same
 * inquiry and role outdates is marked superseded, so only the most advanced one is sent, once. And a
 * reminder claimed outside working time more than STALE_AFTER_MS after it fell due is not sent now
 * but postponed to the organization's next opening, like any reminder planned in working time (one
 * that falls due at a close, e.g. the deadline at 16:30, is still sent on time).
 */
import type { Logger } from 'pino';
import type { Recipient } from '../policy/index.js';
import { route } from '../people/routing.js';
import { NotifyError, type ChatNotifier, type Notification } from './model.js';
import { momentOf } from './plan.js';
import type { ContextLoader, SendContext } from './ports.js';
import { summarize } from './summary.js';
import type { ClaimedReminder } from '../db/reminder-queue.js';
import { isActive } from '../inquiries/model.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { summarizeError } from '../log/summary.js';

export interface QueuePort {
  claimDue(now: number, worker: string, leaseMs: number, limit: number): Promise<ClaimedReminder[]>;
  recordDelivered(id: number, worker: string, deliveredTo: readonly number[]): Promise<void>;
  markSentMany(ids: readonly number[], worker: string, now: number): Promise<number>;
  markFailed(id: number, worker: string, error: string, retryAt: number | null): Promise<void>;
  cancel(id: number, worker: string): Promise<void>;
  supersedeStale(now: number): Promise<number>;
  postpone(id: number, worker: string, at: number): Promise<void>;
  add(inquiryId: number, orgId: string | null, kind: string, role: string, at: number): Promise<void>;
}

export interface TickDeps {
  readonly queue: QueuePort;
  /** a fresh loader per tick may cache people and absences per organization */
  readonly contexts: () => ContextLoader;
  readonly notifier: ChatNotifier;
  readonly worker: string;
  readonly logger: Logger;
  readonly leaseMs?: number;
  readonly batch?: number;
  readonly concurrency?: number;
  /** stop after this many batches in one tick (the next tick goes on) */
  readonly maxBatches?: number;
  /** the clock the lease runs on, to stop sending a batch whose lease is about to run out */
  readonly clock: () => number;
}

export interface TickResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  /** outdated by a later moment of the same inquiry due at once */
  superseded: number;
  /** due while svarstid was down, claimed outside working time: waits for the next opening */
  postponed: number;
}

/** A reminder this late, claimed outside working time, waits for the next opening. */
export const STALE_AFTER_MS = 15 * 60_000;

export const MAX_ATTEMPTS = 6;
/** stop sending this long before a batch's lease ends */
export const LEASE_MARGIN_MS = 30_000;

/** 30 s, 1 min, 2 min, … capped at 30 min; a platform's Retry-After wins when longer. */
export function backoff(attempts: number, retryAfterMs?: number): number {
  return Math.max(Math.min(30_000 * 2 ** (attempts - 1), 30 * 60_000), retryAfterMs ?? 0);
}

function notificationFor(r: ClaimedReminder, ctx: SendContext, now: number): Omit<Extract<Notification, { type: 'reminder' }>, 'routedVia'> | Extract<Notification, { type: 'delivery_failed' }> {
  const summary = summarize(ctx.inquiry, ctx.accountName, ctx.people, ctx.policy, now);
  const base = { timezone: ctx.policy.timezone, language: ctx.policy.language };
  if (r.kind.startsWith('failed:')) {
    const [, intended = '', ...error] = r.kind.split(':');
    return { type: 'delivery_failed', inquiry: summary, intendedName: intended, error: error.join(':'), ...base };
  }
  return { type: 'reminder', moment: momentOf(r.kind), inquiry: summary, ...base };
}

/** Sends one reminder; returns true when it is done and may be marked sent with its batch. */
async function sendOne(deps: TickDeps, ctx: SendContext | undefined, r: ClaimedReminder, now: number, result: TickResult): Promise<boolean> {
  const failedNotice = r.kind.startsWith('failed:');
  if (!ctx || (!failedNotice && !isActive(ctx.inquiry.state))) {
    await deps.queue.cancel(r.id, deps.worker);
    result.cancelled++;
    return false;
  }
  if (now - r.dueAt > STALE_AFTER_MS && !ctx.policy.calendar.isOpen(now)) {
    await deps.queue.postpone(r.id, deps.worker, ctx.policy.calendar.nextOpening(now));
    result.postponed++;
    return false;
  }
  const routing = { assigneeId: ctx.inquiry.assigneeId, account: ctx.account, people: ctx.people, absences: ctx.absences };
  const routed = route(r.role as Recipient, routing, now);
  for (const w of routed.warnings) deps.logger.warn({ reminder: r.id, inquiry: r.inquiryId }, w);
  let deliveries = routed.deliveries;
  if (r.role === 'substitute') {
    // at the deadline both assignee and substitute are told; whoever already gets it as (or for) the
    // assignee is not told twice
    const assigneeTargets = new Set(route('assignee', routing, now).deliveries.map((d) => d.person.id));
    deliveries = deliveries.filter((d) => !assigneeTargets.has(d.person.id));
  }
  const delivered = [...r.deliveredTo];
  const notification = notificationFor(r, ctx, now);
  try {
    for (const d of deliveries) {
      if (delivered.includes(d.person.id)) continue;
      const language = d.person.language ?? notification.language;
      const n = (notification.type === 'reminder' && d.routedVia ? { ...notification, language, routedVia: d.routedVia } : { ...notification, language }) as Notification;
      await deps.notifier.send(d.person, n, `reminder:${r.id}:${d.person.id}`);
      delivered.push(d.person.id);
      // with several recipients (role "managers"), remember each one reached, so a crash midway
      // does not send to them again
      if (deliveries.length > 1) await deps.queue.recordDelivered(r.id, deps.worker, delivered);
    }
  } catch (e) {
    const error = (e as Error).message;
    if (delivered.length > r.deliveredTo.length && deliveries.length === 1) await deps.queue.recordDelivered(r.id, deps.worker, delivered);
    if (r.attempts >= MAX_ATTEMPTS || (e instanceof NotifyError && e.permanent)) {
      await deps.queue.markFailed(r.id, deps.worker, error, null);
      result.failed++;
      deps.logger.error({ reminder: r.id, inquiry: r.inquiryId, attempts: r.attempts, error: summarizeError(e) }, 'reminder could not be delivered; telling the manager');
      const intended = deliveries.find((d) => !delivered.includes(d.person.id))?.person.name ?? '';
      if (!failedNotice) await deps.queue.add(r.inquiryId, r.orgId, `failed:${intended}:${error}`.slice(0, 300), 'manager', now);
    } else {
      await deps.queue.markFailed(r.id, deps.worker, error, now + backoff(r.attempts, (e as { retryAfterMs?: number }).retryAfterMs));
      result.retried++;
    }
    return false;
  }
  return true;
}

export async function runTick(deps: TickDeps, now: number): Promise<TickResult> {
  const result: TickResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0, superseded: 0, postponed: 0 };
  result.superseded = await deps.queue.supersedeStale(now);
  const batch = deps.batch ?? 200;
  const load = deps.contexts();
  for (let b = 0; b < (deps.maxBatches ?? 50); b++) {
    const claimed = await deps.queue.claimDue(now, deps.worker, deps.leaseMs ?? 5 * 60_000, batch);
    result.claimed += claimed.length;
    if (claimed.length === 0) break;
    const contexts = await load(claimed.map((r) => r.inquiryId));
    const done: number[] = [];
    let next = 0;
    // the claims are a lease: once it is nearly over another instance may take them over, so what is
    // left of the batch is not sent here but left to run out and be claimed again
    const clock = deps.clock;
    const stopAt = clock() + (deps.leaseMs ?? 5 * 60_000) - LEASE_MARGIN_MS;
    // the database gone midway: stop sending; what is claimed is claimed again when its lease ends
    let unavailable: unknown;
    const workers = Array.from({ length: Math.min(deps.concurrency ?? 16, claimed.length) }, async () => {
      while (next < claimed.length && clock() < stopAt && unavailable === undefined) {
        const r = claimed[next++]!;
        try {
          if (await sendOne(deps, contexts.get(r.inquiryId), r, now, result)) done.push(r.id);
        } catch (e) {
          if (isDatabaseUnavailable(e)) unavailable ??= e;
          else deps.logger.error({ reminder: r.id, error: summarizeError(e) }, 'reminder tick failed for one reminder; its claim will expire and it will be retried');
        }
      }
    });
    await Promise.all(workers);
    if (unavailable !== undefined) {
      // a single dropped connection is over by now: record what was sent, so it is not sent again
      await deps.queue.markSentMany(done, deps.worker, now).catch(() => 0);
      throw unavailable;
    }
    result.sent += await deps.queue.markSentMany(done, deps.worker, now);
    if (claimed.length < batch) break;
  }
  return result;
}
