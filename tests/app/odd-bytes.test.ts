/**
 * Bytes PostgreSQL refuses (issue 11, item 3): a NUL or a lone surrogate anywhere in a message, on
 * every source, is stored (U+FFFD in its place, the event saying so), never a 500; a redelivery is a
 * duplicate; the delivery's exact bytes are kept. Runs on PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInquiries, type ExportedInquiry } from '../../src/db/export-store.js';
import { query } from '../../src/db/sql-rows.js';
import { at } from '../support/calendar-builder.js';
import { fixture, genericHeaders, metaHeaders, startHarness, TARGETS, xHeaders, type Harness } from '../support/app-harness.js';

type Field = 'text' | 'author' | 'external_id';
interface Built {
  readonly path: string;
  readonly body: string;
  headers(h: Harness): Record<string, string>;
}

/** Each source's payload with `value` put into one field (the others ordinary). */
const SOURCES: Record<string, (field: Field, value: string, id: string) => Built> = {
  generic: (field, value, id) => {
    const m = { account: 'hofors-bloggen', external_id: id, author: 'Karin', text: 'Hej!', received_at: '2026-11-25T09:14:00+01:00' };
    const body = JSON.stringify({ ...m, [field]: value });
    return { path: '/webhooks/generic', body, headers: (h) => genericHeaders(body, h.time) };
  },
  meta: (field, value, id) => {
    const d = JSON.parse(fixture('meta/feed-comment.json').toString('utf8'));
    const v = d.entry[0].changes[0].value;
    v.comment_id = field === 'external_id' ? value : id;
    if (field === 'text') v.message = value;
    if (field === 'author') v.from.name = value;
    const body = JSON.stringify(d);
    return { path: '/webhooks/meta', body, headers: () => metaHeaders(body) };
  },
  x: (field, value, id) => {
    const d = JSON.parse(fixture('x/mention.json').toString('utf8'));
    const t = d.tweet_create_events[0];
    t.id_str = field === 'external_id' ? value : id;
    if (field === 'text') t.text = value;
    if (field === 'author') t.user.name = value;
    const body = JSON.stringify(d);
    return { path: '/webhooks/x', body, headers: () => xHeaders(body) };
  },
};

const CHARACTERS: Array<[string, string]> = [
  ['a NUL', '\u0000'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udc00'],
];
const STORED_FIELD: Record<Field, string> = { text: 'text', author: 'author_name', external_id: 'external_id' };

describe.each(TARGETS)('bytes PostgreSQL refuses, on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-11-25T10:00'));
  });
  afterAll(() => h.close());
  let n = 0;
  const send = (b: Built) => h.post(b.path, b.body, b.headers(h));
  const deliveryBody = async (inquiryId: number): Promise<Buffer | null> => {
    const rows = await query(h.app.database.db, sql`select d.body from deliveries d join inquiries i on i.delivery_id = d.id where i.id = ${inquiryId}`);
    const body = rows[0]?.body as Uint8Array | null | undefined;
    return body ? Buffer.from(body) : null;
  };

  for (const [source, build] of Object.entries(SOURCES))
    for (const field of ['text', 'author', 'external_id'] as const)
      for (const [what, ch] of CHARACTERS)
        it(`${source}: ${what} in the ${field} is stored as U+FFFD, said in the event, and its redelivery is a duplicate`, async () => {
          const id = `${source}-odd-${++n}`;
          const value = `${id} före${ch}efter`;
          const b = build(field, value, id);
          const first = await send(b);
          expect(first).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
          const inquiryId = first.body.inquiries[0];
          const got = (await h.api(`/api/inquiries/${inquiryId}`)).body;
          const stored = field === 'author' ? got.author.name : got[field];
          if (field === 'external_id') expect(stored).toMatch(new RegExp(`^${id} före\ufffdefter~sha256:[0-9a-f]{64}$`));
          else expect(stored).toBe(`${id} före\ufffdefter`);
          expect(got.events[0].data.replaced).toEqual(expect.arrayContaining([STORED_FIELD[field], 'raw']));
          expect(JSON.stringify(got.raw)).toContain('före\ufffdefter');
          expect((await deliveryBody(inquiryId))?.equals(Buffer.from(b.body, 'utf8'))).toBe(true);
          expect(await send(b)).toMatchObject({ status: 200, body: { received: 0, duplicates: 1, inquiries: [inquiryId] } });
        });

  it('two ids that differ only in what PostgreSQL refuses are two messages', async () => {
    const a = SOURCES.generic!('external_id', 'twin-\u0000', '');
    const b = SOURCES.generic!('external_id', 'twin-\ud800', '');
    const ra = await send(a);
    const rb = await send(b);
    expect([ra.body.received, rb.body.received]).toEqual([1, 1]);
    expect(ra.body.inquiries[0]).not.toBe(rb.body.inquiries[0]);
  });

  it('an answer notice finds the message by its odd id', async () => {
    const m = SOURCES.generic!('external_id', 'answered-\u0000-id', '');
    const id = (await send(m)).body.inquiries[0];
    const notice = JSON.stringify({ account: 'hofors-bloggen', answers: 'answered-\u0000-id', answered_at: '2026-11-25T09:50:00+01:00' });
    expect(await h.post('/webhooks/generic', notice, genericHeaders(notice, h.time))).toMatchObject({ status: 200, body: { answered: 1 } });
    expect((await h.api(`/api/inquiries/${id}`)).body.state).toBe('answered');
  });

  it('a body that is not valid UTF-8 is stored decoded (U+FFFD), the bytes kept exactly, the event saying so', async () => {
    const text = JSON.stringify({ account: 'hofors-bloggen', external_id: 'latin1-1', author: 'Åsa', text: 'Hej @@', received_at: '2026-11-25T09:14:00+01:00' });
    const [before, after] = text.split('@@') as [string, string];
    const body = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xe5, 0xe4, 0xf6]), Buffer.from(after, 'utf8')]); // "åäö" in Latin-1
    const r = await h.post('/webhooks/generic', body, genericHeaders(body, h.time));
    expect(r).toMatchObject({ status: 200, body: { received: 1 } });
    const got = (await h.api(`/api/inquiries/${r.body.inquiries[0]}`)).body;
    expect(got.text).toBe('Hej \ufffd\ufffd\ufffd');
    expect(got.events[0].data.replaced).toEqual(['utf8']);
    expect((await deliveryBody(r.body.inquiries[0]))?.equals(body)).toBe(true);
  });

  it('the export carries each inquiry\'s delivery, its bytes in base64', async () => {
    const m = SOURCES.generic!('text', 'export \u0000 me', 'exported-1');
    const id = (await send(m)).body.inquiries[0];
    let found: ExportedInquiry | undefined;
    for await (const i of exportInquiries(h.app.database.db, { from: at('2026-11-01T00:00'), to: at('2026-12-01T00:00') })) if (i.id === id) found = i;
    expect(found!.text).toBe('export \ufffd me');
    expect(Buffer.from(found!.delivery!.body_base64!, 'base64').toString('utf8')).toBe(m.body);
    expect(found!.delivery).toMatchObject({ source: 'generic:hofors-blogg', received_at: expect.any(String) });
  });

  it('the export writes a batch\'s bytes once, with its first inquiry; the others name that one', async () => {
    const messages = [1, 2, 3].map((n) => ({ account: 'hofors-bloggen', external_id: `batch-once-${n}`, author: 'Åsa', text: `fråga ${n}`, received_at: '2026-11-25T09:14:00+01:00' }));
    const body = JSON.stringify({ messages });
    const r = await h.post('/webhooks/generic', body, genericHeaders(body, h.time));
    expect(r).toMatchObject({ status: 200, body: { received: 3 } });
    const ids: number[] = r.body.inquiries;
    const found: ExportedInquiry[] = [];
    for await (const i of exportInquiries(h.app.database.db, { from: at('2026-11-01T00:00'), to: at('2026-12-01T00:00') }, 2)) if (ids.includes(i.id)) found.push(i);
    expect(found.map((i) => i.id)).toEqual(ids);
    const [first, ...rest] = found;
    expect(Buffer.from(first!.delivery!.body_base64!, 'base64').toString('utf8')).toBe(body);
    expect(first!.delivery!.body_in).toBeNull();
    for (const i of rest) expect(i.delivery).toMatchObject({ id: first!.delivery!.id, body_base64: null, body_in: first!.id });
  });
});
