/**
 * The daily digest, sent: reads what the rules in src/reminders/digest.ts need, nearest deadline
 * first, and sends. Once per organization and day across instances: the instance that claims the job
 * key (ReminderQueue.once) sends it; a run cut short (the database gone midway) is claimed again after
 * the job lease, so the digest is not lost (someone reached before the cut may get it twice).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { ACTIVE_STATES, type Inquiry } from '../inquiries/model.js';
import { digestDateDue, digestRecipients, teamView } from '../reminders/digest.js';
import type { ReminderQueue } from './reminder-queue.js';
import type { PolicyRegistry } from '../policy/registry.js';
import type { ChatNotifier, InquirySummary } from '../reminders/model.js';
import { summarize } from '../reminders/summary.js';
import type { Db } from './connection.js';
import { organizationAbsences, organizationPeople } from './context-store.js';
import { toInquiry } from './rows.js';
import { seesUnrouted } from './unrouted-scope.js';
import { accounts, inquiries } from './schema.js';
import { summarizeError } from '../log/summary.js';

export interface DigestDeps {
  readonly db: Db;
  readonly policies: PolicyRegistry;
  readonly notifier: ChatNotifier;
  readonly queue: Pick<ReminderQueue, 'once'>;
  readonly worker: string;
  readonly logger: Logger;
}

export async function runDigests(deps: DigestDeps, now: number): Promise<number> {
  let sent = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    const date = digestDateDue(policy, now);
    if (date === undefined) continue;
    await deps.queue.once(`digest:${orgId}:${date}`, deps.worker, now, async () => {
      const people = await organizationPeople(deps.db, orgId);
      const absences = await organizationAbsences(deps.db, [...people.keys()], now);
      const accountRows = await deps.db.select().from(accounts).where(eq(accounts.orgId, orgId));
      const accountById = new Map(accountRows.map((a) => [a.id, a]));
      const open = (
        await deps.db
          .select()
          .from(inquiries)
          .where(and(eq(inquiries.orgId, orgId), inArray(inquiries.state, [...ACTIVE_STATES])))
          .orderBy(sql`${inquiries.deadline} asc nulls last`, asc(inquiries.id))
      ).map(toInquiry);
      // unrouted messages belong to no organization: in the managers' digest only in a one-organization deployment
      const unrouted = (await seesUnrouted(deps.db, orgId))
        ? (await deps.db.select().from(inquiries).where(and(isNull(inquiries.orgId), eq(inquiries.state, 'unrouted'))).orderBy(asc(inquiries.receivedAt)).limit(200)).map(toInquiry)
        : [];
      const show = (i: Inquiry): InquirySummary =>
        summarize(i, i.accountId !== null ? (accountById.get(i.accountId)?.name ?? i.accountExternalId) : i.accountExternalId, people, policy, now);

      const accountOf = (id: number) => accountById.get(id);
      const team = teamView(people, absences, open, accountOf, policy, now);
      for (const d of digestRecipients(people, absences, open, accountOf, now)) {
        const mark = (i: Inquiry): InquirySummary => {
          const via = d.covering.get(i.id);
          return via ? { ...show(i), covering: { name: via.intendedName, until: via.until } } : show(i);
        };
        try {
          await deps.notifier.send(
            d.person,
            {
              type: 'digest',
              date,
              inquiries: d.inquiries.map(mark),
              unrouted: d.withUnrouted ? unrouted.map(show) : [],
              ...(d.withUnrouted && { team }),
              timezone: policy.timezone,
              language: d.person.language ?? policy.language,
            },
            `digest:${orgId}:${date}:${d.person.id}`,
          );
          sent++;
        } catch (e) {
          deps.logger.error({ org: orgId, person: d.person.id, error: summarizeError(e) }, 'daily digest could not be delivered');
        }
      }
    });
  }
  return sent;
}
