/**
 * One-message deliveries arriving together share one statement (src/db/insert-batcher.ts,
 * src/db/new-inquiries-batch.ts). On PGlite and PostgreSQL, through the real use case (`ingest`) and
 * store: every message gets its own inquiry, event, reminders and delivery bytes, matched back to it
 * and not to a neighbour; a redelivery in the same moment is one inquiry; one message the statement
 * cannot store fails alone; a stale cached binding refuses only its own message.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { sql } from 'drizzle-orm';
import { InsertBatcher } from '../../src/db/insert-batcher.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { query } from '../../src/db/sql-rows.js';
import { StaleBindingError, type SourceEvent } from '../../src/inquiries/inbound.js';
import { ingest, type IngestResult } from '../../src/inquiries/ingest.js';
import type { RouteLookup } from '../../src/inquiries/ports.js';
import { planReminders } from '../../src/reminders/plan.js';
import { TARGETS } from '../support/app-harness.js';
import { message } from '../support/inquiry-builder.js';
import { startTenancyHarness, type TenancyHarness } from '../support/tenancy-harness.js';

const NOW = new Date('2026-11-25T09:15:00+01:00').getTime();
const PAGE = '104000000000001';

describe.each(TARGETS)('batched one-message deliveries on $name', ({ target }) => {
  let h: TenancyHarness;
  let batcher: InsertBatcher;
  let store: DrizzleInquiryStore;
  let route: RouteLookup;
  let accountId: number;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: NOW, orgs: ['hofors'] });
    const db = h.app.database;
    // one statement at a time: what waits meanwhile goes into the next one
    batcher = new InsertBatcher(db.db, db.genericPlans, { maxInFlight: 1, maxBatch: 64 });
    store = new DrizzleInquiryStore(db.db, undefined, batcher);
    accountId = (await h.app.directory.routeAccount('facebook', PAGE))!.accountId;
    route = async (channel, external) => (channel === 'facebook' && external === PAGE ? { orgId: 'hofors', accountId, policy: h.app.policies.get('hofors')! } : undefined);
  });
  afterAll(() => h?.close());

  const plan = (i: Parameters<typeof planReminders>[0]) => planReminders(i, h.app.policies.get('hofors')!);
  const one = (externalId: string): SourceEvent => ({ kind: 'message', message: message({ accountExternalId: PAGE, externalId, receivedAt: NOW - 60_000 }) });
  const deliver = (e: SourceEvent, o: { route?: RouteLookup; boundTo?: string } = {}): Promise<IngestResult> =>
    ingest({ store, route: o.route ?? route, plan, ...(o.boundTo ? { boundTo: o.boundTo } : {}) }, [e], NOW, { source: 'meta', body: Buffer.from(JSON.stringify({ id: e.kind === 'message' ? e.message.externalId : '' })) });
  const rows = async (text: string, ...values: unknown[]) => query(h.app.database.db, sql.raw(values.reduce<string>((t, v, k) => t.replace(`$${k + 1}`, `'${String(v)}'`), text)));

  it('24 at once: fewer statements than messages, and each message has its own rows', async () => {
    const before = { ...batcher.counts };
    const ids = Array.from({ length: 24 }, (_, k) => `batch-a-${k}`);
    const results = await Promise.all(ids.map((id) => deliver(one(id))));
    expect(results.map((r) => r.received.length)).toEqual(ids.map(() => 1));
    const statements = batcher.counts.statements - before.statements;
    expect(batcher.counts.messages - before.messages).toBe(24);
    expect(statements).toBeLessThan(24);
    expect(batcher.counts.largest).toBeGreaterThan(1);
    for (const [k, r] of results.entries()) {
      const id = r.received[0]!;
      const [inq] = await rows('select external_id, delivery_id from inquiries where id = $1', id);
      expect(inq!.external_id).toBe(ids[k]);
      const [d] = await rows("select convert_from(body, 'UTF8') as body from deliveries where id = $1", inq!.delivery_id);
      expect(JSON.parse(String(d!.body))).toEqual({ id: ids[k] });
      expect((await rows('select type from events where inquiry_id = $1', id)).map((e) => e.type)).toEqual(['received']);
      const stored = await h.app.inquiries.get(id);
      expect((await rows('select kind, role from reminders where inquiry_id = $1 order by kind, role', id)).map((x) => `${x.kind}/${x.role}`)).toEqual(
        plan(stored!).map((p) => `${p.kind}/${p.role}`).sort(),
      );
    }
  });

  it('the same message twice at once, among others: one inquiry, one answer says duplicate', async () => {
    const results = await Promise.all([deliver(one('twice')), deliver(one('other-1')), deliver(one('twice')), deliver(one('other-2'))]);
    const twice = [results[0]!, results[2]!];
    expect(twice.map((r) => r.received.length).sort()).toEqual([0, 1]);
    expect(twice.map((r) => r.duplicates.length).sort()).toEqual([0, 1]);
    expect(twice[0]!.received[0] ?? twice[0]!.duplicates[0]).toBe(twice[1]!.received[0] ?? twice[1]!.duplicates[0]);
    expect(await rows("select id from inquiries where external_id = 'twice'")).toHaveLength(1);
    expect(await rows("select e.id from events e join inquiries i on i.id = e.inquiry_id where i.external_id = 'twice'")).toHaveLength(1);
  });

  it('a shared statement stores every column, event, reminder and byte exactly as the one-message statement does', async () => {
    // values a JSON document or an array literal could get wrong: quotes, backslashes, braces, "NULL",
    // escapes, emoji, a lone surrogate and NUL (stored as U+FFFD), no author name, JSON null inside raw
    const tricky = (k: number, tag: string): SourceEvent => ({
      kind: 'message',
      message: message({
        accountExternalId: PAGE, externalId: `${tag}-${k}`, receivedAt: NOW - 60_000 - k * 1_000,
        author: k % 2 === 0 ? { id: `a"\\{${k}}`, name: 'NULL' } : { id: `a-${k}` },
        text: ['Hej "där" \\ {x,y} NULL', 'rad 1\nrad 2\t\u00e5\u00e4\u00f6 \ud83d\ude00', 'ensam \ud800 och \u0000 nul', '[1,2]'][k % 4]!,
        url: k % 3 === 0 ? undefined : `https://example.org/?q="${k}"&x=\\`,
        raw: { id: `${tag}-${k}`, nothing: null, nested: { list: [1, 'två', null, { "k\"ey": '\\' }] }, n: 1.5e-7 },
      }),
    });
    const body = (k: number) => Buffer.from([0xff, 0x00, 0x22, 0x5c, 0x7b, k, 0xc3, 0x28]);
    const via = (e: SourceEvent, k: number) => ingest({ store, route, plan }, [e], NOW, { source: 'meta', body: body(k) });
    const alone: number[] = [];
    for (let k = 0; k < 8; k++) alone.push((await via(tricky(k, 'alone'), k)).received[0]!);
    const before = batcher.counts.largest;
    batcher.counts.largest = 0;
    const together = (await Promise.all(Array.from({ length: 8 }, (_, k) => via(tricky(k, 'together'), k)))).map((r) => r.received[0]!);
    expect(batcher.counts.largest).toBeGreaterThan(1);
    batcher.counts.largest = Math.max(before, batcher.counts.largest);
    const stored = async (id: number) => {
      const [i] = await rows(`select i.org_id, i.account_id, i.source, i.channel, i.account_external_id, replace(i.external_id, 'together', 'alone') as external_id, author_id, author_name,
        author_handle, text, url, in_reply_to, i.received_at::text, deadline::text, allowed_minutes, state, personal_data::text, replace(raw::text, 'together', 'alone') as raw,
        caught_up_at, late_reason, private_conversation, created_at::text, updated_at::text, encode(d.body, 'hex') as body, d.source as d_source, d.received_at::text as d_at
        from inquiries i join deliveries d on d.id = i.delivery_id where i.id = $1`, id);
      const events = await rows('select type, actor, at::text, data::text from events where inquiry_id = $1', id);
      const reminders = await rows('select org_id, kind, role, due_at::text, next_attempt_at::text from reminders where inquiry_id = $1 order by kind, role', id);
      return { i, events, reminders };
    };
    for (let k = 0; k < 8; k++) {
      const a = await stored(alone[k]!);
      expect(a.i!.body).toBe(body(k).toString('hex'));
      expect(a.reminders.length).toBeGreaterThan(0);
      expect(await stored(together[k]!)).toEqual(a);
    }
    const [lone] = await rows('select text, author_name from inquiries where id = $1', alone[2]!);
    expect(lone!.text).toBe('ensam \ufffd och \ufffd nul');
    const [first] = await rows("select raw->'nothing' as nothing, raw->'nested'->'list'->2 as third, author_name, url from inquiries where id = $1", together[0]!);
    expect(first).toEqual({ nothing: null, third: null, author_name: 'NULL', url: null });
    const [jsonNull] = await rows("select jsonb_typeof(raw->'nothing') as t from inquiries where id = $1", together[0]!);
    expect(jsonNull!.t).toBe('null');
  });

  it('a message the statement cannot store (its account is gone) fails alone; the others of its statement are stored', async () => {
    const broken: RouteLookup = async () => ({ orgId: 'hofors', accountId: 987_654, policy: h.app.policies.get('hofors')! });
    const settled = await Promise.allSettled([deliver(one('ok-1')), deliver(one('broken'), { route: broken }), deliver(one('ok-2')), deliver(one('ok-3'))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(await rows("select id from inquiries where external_id = 'broken'")).toHaveLength(0);
    expect(await rows("select id from inquiries where external_id in ('ok-1', 'ok-2', 'ok-3')")).toHaveLength(3);
  });

  it('a message that cannot start in time is answered as the database being away, and never stored', async () => {
    if (h.app.database.kind !== 'postgres') return expect(h.app.database.kind).toBe('pglite'); // one connection: nothing can hold a key meanwhile
    // another connection holds the key "held" in an open transaction: the statement storing it waits
    const blocker = await (h.app.database.db as any).$client.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`insert into inquiries (org_id, account_id, source, channel, account_external_id, external_id, received_at, state, raw, created_at, updated_at)
        values ('hofors', $1, 'meta', 'facebook', $2, 'held', now(), 'open', '{}', now(), now())`, [accountId, PAGE]);
      const waiting = new InsertBatcher(h.app.database.db, h.app.database.genericPlans, { maxInFlight: 1, maxBatch: 64, waitMs: 60_000 });
      const slow = new DrizzleInquiryStore(h.app.database.db, undefined, waiting);
      const via = (e: SourceEvent) => ingest({ store: slow, route, plan }, [e], NOW, { source: 'meta', body: Buffer.from('{}') });
      const held = via(one('held'));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        const late = [via(one('late-1')), via(one('late-2'))].map((p) => p.then(() => 'stored', (e: unknown) => e));
        while (waiting.waitingCount < 2) await new Promise((r) => setImmediate(r));
        vi.advanceTimersByTime(60_000);
        for (const outcome of await Promise.all(late)) expect(isDatabaseUnavailable(outcome)).toBe(true);
      } finally {
        vi.useRealTimers();
      }
      await blocker.query('rollback');
      expect((await held).received).toHaveLength(1);
      expect(await rows("select external_id from inquiries where external_id in ('held', 'late-1', 'late-2')")).toEqual([{ external_id: 'held' }]);
    } finally {
      blocker.release();
    }
  });

  it('a cached binding that no longer holds refuses only its own message, and stores nothing of it', async () => {
    // hofors-blogg does not serve the Facebook page: as if the cache said it did
    const settled = await Promise.allSettled([deliver(one('bound-1')), deliver(one('stale'), { boundTo: 'hofors-blogg' }), deliver(one('bound-2'))]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(StaleBindingError);
    expect(await rows("select id from inquiries where external_id = 'stale'")).toHaveLength(0);
    expect(await rows("select count(*)::int as n from deliveries d where position(convert_to('stale', 'UTF8') in d.body) > 0")).toEqual([{ n: 0 }]);
  });
});
