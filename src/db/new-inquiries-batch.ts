/**
 * Many one-message deliveries in one statement (issue 15: measured with pgbench on the 2-core
 * machine, the new-message statement for 8 messages at once stores 3.2× the messages per second of 8
 * statements — the cost is per statement and its round trip, not per row). Each message is what
 * src/db/new-inquiry-statement.ts stores for one: its inquiry (ON CONFLICT DO NOTHING), `received`
 * event, reminders and delivery row, each only when the inquiry row was inserted, and only while a
 * cached source binding still holds (checked per message in the statement's snapshot). The statement
 * is atomic: all of its messages are stored or none; the batcher (src/db/insert-batcher.ts) answers
 * each message's request only after it committed.
 *
 * The messages come in as one JSON document, an array per message (its place n, then its columns;
 * the delivery's bytes as base64), the reminders as another; the inserted rows are matched back by their key (channel, account, id), which is unique within a batch
 * (the batcher never puts two messages with one key in the same batch).
 */
import type { Db } from './connection.js';
import { INQUIRY_COLUMN_COUNT, INQUIRY_COLUMNS, runNewInquiry, storedRow, type NewInquiryParams, type StoredRow } from './new-inquiry-statement.js';
import type { SqlRow } from './sql-rows.js';
import { storableText } from './storable.js';

/** a message of a batch: its parameters (delivery 'new' or 'none'; never 'existing') */
export type BatchItem = NewInquiryParams;

const EXTRA = [
  ['e_type', '::text'], ['e_actor', '::text'], ['e_at', '::timestamptz'], ['e_data', '::jsonb'],
  ['d_source', '::text'], ['d_at', '::timestamptz'], ['d_body', '::base64'], ['bound_source', '::text'],
] as const;
const ALL = [...INQUIRY_COLUMNS, ...EXTRA];

/** element k of a message's JSON array as its column: JSON values as they are, bytes from base64, the rest through text */
const element = (name: string, cast: string, k: number): string =>
  cast === '::jsonb' ? `m.v->${k}->0 as ${name}` : cast === '::base64' ? `decode(m.v->>${k}, 'base64') as ${name}` : `(m.v->>${k})${cast} as ${name}`;

function batchText(): string {
  const columns = INQUIRY_COLUMNS.map(([c]) => c);
  const fields = ALL.map(([c, cast], k) => element(c, cast, k + 1)).join(', ');
  const guard = `(u.bound_source is null or exists (select 1 from source_accounts sa join accounts a on a.id = sa.account_id
      where sa.source = u.bound_source and a.id = u.account_id and a.active and a.org_id = u.org_id and a.channel = u.channel and a.external_id = u.account_external_id)
    and not exists (select 1 from source_accounts sb join accounts b on b.id = sb.account_id
      where sb.source = u.bound_source and b.active and b.external_id = u.account_external_id and b.id <> u.account_id))`;
  return `with u as materialized (select (m.v->>0)::bigint as n, ${fields} from jsonb_array_elements($1::jsonb) as m(v)),
  g as (select n, ${guard} as bound from u),
  d_id as (select n, nextval(pg_get_serial_sequence('deliveries', 'id')) as id from u where d_source is not null),
  i as (insert into inquiries (${columns.join(', ')}, delivery_id)
    select ${columns.map((c) => `u.${c}`).join(', ')}, d_id.id from u join g using (n) left join d_id using (n) where g.bound
    order by u.channel, u.account_external_id, u.external_id
    on conflict do nothing returning id, channel, account_external_id, external_id),
  im as (select u.n, i.id from i join u on u.channel = i.channel and u.account_external_id = i.account_external_id and u.external_id = i.external_id),
  e as (insert into events (inquiry_id, type, actor, at, data) select im.id, u.e_type, u.e_actor, u.e_at, u.e_data from im join u using (n)),
  r as (insert into reminders (inquiry_id, org_id, kind, role, due_at, next_attempt_at)
    select im.id, u.org_id, k.v->>1, k.v->>2, (k.v->>3)::timestamptz, (k.v->>3)::timestamptz from jsonb_array_elements($2::jsonb) as k(v) join im on im.n = (k.v->>0)::bigint join u using (n)),
  d as (insert into deliveries (id, source, received_at, body) select d_id.id, u.d_source, u.d_at, u.d_body from im join d_id using (n) join u using (n))
  select u.n, im.id, case when im.id is null then null else d_id.id end as delivery_id, g.bound from u join g using (n) left join im using (n) left join d_id using (n) order by u.n`;
}

let text: string | undefined;

/**
 * A value as JSON: null for none; a JSON column's text (always JSON.stringify's output of a storable
 * value: one well-formed JSON value) wrapped as a one-element array, so that JSON null stays a value
 * and SQL null stays none; a string made storable first (JSON would escape a lone surrogate, which
 * jsonb refuses: the drivers' last net, storableParam, sees only the whole document).
 */
const json = (v: unknown, asJson: boolean): string =>
  v === null || v === undefined ? 'null' : asJson ? `[${v as string}]` : JSON.stringify(typeof v === 'string' ? storableText(v) : v);

/**
 * The two parameters, each one JSON document (JSON.stringify is native; node-postgres escaping 31
 * arrays element by element was a tenth of the server's CPU): the messages, each an array of its
 * place then its columns in ALL's order; the reminders, each [place, kind, role, due].
 */
export function batchParams(items: readonly BatchItem[]): [string, string] {
  const messages: string[] = [];
  const reminders: string[] = [];
  items.forEach((x, k) => {
    if (x.delivery.mode === 'existing') throw new Error('a batch stores one-message deliveries: no delivery row made earlier');
    // a missing or extra column would shift every later one in the document: refused, as paramsOf refuses it
    if (x.inquiry.length !== INQUIRY_COLUMN_COUNT) throw new Error(`a new inquiry has ${INQUIRY_COLUMN_COUNT} columns, not ${x.inquiry.length}`);
    const d = x.delivery.mode === 'new' ? x.delivery : undefined;
    const values = [...x.inquiry, x.event.type, x.event.actor, x.event.at, x.event.data, d?.source ?? null, d?.at ?? null, d ? d.body.toString('base64') : null, x.boundTo ?? null];
    messages.push(`[${k + 1},${values.map((v, c) => json(v, ALL[c]![1] === '::jsonb')).join(',')}]`);
    x.reminders.kinds.forEach((kind, j) => reminders.push(JSON.stringify([k + 1, storableText(kind), storableText(x.reminders.roles[j]!), x.reminders.due[j]])));
  });
  return [`[${messages.join(',')}]`, `[${reminders.join(',')}]`];
}

/** runs a named statement (Database.genericPlans) */
export type StatementRunner = (name: string, text: string, params: unknown[]) => Promise<SqlRow[]>;

/**
 * Stores the messages in one statement (on `runner`'s connections when given); a row per message, in
 * order. A message alone takes the one-message statement: cheaper to run than the batch's for one
 * (PostgreSQL: 0.9 against 1.3–1.6 ms of server CPU, measured with both prepared).
 */
export async function runBatch(db: Db, items: readonly BatchItem[], runner?: StatementRunner): Promise<StoredRow[]> {
  if (items.length === 1) return [await runNewInquiry(db, items[0]!)];
  text ??= batchText();
  const name = 'svarstid_new_inquiries';
  let rows: SqlRow[];
  if (runner) rows = await runner(name, text, batchParams(items));
  else {
    const r = (await db._.session.prepareQuery({ sql: text, params: batchParams(items) }, undefined, name, false).execute()) as unknown as SqlRow[] | { rows: SqlRow[] };
    rows = Array.isArray(r) ? r : r.rows;
  }
  if (rows.length !== items.length) throw new Error(`a batch of ${items.length} messages answered ${rows.length} rows`);
  return rows.map((row) => storedRow(row, row.bound === true || row.bound === 't'));
}
