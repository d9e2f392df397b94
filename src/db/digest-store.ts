/**
 * The daily digest (Arvidsjaur 8: "minst en gång per arbetsdag"): at `digest.daily_at` on the
 * organization's working days, each officer gets their open inquiries, nearest deadline first, and
 * managers also get the messages that reached no account in the directory (unrouted). Sent once per
 * organization and day across instances: the instance that inserts the job key sends it.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { ACTIVE_STATES } from '../inquiries/model.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { ChatNotifier, InquirySummary } from '../reminders/model.js';
import { summarize } from '../reminders/summary.js';
import type { Db } from './connection.js';
import { organizationAbsences, organizationPeople } from './context-store.js';
import type { DrizzleInquiryStore } from './inquiry-store.js';
import { toInquiry } from './rows.js';
import { accounts, inquiries, jobs } from './schema.js';

export interface DigestDeps {
  readonly db: Db;
  readonly store: DrizzleInquiryStore;
  readonly policies: PolicyRegistry;
  readonly notifier: ChatNotifier;
  readonly worker: string;
  readonly logger: Logger;
}

/** Claims a once-only job; true for the one instance that gets it. */
export async function claimJob(db: Db, key: string, worker: string, now: number): Promise<boolean> {
  const rows = await db.insert(jobs).values({ key, claimedBy: worker, createdAt: new Date(now) }).onConflictDoNothing().returning({ key: jobs.key });
  return rows.length === 1;
}

export async function runDigests(deps: DigestDeps, now: number): Promise<number> {
  let sent = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    if (!policy.digest) continue;
    const local = DateTime.fromMillis(now, { zone: policy.timezone });
    if (local.hour * 60 + local.minute < policy.digest.dailyAt) continue;
    const dayStart = local.startOf('day').toMillis();
    const dayEnd = local.startOf('day').plus({ days: 1 }).toMillis();
    if (policy.calendar.workingTimeBetween(dayStart, dayEnd) === 0) continue; // not a working day
    const date = local.toISODate()!;
    if (!(await claimJob(deps.db, `digest:${orgId}:${date}`, deps.worker, now))) continue;

    const people = await organizationPeople(deps.db, orgId);
    const absent = new Set((await organizationAbsences(deps.db, [...people.keys()], now)).filter((a) => a.startsAt <= now && now < a.endsAt).map((a) => a.personId));
    const accountRows = await deps.db.select().from(accounts).where(eq(accounts.orgId, orgId));
    const accountById = new Map(accountRows.map((a) => [a.id, a]));
    const open = (
      await deps.db
        .select()
        .from(inquiries)
        .where(and(eq(inquiries.orgId, orgId), inArray(inquiries.state, [...ACTIVE_STATES])))
        .orderBy(sql`${inquiries.deadline} asc nulls last`, asc(inquiries.id))
    ).map(toInquiry);
    const unrouted = (
      await deps.db.select().from(inquiries).where(and(isNull(inquiries.orgId), eq(inquiries.state, 'unrouted'))).orderBy(asc(inquiries.receivedAt)).limit(200)
    ).map(toInquiry);
    const show = (i: (typeof open)[number]): InquirySummary =>
      summarize(i, i.accountId !== null ? (accountById.get(i.accountId)?.name ?? i.accountExternalId) : i.accountExternalId, people, policy, now);

    for (const person of people.values()) {
      if (!person.active || absent.has(person.id)) continue;
      const mine = open.filter((i) => (i.assigneeId ?? (i.accountId !== null ? accountById.get(i.accountId)?.responsibleId : null)) === person.id);
      const isManager = person.role === 'manager';
      if (mine.length === 0 && !isManager) continue;
      try {
        await deps.notifier.send(
          person,
          { type: 'digest', date, inquiries: mine.map(show), unrouted: isManager ? unrouted.map(show) : [], timezone: policy.timezone, language: person.language ?? policy.language },
          `digest:${orgId}:${date}:${person.id}`,
        );
        sent++;
      } catch (e) {
        deps.logger.error({ org: orgId, person: person.id, err: (e as Error).message }, 'daily digest could not be delivered');
      }
    }
  }
  return sent;
}
