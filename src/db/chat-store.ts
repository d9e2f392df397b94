/**
 * The chat service's ports on the database: who a platform user is, the people a command names,
 * queues and the organization's status for managers, and where a platform can reach a person
 * (Teams conversation references, kept for proactive messages).
 */
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { DeliveryLog } from '../chat/adapter.js';
import type { PersonRef } from '../commands/index.js';
import type { ChatDirectory, ChatInquiries, PersonMatch } from '../chat/ports.js';
import type { ChatPlatform, ChatUser, OrgStatus } from '../chat/types.js';
import { ACTIVE_STATES, type Inquiry } from '../inquiries/model.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { InquirySummary, Person, RoutedVia } from '../reminders/model.js';
import { summarize } from '../reminders/summary.js';
import { overdueBefore } from '../reports/overdue.js';
import type { Db } from './connection.js';
import { organizationAbsences, organizationPeople } from './context-store.js';
import { handlerOf } from '../people/coverage.js';
import { availability } from '../people/routing-absence.js';
import { toInquiry } from './rows.js';
import { seesUnrouted } from './unrouted-scope.js';
import { accounts, chatConversations, chatDeliveries, inquiries, people } from './schema.js';

/**
 * At most this many of each list: the chat adapters show a queue 20 at a time (adapters/chat-text/
 * queue.ts), so the cap only bounds one query; the count a person reads is the list's length.
 */
const QUEUE_LIMIT = 1000;

/** Lower case without diacritics, for matching names as people type them ("asa" finds "Åsa"). */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A name in a command matches a key ("anna.berg"), a full name ("Anna Berg"), or a unique first name ("anna"). */
export function matchName(candidates: readonly Person[], keys: ReadonlyMap<number, string>, name: string): PersonMatch {
  const wanted = fold(name);
  const byKey = candidates.filter((p) => fold(keys.get(p.id) ?? '') === wanted);
  if (byKey.length === 1) return { ok: true, person: byKey[0]! };
  const byName = candidates.filter((p) => fold(p.name) === wanted);
  if (byName.length === 1) return { ok: true, person: byName[0]! };
  if (byName.length > 1) return { ok: false, reason: 'ambiguous', candidates: byName.map((p) => `${p.name} (${keys.get(p.id)})`) };
  const byFirst = candidates.filter((p) => fold(p.name).split(' ')[0] === wanted);
  if (byFirst.length === 1) return { ok: true, person: byFirst[0]! };
  if (byFirst.length > 1) return { ok: false, reason: 'ambiguous', candidates: byFirst.map((p) => p.name) };
  return { ok: false, reason: 'unknown' };
}

export class ChatStore implements ChatDirectory, ChatInquiries {
  constructor(
    private readonly db: Db,
    private readonly policies: PolicyRegistry,
  ) {}

  async personOf(user: ChatUser): Promise<Person | undefined> {
    const ids = [user.id, ...(user.aadObjectId ? [user.aadObjectId] : [])];
    const column = user.platform === 'slack' ? people.slackUserId : people.teamsUserId;
    const rows = await this.db
      .select({ id: people.id, orgId: people.orgId })
      .from(people)
      .where(and(inArray(column, ids), eq(people.active, true), user.orgId !== undefined ? eq(people.orgId, user.orgId) : undefined));
    // the same platform id in two organizations without a workspace to tell them apart: nobody
    if (rows.length !== 1) return undefined;
    return (await organizationPeople(this.db, rows[0]!.orgId)).get(rows[0]!.id);
  }

  async resolve(orgId: string, ref: PersonRef): Promise<PersonMatch> {
    const active = await this.peopleOf(orgId);
    const hit = (p: Person | undefined): PersonMatch => (p ? { ok: true, person: p } : { ok: false, reason: 'unknown' });
    if (ref.kind === 'slack') return hit(active.find((p) => p.slackUserId === ref.userId));
    if (ref.kind === 'teams') return hit(active.find((p) => p.teamsUserId === ref.id));
    return matchName(active, new Map(active.map((p) => [p.id, p.key ?? ''])), ref.name);
  }

  async peopleOf(orgId: string): Promise<Person[]> {
    return [...(await organizationPeople(this.db, orgId)).values()].filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  private async summarizer(orgId: string | null, now: number): Promise<(i: Inquiry) => InquirySummary> {
    const peopleById = orgId ? await organizationPeople(this.db, orgId) : new Map<number, Person>();
    const accountRows = orgId ? await this.db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.orgId, orgId)) : [];
    const names = new Map(accountRows.map((a) => [a.id, a.name]));
    const policy = orgId ? this.policies.get(orgId) : undefined;
    return (i) => summarize(i, (i.accountId !== null ? names.get(i.accountId) : undefined) ?? i.accountExternalId, peopleById, policy, now);
  }

  async summary(inquiry: Inquiry, now: number): Promise<InquirySummary> {
    return (await this.summarizer(inquiry.orgId, now))(inquiry);
  }

  async queue(person: Person, now: number): Promise<{ mine: InquirySummary[]; unclaimed: InquirySummary[] }> {
    const show = await this.summarizer(person.orgId, now);
    const order = [sql`${inquiries.deadline} asc nulls last`, asc(inquiries.id)];
    const responsibleFor = this.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.responsibleId, person.id));
    const mine = await this.activeOf(person.orgId, [person.id], responsibleFor, QUEUE_LIMIT);
    const covered = await this.covered(person, now, QUEUE_LIMIT);
    mine.push(...covered.rows.filter((r) => !mine.some((m) => m.id === r.id)));
    mine.sort((a, b) => (a.deadline?.getTime() ?? Infinity) - (b.deadline?.getTime() ?? Infinity) || a.id - b.id);
    const mineIds = new Set(mine.map((r) => r.id));
    const unclaimed = await this.db
      .select()
      .from(inquiries)
      .where(and(eq(inquiries.orgId, person.orgId), eq(inquiries.state, 'open')))
      .orderBy(...order)
      .limit(QUEUE_LIMIT + mine.length);
    const mark = (i: Inquiry): InquirySummary => {
      const via = covered.via.get(i.id);
      return via ? { ...show(i), covering: { name: via.intendedName, until: via.until } } : show(i);
    };
    return {
      mine: mine.slice(0, QUEUE_LIMIT).map(toInquiry).map(mark),
      unclaimed: unclaimed.filter((r) => !mineIds.has(r.id)).slice(0, QUEUE_LIMIT).map(toInquiry).map(show),
    };
  }

  /**
   * The active inquiries of `orgId` taken by one of `assignees`, or taken by nobody on one of
   * `accountIds` (a list, or a subquery of account ids), nearest deadline first.
   */
  private activeOf(orgId: string, assignees: number[], accountIds: readonly number[] | SQLWrapper | undefined, limit: number) {
    return this.db
      .select()
      .from(inquiries)
      .where(
        and(
          eq(inquiries.orgId, orgId),
          inArray(inquiries.state, [...ACTIVE_STATES]),
          or(inArray(inquiries.assigneeId, assignees), accountIds === undefined ? undefined : and(isNull(inquiries.assigneeId), inArray(inquiries.accountId, accountIds))),
        ),
      )
      .orderBy(sql`${inquiries.deadline} asc nulls last`, asc(inquiries.id))
      .limit(limit);
  }

  /**
   * The active inquiries `person` covers now for someone away or inactive (src/people/coverage.ts,
   * the same rule as the reminders and the digest), with whom each is covered for.
   */
  private async covered(person: Person, now: number, limit: number): Promise<{ rows: Array<typeof inquiries.$inferSelect>; via: Map<number, RoutedVia> }> {
    const via = new Map<number, RoutedVia>();
    const peopleById = await organizationPeople(this.db, person.orgId);
    const absent = await organizationAbsences(this.db, [...peopleById.keys()], now);
    const away = [...peopleById.values()].filter((p) => p.id !== person.id && !availability(p, absent, now).available).map((p) => p.id);
    if (away.length === 0) return { rows: [], via };
    const accountRows = await this.db.select().from(accounts).where(eq(accounts.orgId, person.orgId));
    const accountById = new Map(accountRows.map((a) => [a.id, a]));
    const theirs = accountRows.filter((a) => a.responsibleId !== null && away.includes(a.responsibleId)).map((a) => a.id);
    const candidates = await this.activeOf(person.orgId, away, theirs.length > 0 ? theirs : undefined, limit * 4);
    const rows = candidates.filter((r) => {
      const h = handlerOf(toInquiry(r), (id) => accountById.get(id), peopleById, absent, now);
      if (h.person?.id !== person.id || !h.covering) return false;
      via.set(r.id, h.covering);
      return true;
    });
    return { rows: rows.slice(0, limit), via };
  }

  async status(orgId: string, now: number): Promise<OrgStatus> {
    const policy = this.policies.get(orgId);
    const overdueNow = lt(inquiries.deadline, new Date(policy ? overdueBefore(policy, now) : now));
    const active = and(eq(inquiries.orgId, orgId), inArray(inquiries.state, [...ACTIVE_STATES]));
    const channels = await this.db
      .select({
        channel: inquiries.channel,
        active: sql<number>`count(*)::int`,
        unclaimed: sql<number>`(count(*) filter (where ${inquiries.state} = 'open'))::int`,
        overdue: sql<number>`(count(*) filter (where ${overdueNow}))::int`,
      })
      .from(inquiries)
      .where(active)
      .groupBy(inquiries.channel)
      .orderBy(inquiries.channel);
    const show = await this.summarizer(orgId, now);
    const overdue = (await this.db.select().from(inquiries).where(and(active, overdueNow)).orderBy(asc(inquiries.deadline), asc(inquiries.id)).limit(10)).map(toInquiry).map(show);
    // unrouted messages belong to no organization: counted here only in a one-organization deployment
    const unrouted = (await seesUnrouted(this.db, orgId))
      ? Number((await this.db.select({ n: sql<number>`count(*)::int` }).from(inquiries).where(and(isNull(inquiries.orgId), eq(inquiries.state, 'unrouted'))))[0]?.n ?? 0)
      : 0;
    return { orgId, channels: channels.map((c) => ({ ...c, active: Number(c.active), unclaimed: Number(c.unclaimed), overdue: Number(c.overdue) })), overdue, unrouted, timezone: policy?.timezone ?? 'Europe/Stockholm' };
  }
}

/** Where a platform can reach a person: Teams conversation references, Slack DM channels. */
export class ConversationStore {
  constructor(private readonly db: Db) {}

  async save(platform: ChatPlatform, userId: string, reference: Record<string, unknown>, now: number): Promise<void> {
    await this.db
      .insert(chatConversations)
      .values({ platform, userId, reference, updatedAt: new Date(now) })
      .onConflictDoUpdate({ target: [chatConversations.platform, chatConversations.userId], set: { reference, updatedAt: new Date(now) } });
  }

  async find(platform: ChatPlatform, userIds: readonly string[]): Promise<Record<string, unknown> | undefined> {
    if (userIds.length === 0) return undefined;
    const rows = await this.db.select().from(chatConversations).where(and(eq(chatConversations.platform, platform), inArray(chatConversations.userId, [...userIds])));
    // the first id given wins (the directory's id before an alias)
    for (const id of userIds) {
      const hit = rows.find((r) => r.userId === id);
      if (hit) return hit.reference;
    }
    return undefined;
  }
}

/** How long a delivery key is remembered: longer than any platform retries (Slack: minutes; Bot Framework: minutes). */
export const DELIVERY_MEMORY_MS = 24 * 3_600_000;

/** Deliveries already handled, in the database: one INSERT … ON CONFLICT DO NOTHING decides, across instances. */
export class DeliveryLogStore implements DeliveryLog {
  constructor(private readonly db: Db) {}

  async first(platform: ChatPlatform, key: string, now: number): Promise<boolean> {
    const rows = await this.db.insert(chatDeliveries).values({ platform, key, receivedAt: new Date(now) }).onConflictDoNothing().returning({ key: chatDeliveries.key });
    return rows.length === 1;
  }

  async forget(platform: ChatPlatform, key: string): Promise<void> {
    await this.db.delete(chatDeliveries).where(and(eq(chatDeliveries.platform, platform), eq(chatDeliveries.key, key)));
  }

  /** drops keys older than DELIVERY_MEMORY_MS; returns how many */
  async prune(now: number): Promise<number> {
    const gone = await this.db.delete(chatDeliveries).where(lt(chatDeliveries.receivedAt, new Date(now - DELIVERY_MEMORY_MS))).returning({ key: chatDeliveries.key });
    return gone.length;
  }
}
