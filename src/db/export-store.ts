/**
 * The public-records export (allmän handling; Arvidsjaur 4, Hultsfred: "Allmänna offentliga handlingar
 * ska kunna visas upp och lämnas ut"): inquiries received in a period, each with its full event trail,
 * the archived original payload and the exact bytes of the delivery that brought it (base64), read in pages by id so memory stays bounded however long the
 * period. Unrouted messages (no organization) are included only when no organization or account is
 * asked for.
 */
import { and, asc, eq, gt, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from './connection.js';
import { accounts, answers, archives, deliveries, events, inquiries, people } from './schema.js';

export interface ExportFilter {
  readonly from: number;
  readonly to: number;
  readonly orgId?: string;
  readonly accountId?: number;
}

export interface ExportedEvent {
  readonly id: number;
  readonly type: string;
  readonly actor: string;
  readonly at: string;
  readonly data: Record<string, unknown>;
}

export interface ExportedInquiry {
  readonly id: number;
  readonly organization: string | null;
  readonly account: { readonly key: string; readonly name: string } | null;
  readonly source: string;
  readonly channel: string;
  readonly account_external_id: string;
  readonly external_id: string;
  readonly author_id: string | null;
  readonly author_name: string | null;
  readonly author_handle: string | null;
  readonly text: string | null;
  readonly url: string | null;
  readonly in_reply_to: string | null;
  readonly received_at: string;
  readonly deadline: string | null;
  readonly state: string;
  readonly assignee: string | null;
  readonly answered_at: string | null;
  readonly closed_at: string | null;
  readonly close_reason: string | null;
  readonly registered: boolean;
  readonly case_number: string | null;
  readonly personal_data: readonly string[];
  readonly removed: boolean;
  readonly removed_reason: string | null;
  readonly answered_on_time: boolean | null;
  readonly answer_working_ms: number | null;
  readonly erased_at: string | null;
  readonly raw: unknown;
  /**
   * the webhook delivery that brought it: its exact bytes in base64 with the first inquiry of the
   * export it brought (null once erased by retention); its other inquiries name that one (`body_in`),
   * so a batch of 3,000 is written once, not 3,000 times
   */
  readonly delivery: ExportedDelivery | null;
  readonly events: readonly ExportedEvent[];
  /** the answers svarstid posted to the platform for an officer (each an allmän handling of its own) */
  readonly answers: readonly ExportedAnswer[];
  /** svarstid's archive records of the message before it was hidden or removed (src/moderation): original, versions, context, the platform's answer */
  readonly archives: readonly ExportedArchive[];
}

export interface ExportedArchive {
  readonly id: number;
  readonly action: string;
  readonly reason: string;
  readonly note: string | null;
  readonly officer: string | null;
  readonly actor: string;
  readonly state: string;
  readonly original: unknown;
  readonly versions: unknown;
  readonly context: unknown;
  readonly platform_result: unknown;
  readonly archived_at: string;
  readonly done_at: string | null;
}

export interface ExportedAnswer {
  readonly id: number;
  readonly kind: string;
  readonly text: string;
  readonly officer: string | null;
  readonly actor: string;
  readonly reply_id: string | null;
  readonly reply_url: string | null;
  readonly posted_at: string | null;
}

export interface ExportedDelivery {
  readonly id: number;
  readonly source: string;
  readonly received_at: string;
  readonly body_base64: string | null;
  /** null: the bytes are here (or erased); else the id of the inquiry whose `delivery` holds them */
  readonly body_in: number | null;
  readonly erased_at: string | null;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The inquiries in the period, oldest id first, each with its events, a page at a time. */
export async function* exportInquiries(db: Db, f: ExportFilter, pageSize = 500): AsyncGenerator<ExportedInquiry> {
  const accountRows = await db.select().from(accounts);
  const accountById = new Map(accountRows.map((a) => [a.id, a]));
  const personRows = await db.select({ id: people.id, name: people.name }).from(people);
  const personName = new Map(personRows.map((p) => [p.id, p.name]));
  const where: SQL[] = [gte(inquiries.receivedAt, new Date(f.from)), lt(inquiries.receivedAt, new Date(f.to))];
  if (f.orgId !== undefined) where.push(eq(inquiries.orgId, f.orgId));
  if (f.accountId !== undefined) where.push(eq(inquiries.accountId, f.accountId));
  let after = 0;
  // deliveries already written (with the inquiry that holds their bytes): their bytes are not read again
  const written = new Map<number, { readonly meta: Omit<ExportedDelivery, 'body_base64' | 'body_in'>; readonly holder: number | null }>();
  for (;;) {
    const page = await db.select().from(inquiries).where(and(...where, gt(inquiries.id, after))).orderBy(asc(inquiries.id)).limit(pageSize);
    if (page.length === 0) return;
    const trail = await db.select().from(events).where(inArray(events.inquiryId, page.map((i) => i.id))).orderBy(asc(events.inquiryId), asc(events.id));
    const deliveryIds = [...new Set(page.flatMap((i) => (i.deliveryId === null || written.has(i.deliveryId) ? [] : [i.deliveryId])))];
    const fresh = new Map<number, typeof deliveries.$inferSelect>();
    for (const d of deliveryIds.length ? await db.select().from(deliveries).where(inArray(deliveries.id, deliveryIds)) : []) fresh.set(d.id, d);
    const deliveryOf = (inquiryId: number, deliveryId: number | null): ExportedDelivery | null => {
      if (deliveryId === null) return null;
      const seen = written.get(deliveryId);
      if (seen) return { ...seen.meta, body_base64: null, body_in: seen.holder };
      const d = fresh.get(deliveryId);
      if (!d) return null;
      const meta = { id: d.id, source: d.source, received_at: d.receivedAt.toISOString(), erased_at: iso(d.erasedAt) };
      written.set(deliveryId, { meta, holder: d.body ? inquiryId : null });
      return { ...meta, body_base64: d.body ? d.body.toString('base64') : null, body_in: null };
    };
    const answerRows = await db.select().from(answers).where(and(inArray(answers.inquiryId, page.map((i) => i.id)), eq(answers.state, 'posted'))).orderBy(asc(answers.id));
    const answersOf = new Map<number, ExportedAnswer[]>();
    for (const a of answerRows) {
      const list = answersOf.get(a.inquiryId) ?? [];
      list.push({ id: a.id, kind: a.kind, text: a.text, officer: a.personId !== null ? (personName.get(a.personId) ?? String(a.personId)) : null, actor: a.actor, reply_id: a.replyId, reply_url: a.replyUrl, posted_at: iso(a.postedAt) });
      answersOf.set(a.inquiryId, list);
    }
    const archiveRows = await db.select().from(archives).where(inArray(archives.inquiryId, page.map((i) => i.id))).orderBy(asc(archives.id));
    const archivesOf = new Map<number, ExportedArchive[]>();
    for (const a of archiveRows) {
      const list = archivesOf.get(a.inquiryId) ?? [];
      list.push({
        id: a.id, action: a.action, reason: a.reason, note: a.note, officer: a.personId !== null ? (personName.get(a.personId) ?? String(a.personId)) : null, actor: a.actor, state: a.state,
        original: a.original, versions: a.versions, context: a.context, platform_result: a.platformResult ?? null, archived_at: a.createdAt.toISOString(), done_at: iso(a.doneAt),
      });
      archivesOf.set(a.inquiryId, list);
    }
    const byInquiry = new Map<number, ExportedEvent[]>();
    for (const e of trail) {
      const list = byInquiry.get(e.inquiryId) ?? [];
      list.push({ id: e.id, type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data });
      byInquiry.set(e.inquiryId, list);
    }
    for (const i of page) {
      const a = i.accountId !== null ? accountById.get(i.accountId) : undefined;
      yield {
        id: i.id, organization: i.orgId, account: a ? { key: a.key, name: a.name } : null, source: i.source, channel: i.channel,
        account_external_id: i.accountExternalId, external_id: i.externalId, author_id: i.authorId, author_name: i.authorName, author_handle: i.authorHandle,
        text: i.text, url: i.url, in_reply_to: i.inReplyTo, received_at: i.receivedAt.toISOString(), deadline: iso(i.deadline), state: i.state,
        assignee: i.assigneeId !== null ? (personName.get(i.assigneeId) ?? String(i.assigneeId)) : null,
        answered_at: iso(i.answeredAt), closed_at: iso(i.closedAt), close_reason: i.closeReason, registered: i.registered, case_number: i.caseNumber,
        personal_data: i.personalData, removed: i.removed, removed_reason: i.removedReason, answered_on_time: i.answeredOnTime,
        answer_working_ms: i.answerWorkingMs, erased_at: iso(i.erasedAt), raw: i.raw,
        delivery: deliveryOf(i.id, i.deliveryId), events: byInquiry.get(i.id) ?? [],
        answers: answersOf.get(i.id) ?? [],
        archives: archivesOf.get(i.id) ?? [],
      };
    }
    after = page[page.length - 1]!.id;
    if (page.length < pageSize) return;
  }
}

/** Accounts matching a key or name, for `--account` (within an organization when given). */
export async function findAccounts(db: Db, nameOrKey: string, orgId?: string): Promise<Array<{ id: number; orgId: string; key: string; name: string }>> {
  const rows = await db.select({ id: accounts.id, orgId: accounts.orgId, key: accounts.key, name: accounts.name }).from(accounts).where(orgId !== undefined ? eq(accounts.orgId, orgId) : undefined);
  const wanted = nameOrKey.trim().toLowerCase();
  return rows.filter((a) => a.key.toLowerCase() === wanted || a.name.toLowerCase() === wanted);
}

