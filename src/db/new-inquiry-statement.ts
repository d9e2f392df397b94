/**
 * The one statement that stores a new message (DrizzleInquiryStore.insertIfAbsent): the inquiry
 * (ON CONFLICT DO NOTHING), its `received` event, its reminders and, for the first inquiry a delivery
 * creates, the delivery's exact bytes — each part only when the inquiry row was inserted (a
 * data-modifying CTE selecting from it; the foreign keys are checked at the end of the statement).
 *
 * Its text depends only on its shape (how the delivery is stored, whether reminders are planned), so
 * it is written once per shape and run as a named prepared statement: PostgreSQL parses and plans it
 * once per connection, and nothing is built per message but the parameter list (issue 15: the
 * profile showed drizzle's SQL building and the server's parse and plan of the unnamed statement on
 * every delivery). PGlite runs the same text.
 */
import type { Db } from './connection.js';
import type { SqlRow } from './sql-rows.js';

/** how the inquiry's delivery is stored: a new row made by this statement, a row made earlier in the unit, none */
export type DeliveryMode = 'new' | 'existing' | 'none';

export interface NewInquiryParams {
  /** the inquiry's 23 columns, in INQUIRY_COLUMNS order (delivery_id excluded) */
  readonly inquiry: readonly unknown[];
  readonly event: { readonly type: string; readonly actor: string; readonly at: string; readonly data: string };
  /** planned reminders (kinds, roles, due instants as ISO text); empty arrays: none */
  readonly reminders: { readonly orgId: string | null; readonly kinds: readonly string[]; readonly roles: readonly string[]; readonly due: readonly string[] };
  /** 'new': the delivery's source, arrival and bytes; 'existing': its id */
  readonly delivery: { readonly mode: 'new'; readonly source: string; readonly at: string; readonly body: Buffer } | { readonly mode: 'existing'; readonly id: number } | { readonly mode: 'none' };
  /**
   * the generic source whose binding of the inquiry's account was read from a cache: the statement
   * stores only while the binding still holds (the source serves the account, active, with the same
   * organization, channel and platform id), read in the statement's own snapshot, and says whether it did
   */
  readonly boundTo?: string;
}

export const INQUIRY_COLUMNS = [
  ['org_id', '::text'], ['account_id', '::integer'], ['source', '::text'], ['channel', '::text'], ['account_external_id', '::text'], ['external_id', '::text'],
  ['author_id', '::text'], ['author_name', '::text'], ['author_handle', '::text'], ['text', '::text'], ['url', '::text'], ['in_reply_to', '::text'],
  ['received_at', '::timestamptz'], ['deadline', '::timestamptz'], ['allowed_minutes', '::integer'], ['state', '::text'], ['personal_data', '::jsonb'],
  ['raw', '::jsonb'], ['caught_up_at', '::timestamptz'], ['late_reason', '::text'], ['private_conversation', '::text'], ['created_at', '::timestamptz'],
  ['updated_at', '::timestamptz'],
] as const;
export const INQUIRY_COLUMN_COUNT = INQUIRY_COLUMNS.length;

/** The statement's text for a shape; its parameters in the order `paramsOf` lists them. */
export function newInquiryText(mode: DeliveryMode, reminders: boolean, guarded = false): string {
  let n = 0;
  const p = (cast = '') => `$${++n}${cast}`;
  const values = INQUIRY_COLUMNS.map(([, cast]) => p(cast)).join(', ');
  const deliveryId = mode === 'new' ? '(select id from d_id)' : mode === 'existing' ? p('::bigint') : 'null';
  const parts: string[] = [];
  if (mode === 'new') parts.push(`d_id as (select nextval(pg_get_serial_sequence('deliveries', 'id')) as id)`);
  const columns = `${INQUIRY_COLUMNS.map(([c]) => c).join(', ')}, delivery_id`;
  if (guarded) {
    // $1 org_id, $2 account_id, $4 channel, $5 account_external_id (the values' positions above); and no
    // other account of the source with the same platform id (then the fresh lookup decides: ambiguous or not)
    const source = p('::text');
    parts.unshift(`g as (select exists (select 1 from source_accounts sa join accounts a on a.id = sa.account_id where sa.source = ${source} and a.id = $2 and a.active and a.org_id = $1 and a.channel = $4 and a.external_id = $5)
      and not exists (select 1 from source_accounts sb join accounts b on b.id = sb.account_id where sb.source = ${source} and b.active and b.external_id = $5 and b.id <> $2) as bound)`);
    parts.push(`i as (insert into inquiries (${columns}) select ${values}, ${deliveryId} from g where g.bound on conflict do nothing returning id)`);
  } else {
    parts.push(`i as (insert into inquiries (${columns}) values (${values}, ${deliveryId}) on conflict do nothing returning id)`);
  }
  parts.push(`e as (insert into events (inquiry_id, type, actor, at, data) select id, ${p()}, ${p()}, ${p('::timestamptz')}, ${p('::jsonb')} from i)`);
  if (reminders) {
    parts.push(`r as (insert into reminders (inquiry_id, org_id, kind, role, due_at, next_attempt_at) select i.id, ${p()}, k.kind, k.role, k.due, k.due from i cross join unnest(${p('::text[]')}, ${p('::text[]')}, ${p('::timestamptz[]')}) as k(kind, role, due))`);
  }
  if (mode === 'new') parts.push(`d as (insert into deliveries (id, source, received_at, body) select d_id.id, ${p()}, ${p('::timestamptz')}, ${p('::bytea')} from d_id where exists (select 1 from i))`);
  const deliveryOut = mode === 'new' ? ', (select id from d_id) as delivery_id' : '';
  // guarded: always one row, saying whether the binding held (id null: not inserted)
  return guarded ? `with ${parts.join(', ')} select (select id from i) as id${deliveryOut}, (select bound from g) as bound` : `with ${parts.join(', ')} select i.id${deliveryOut} from i`;
}

/** The parameters of `newInquiryText(mode, reminders)`, in its order. */
export function paramsOf(x: NewInquiryParams): unknown[] {
  if (x.inquiry.length !== INQUIRY_COLUMN_COUNT) throw new Error(`a new inquiry has ${INQUIRY_COLUMN_COUNT} columns, not ${x.inquiry.length}`);
  const out: unknown[] = [...x.inquiry];
  if (x.delivery.mode === 'existing') out.push(x.delivery.id);
  if (x.boundTo !== undefined) out.push(x.boundTo);
  out.push(x.event.type, x.event.actor, x.event.at, x.event.data);
  if (x.reminders.kinds.length > 0) out.push(x.reminders.orgId, [...x.reminders.kinds], [...x.reminders.roles], [...x.reminders.due]);
  if (x.delivery.mode === 'new') out.push(x.delivery.source, x.delivery.at, x.delivery.body);
  return out;
}

const texts = new Map<string, string>();

/** What storing a message answered. */
export interface StoredRow {
  /** the new inquiry's id; null when not inserted (a duplicate, or the binding no longer holds) */
  readonly id: number | null;
  readonly deliveryId: number | null;
  /** false: the cached binding no longer holds (nothing of this message was stored) */
  readonly bound: boolean;
}

const idOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** a statement's answer row (the one-message statement's, or a batch's) as a StoredRow */
export const storedRow = (r: SqlRow, bound: boolean): StoredRow => ({ id: idOrNull(r.id), deliveryId: idOrNull(r.delivery_id), bound });

/**
 * Runs the statement, a named prepared statement per shape (node-postgres; PGlite runs the text).
 * Unguarded, it answers no row when the inquiry was not inserted; guarded, always one, saying whether the binding held.
 */
export async function runNewInquiry(db: Db, x: NewInquiryParams): Promise<StoredRow> {
  const reminders = x.reminders.kinds.length > 0;
  const guarded = x.boundTo !== undefined;
  const name = `svarstid_new_inquiry_${x.delivery.mode}${reminders ? '_r' : ''}${guarded ? '_g' : ''}`;
  let text = texts.get(name);
  if (text === undefined) texts.set(name, (text = newInquiryText(x.delivery.mode, reminders, guarded)));
  const r = (await db._.session.prepareQuery({ sql: text, params: paramsOf(x) }, undefined, name, false).execute()) as unknown as SqlRow[] | { rows: SqlRow[] };
  const row = (Array.isArray(r) ? r : r.rows)[0];
  if (!row) return { id: null, deliveryId: null, bound: true };
  return storedRow(row, !guarded || row.bound !== false);
}
