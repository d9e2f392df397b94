/**
 * The inquiry store on drizzle (PGlite or PostgreSQL). All SQL that guards against concurrent writers
 * for inquiries lives here: idempotent insert (ON CONFLICT DO NOTHING), versioned updates, and units
 * of work (`atomically`: one transaction for a whole delivery, the rows it reads locked). What is
 * stored is made storable first (src/db/storable-inquiry.ts). Bound parameters only.
 */
import { isUtf8 } from 'node:buffer';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { InquiryError } from '../inquiries/errors.js';
import { StaleBindingError } from '../inquiries/inbound.js';
import { ACTIVE_STATES, type Inquiry, type InquiryEvent } from '../inquiries/model.js';
import type { DeliveryBody, InquiryFilter, InquiryStore, MessageKey, NewInquiry, ReminderPlanner, StoredEvent, StoredPatch, UnitOfWork } from '../inquiries/ports.js';
import { replanReminders } from './reminder-queue.js';
import type { Db } from './connection.js';
import { date, toEvent, toInquiry } from './rows.js';
import { events, inquiries } from './schema.js';
import { storableId, storableJson, storableText } from './storable.js';
import { num, ts } from './sql-rows.js';
import { runNewInquiry, type NewInquiryParams, type StoredRow } from './new-inquiry-statement.js';
import { InsertBatcher } from './insert-batcher.js';
import { storableInquiry } from './storable-inquiry.js';
import { isTransactionConflict } from './unavailable.js';

/** A unit of work in progress: the delivery it stores, and the inquiries it created so far. */
interface Unit {
  readonly delivery: DeliveryBody | undefined;
  /** the delivery's body is valid UTF-8 (else its text was decoded with U+FFFD) */
  readonly utf8: boolean;
  readonly created: number[];
  /** the delivery's row, once its first new inquiry stored it */
  deliveryId?: number;
  /** a cached source binding the one statement checks (UnitOfWork.boundTo) */
  readonly boundTo?: string;
  /** a one-message delivery: its statement may be shared with others' (src/db/insert-batcher.ts) */
  readonly oneStatement?: boolean;
}

/** a unit of work that loses a deadlock anyway is run again */
const MAX_ATTEMPTS = 4;

/** The advisory lock of a message (or a private conversation), in the form the rows are stored in. */
const lockKey = (m: MessageKey): string =>
  'externalId' in m ? storedKey(m.channel, storableId(m.accountExternalId), storableId(m.externalId)) : JSON.stringify([m.channel, storableId(m.accountExternalId), 'author', storableId(m.authorId)]);
/** a message's key from its ids as stored (storableId applied once: a digest form would be digested again) */
const storedKey = (channel: string, accountExternalId: string, externalId: string): string => JSON.stringify([channel, accountExternalId, externalId]);

/** the inquiry stored under a message's key (the ids as stored) */
const byKey = (db: Db) =>
  db
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.channel, sql.placeholder('channel')), eq(inquiries.accountExternalId, sql.placeholder('account')), eq(inquiries.externalId, sql.placeholder('external'))));
const prepared = new WeakMap<Db, ReturnType<ReturnType<typeof byKey>['prepare']>>();
/** byKey as a named prepared statement of the root database (a redelivery's lookup: no SQL built per delivery) */
function preparedByKey(db: Db): ReturnType<ReturnType<typeof byKey>['prepare']> {
  let p = prepared.get(db);
  if (!p) prepared.set(db, (p = byKey(db).prepare('svarstid_inquiry_by_key')));
  return p;
}

export class DrizzleInquiryStore implements InquiryStore {
  /** the root store's: shared by its one-message units */
  private readonly batcher?: InsertBatcher;

  constructor(
    private readonly db: Db,
    private readonly unit?: Unit,
    batcher?: InsertBatcher,
  ) {
    this.batcher = batcher ?? (unit ? undefined : new InsertBatcher(db));
  }

  async atomically<T>(work: (store: InquiryStore) => Promise<T>, o: UnitOfWork = {}): Promise<T> {
    if (this.unit) return work(this);
    const delivery = o.delivery;
    const keys = [...new Set((o.messages ?? []).map(lockKey))];
    // one message of a delivery: its one statement stores it whole (no BEGIN and COMMIT round trips)
    if (o.oneStatement && keys.length <= 1) {
      const unit: Unit = { delivery, utf8: delivery === undefined || isUtf8(delivery.body), created: [], oneStatement: true, ...(o.boundTo !== undefined ? { boundTo: o.boundTo } : {}) };
      return work(new DrizzleInquiryStore(this.db, unit, this.batcher));
    }
    if (o.boundTo !== undefined) throw new Error('a cached source binding is checked by one statement only');
    for (let attempt = 1; ; attempt++) {
      const unit: Unit = { delivery, utf8: delivery === undefined || isUtf8(delivery.body), created: [] };
      try {
        return await this.db.transaction(async (tx) => {
          // units storing or answering the same messages take turns: their locks, taken in one order, cannot
          // cross (one-message deliveries take none: a shared statement crossing such a unit is a deadlock
          // the database ends, and the loser is run again)
          if (keys.length > 1) await tx.execute(sql`select count(pg_advisory_xact_lock(h)) from (select distinct hashtextextended(k, 0) as h from unnest(${sql.param(keys)}::text[]) as k order by h) as locks`);
          // the delivery's bytes are stored by the statement of its first new inquiry (insertIfAbsent)
          return await work(new DrizzleInquiryStore(tx as unknown as Db, unit));
        });
      } catch (e) {
        if (attempt < MAX_ATTEMPTS && isTransactionConflict(e)) continue;
        throw e;
      }
    }
  }

  /** `fn` in this unit's transaction, or in a transaction of its own */
  private run<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.unit ? fn(this.db) : this.db.transaction((tx) => fn(tx as unknown as Db));
  }

  /**
   * One statement for a new message (src/db/new-inquiry-statement.ts: a named prepared statement per
   * shape): the inquiry, its `received` event, its reminders and, for the first inquiry a delivery
   * creates, the delivery's exact bytes, each only when the inquiry row was inserted. The reminders
   * are planned before the insert from the values stored (a plan reads the state, arrival, deadline
   * and window, never the id). A duplicate costs one more statement: the inquiry as stored.
   */
  async insertIfAbsent(n: NewInquiry, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<{ inquiry: Inquiry; created: boolean }> {
    const { values, replaced } = storableInquiry(n);
    if (this.unit && !this.unit.utf8) replaced.unshift('utf8');
    const unit = this.unit;
    const provisional = newInquiryOf(0, values);
    const planned = plan ? plan(provisional) : [];
    const data = replaced.length > 0 ? { ...event.data, replaced } : { ...event.data };
    // the delivery is stored with the unit's first new inquiry; later ones point to the same row
    const newDelivery = unit?.delivery !== undefined && unit.deliveryId === undefined;
    // bound as drizzle's column types bind them (jsonb: storable JSON text; instants: ISO text)
    const jsonb = (v: unknown) => JSON.stringify(storableJson(v));
    const instantOrNull = (t: number | null | undefined) => (t === null || t === undefined ? null : ts(t));
    const d = unit?.delivery;
    const at = ts(now);
    // a cached binding that routed nowhere is read again rather than trusted
    if (unit?.boundTo !== undefined && values.accountId === null) throw new StaleBindingError(unit.boundTo);
    const params: NewInquiryParams = {
      inquiry: [
        values.orgId, values.accountId, values.source, values.channel, values.accountExternalId, values.externalId, values.authorId,
        values.authorName, values.authorHandle, values.text, values.url, values.inReplyTo, ts(values.receivedAt), instantOrNull(values.deadline),
        values.allowedMinutes, values.state, jsonb([...values.personalData]), jsonb(values.raw), instantOrNull(values.caughtUpAt), values.lateReason ?? null,
        values.privateConversation ?? null, at, at,
      ],
      event: { type: event.type, actor: event.actor, at: ts(event.at), data: jsonb(data) },
      reminders: { orgId: values.orgId, kinds: planned.map((p) => p.kind), roles: planned.map((p) => p.role), due: planned.map((p) => ts(p.dueAt)) },
      ...(unit?.boundTo !== undefined ? { boundTo: unit.boundTo } : {}),
      delivery: newDelivery && d ? { mode: 'new', source: d.source, at, body: Buffer.isBuffer(d.body) ? d.body : Buffer.from(d.body) } : unit?.deliveryId !== undefined ? { mode: 'existing', id: unit.deliveryId } : { mode: 'none' },
    };
    // a one-message delivery shares its statement with the others arriving meanwhile; the rest run theirs in their unit
    const row: StoredRow =
      unit?.oneStatement && this.batcher && params.delivery.mode !== 'existing'
        ? await this.batcher.insert(params, storedKey(values.channel, values.accountExternalId, values.externalId))
        : await runNewInquiry(this.db, params);
    if (!row.bound) throw new StaleBindingError(unit!.boundTo!);
    if (row.id !== null) {
      const id = row.id;
      if (unit) {
        unit.created.push(id);
        if (newDelivery && row.deliveryId !== null) unit.deliveryId = row.deliveryId;
      }
      return { inquiry: { ...provisional, id }, created: true };
    }
    const key = { channel: values.channel, account: values.accountExternalId, external: values.externalId };
    // a transaction's own query, else the root database's prepared one (built once, planned once per connection)
    const existing = await (this.unit && !this.unit.oneStatement ? byKey(this.db) : preparedByKey(this.db)).execute(key);
    if (!existing[0]) throw new Error('insert conflicted but no existing inquiry was found');
    return { inquiry: toInquiry(existing[0]), created: false };
  }

  async get(id: number): Promise<Inquiry | undefined> {
    const rows = await this.db.select().from(inquiries).where(eq(inquiries.id, id));
    return rows[0] ? toInquiry(rows[0]) : undefined;
  }

  async findByExternalId(channel: string, accountExternalId: string, externalId: string): Promise<Inquiry | undefined> {
    const where = and(eq(inquiries.channel, channel), eq(inquiries.accountExternalId, storableId(accountExternalId)), eq(inquiries.externalId, storableId(externalId)));
    const q = this.db.select().from(inquiries).where(where);
    const rows = await (this.unit ? q.for('update') : q);
    return rows[0] ? toInquiry(rows[0]) : undefined;
  }

  async findActiveInConversation(channel: string, accountExternalId: string, citizenId: string): Promise<Inquiry[]> {
    const q = this.db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.channel, channel), eq(inquiries.accountExternalId, storableId(accountExternalId)), eq(inquiries.privateConversation, storableId(citizenId)), inArray(inquiries.state, [...ACTIVE_STATES])))
      .orderBy(inquiries.id);
    return (await (this.unit ? q.for('update') : q)).map(toInquiry);
  }

  async apply(id: number, version: number, patch: StoredPatch, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<Inquiry> {
    return this.run(async (tx) => {
      const { answeredAt, closedAt, answerMetrics, text, personalData, ...rest } = patch;
      // a new (or cleared) answer time always replaces the metrics: never a stale "on time"
      const metrics = answeredAt !== undefined ? { answeredOnTime: answerMetrics?.onTime ?? null, answerWorkingMs: answerMetrics?.workingMs ?? null } : {};
      const updated = await tx
        .update(inquiries)
        .set({
          ...rest,
          // a citizen's edit: the new text as PostgreSQL can hold it
          ...(text !== undefined ? { text: text === null ? null : storableText(text) } : {}),
          ...(personalData !== undefined ? { personalData: [...personalData] } : {}),
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
      // event data may carry a platform's text (an earlier version, the page's reply): stored as PostgreSQL can hold it
      await tx.insert(events).values({ inquiryId: id, type: event.type, actor: event.actor, at: new Date(event.at), data: storableJson({ ...event.data }) });
      const inquiry = toInquiry(row);
      if (plan) await replanReminders(tx, inquiry.id, inquiry.orgId, plan(inquiry));
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
      .limit(Math.min(f.limit ?? 100, 1000)); // the route refuses a limit over 1000 (400 bad_filter)
    return rows.map(toInquiry);
  }
}

/** A new inquiry as its row reads once inserted (the columns' defaults for what a new inquiry does not set). */
function newInquiryOf(id: number, v: NewInquiry): Inquiry {
  return {
    ...v,
    id,
    privateConversation: v.privateConversation ?? null,
    caughtUpAt: v.caughtUpAt ?? null,
    lateReason: v.lateReason ?? null,
    assigneeId: null,
    answeredAt: null,
    closedAt: null,
    closeReason: null,
    registered: false,
    caseNumber: null,
    removed: false,
    removedReason: null,
    version: 1,
  };
}
