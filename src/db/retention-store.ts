/**
 * Retention (gallring) in SQL (rules: src/reports/retention.ts): each batch is one statement that
 * picks erasable inquiries (FOR UPDATE SKIP LOCKED), erases their text, author, link and payload,
 * the exact bytes of the delivery that brought them (`deliveries.body`, which holds the same text —
 * and that of any other message in the same delivery, whose archive copy goes with it), erases the
 * free text in their events, and writes one `erased` event per inquiry (actor `system`) listing the
 * fields that had content (never their values). Batches repeat until none is left.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Policy } from '../policy/index.js';
import type { PolicyRegistry } from '../policy/registry.js';
import { EVENT_FREE_TEXT, retentionCutoff, retentionDate } from '../reports/retention.js';
import type { Db } from './connection.js';
import type { ReminderQueue } from './reminder-queue.js';
import { num, query, ts } from './sql-rows.js';

export interface RetentionDeps {
  readonly db: Db;
  readonly policies: PolicyRegistry;
  readonly queue: Pick<ReminderQueue, 'once'>;
  readonly worker: string;
  readonly logger: Logger;
}

const BATCH = 500;
const FIELDS = Object.entries(EVENT_FREE_TEXT).flatMap(([type, fields]) => fields.map((field) => ({ type, field, path: `{${field.split('.').join(',')}}` })));
/** (event type, field name, jsonb path) of every free-text field */
const freeTextFields = sql.raw(`(values ${FIELDS.map((f) => `('${f.type}', '${f.field}', '${f.path}'::text[])`).join(', ')}) as f(type, field, path)`);
/** the event's data with every free-text field of its type set to null (where it is there at all) */
const clearedData = sql.raw(
  `case e.type ${Object.entries(EVENT_FREE_TEXT)
    .map(([type, fields]) => `when '${type}' then ${fields.reduce((d, f) => `jsonb_set(${d}, '{${f.split('.').join(',')}}', 'null'::jsonb, false)`, 'e.data')}`)
    .join(' ')} else e.data end`,
);

/** Erases one batch of the organization's inquiries finished before `cutoff`; returns how many. */
async function eraseBatch(db: Db, orgId: string, cutoff: number, rule: string, now: number, limit: number): Promise<number> {
  const rows = await query(
    db,
    sql`with batch as (
          select id, array_remove(array[
              case when text is not null then 'text' end,
              case when author_id is not null then 'author_id' end,
              case when author_name is not null then 'author_name' end,
              case when author_handle is not null then 'author_handle' end,
              case when url is not null then 'url' end,
              'raw',
              case when exists (select 1 from deliveries d where d.id = delivery_id and d.body is not null) then 'delivery_body' end], null) as fields
          from inquiries
          where org_id = ${orgId} and erased_at is null and registered = false and state in ('answered', 'closed')
            and coalesce(closed_at, answered_at) < ${ts(cutoff)}::timestamptz
          order by id limit ${limit}
          for update skip locked),
        erased as (
          update inquiries i set text = null, author_id = null, author_name = null, author_handle = null, url = null,
            raw = '{"erased": true}'::jsonb, erased_at = ${ts(now)}::timestamptz, updated_at = ${ts(now)}::timestamptz, version = i.version + 1
          from batch where i.id = batch.id
          returning i.id),
        bodies as (
          update deliveries d set body = null, erased_at = ${ts(now)}::timestamptz
          from batch b join inquiries i on i.id = b.id
          where d.id = i.delivery_id and d.body is not null
          returning d.id),
        notes as (
          select e.id, e.inquiry_id, 'events.' || e.type || '.' || f.field as field
          from events e join batch on e.inquiry_id = batch.id cross join ${freeTextFields}
          where e.type = f.type and e.data #>> f.path is not null),
        cleared as (
          update events e set data = ${clearedData}
          from (select distinct id from notes) n where e.id = n.id
          returning e.id),
        answer_texts as (
          update answers a set text = ''
          from batch where a.inquiry_id = batch.id and a.text <> ''
          returning a.inquiry_id, 'answers.text' as field),
        logged as (
          insert into events (inquiry_id, type, actor, at, data)
          select b.id, 'erased', 'system', ${ts(now)}::timestamptz,
            jsonb_build_object('fields', to_jsonb(b.fields || coalesce((select array_agg(distinct n.field order by n.field) from (select inquiry_id, field from notes union all select inquiry_id, field from answer_texts) n where n.inquiry_id = b.id), '{}'::text[])), 'rule', ${rule}::text)
          from batch b
          returning inquiry_id)
        select (select count(*) from logged) as n, (select count(*) from erased) as erased, (select count(*) from bodies) as bodies, (select count(*) from cleared) as cleared`,
  );
  return num(rows[0]?.n);
}

/** Erases everything of the organization finished before `cutoff`, batch by batch; returns how many inquiries. */
export async function eraseFinished(db: Db, orgId: string, cutoff: number, rule: string, now: number, batch = BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await eraseBatch(db, orgId, cutoff, rule, now, batch);
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Erases what the organization's policy says is past retention at `now`; undefined when the policy
 * has no `retention` (nothing is erased). Used by the daily run and by `svarstid retention run`.
 */
export async function eraseByPolicy(db: Db, orgId: string, policy: Policy, now: number): Promise<{ erased: number; cutoff: number; rule: string } | undefined> {
  const cutoff = retentionCutoff(policy, now);
  if (cutoff === undefined) return undefined;
  const rule = `retention.text_after: ${policy.retention!.textAfter.text}`;
  return { erased: await eraseFinished(db, orgId, cutoff, rule, now), cutoff, rule };
}

/** The daily retention run: once per organization (with `retention` in its policy) and local date, across instances. */
export async function runRetention(deps: RetentionDeps, now: number): Promise<number> {
  let erased = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    const date = retentionDate(policy, now);
    if (date === undefined) continue;
    await deps.queue.once(`retention:${orgId}:${date}`, deps.worker, now, async () => {
      const r = await eraseByPolicy(deps.db, orgId, policy, now);
      if (!r) return;
      if (r.erased > 0) deps.logger.info({ org: orgId, erased: r.erased, finishedBefore: new Date(r.cutoff).toISOString() }, 'retention: erased the text of finished inquiries');
      erased += r.erased;
    });
  }
  return erased;
}
