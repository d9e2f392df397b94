/**
 * Retention (gallring) against a database, on the fixture fortnight (tests/fixtures/reports/hofors-week.ts)
 * with Hofors' `retention: { text_after: "90 days" }`. Run on Mon 10 August 2026 12:00: the cutoff is
 * 90 days earlier, Tue 12 May 12:00, so the unregistered inquiries finished before it are erased:
 * P1 (answered 4 May), P3 (closed 6 May), P2 (answered 7 May), F5 (closed 11 May 08:45, with a note),
 * X7 (closed 11 May 09:30), X1 (answered 11 May 14:00), F1 (answered 12 May 09:00).
 * Kept whole: F6 (answered 12 May 16:00, after the cutoff), X5 (12 May 19:00), later answers, F4
 * (registered), the open X6 and F3, and the unrouted U1 (no organization, no policy).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { ReminderQueue } from '../../src/db/reminder-queue.js';
import { periodReport } from '../../src/db/report-store.js';
import { eraseFinished, runRetention } from '../../src/db/retention-store.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { DrizzleAnswerStore } from '../../src/db/answer-store.js';
import { query } from '../../src/db/sql-rows.js';
import { PolicyRegistry } from '../../src/policy/registry.js';
import { isoWeek } from '../../src/reports/period.js';
import { retentionCutoff } from '../../src/reports/retention.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';
import { HOFORS, seedHoforsFortnight, type HoforsFortnight } from '../fixtures/reports/hofors-week.js';

const RUN = at('2026-08-10T12:00');
const ERASED = ['F1', 'F5', 'P1', 'P2', 'P3', 'X1', 'X7'];

it('the cutoff is 90 calendar days before the run, in Stockholm', () => {
  expect(retentionCutoff(HOFORS, RUN)).toBe(at('2026-05-12T12:00'));
});

describe.each(DATABASES)('retention on $name', (target) => {
  let database: Database;
  let f: HoforsFortnight;
  const name = (id: number) => Object.entries(f.ids).find(([, v]) => v === id)![0];
  beforeAll(async () => {
    database = await target.open();
    f = await seedHoforsFortnight(database);
  }, 60_000);
  afterAll(() => database.close());

  it('erases exactly the finished, unregistered inquiries older than 90 days, once per day across instances', async () => {
    const policies = new PolicyRegistry();
    policies.set('hofors', readFileSync('policies/hofors.yaml', 'utf8'));
    const deps = (worker: string) => ({ db: database.db, policies, queue: new ReminderQueue(database.db), worker, logger: pino({ level: 'silent' }) });
    const before = await periodReport(database.db, 'hofors', HOFORS, isoWeek('2026-W20', HOFORS.timezone), RUN);

    const counts = await Promise.all([runRetention(deps('a'), RUN), runRetention(deps('b'), RUN)]);
    expect(counts.sort()).toEqual([0, 7]);
    expect(await runRetention(deps('c'), at('2026-08-10T23:59'))).toBe(0); // the same day: already run

    const rows = await query(database.db, sql`select id, text, author_id, author_name, author_handle, url, raw, erased_at, registered from inquiries order by id`);
    const erased = rows.filter((r) => r.erased_at !== null);
    expect(erased.map((r) => name(Number(r.id))).sort()).toEqual(ERASED);
    for (const r of erased) expect([r.text, r.author_id, r.author_name, r.author_handle, r.url, r.raw]).toEqual([null, null, null, null, null, { erased: true }]);
    for (const r of rows.filter((r) => r.erased_at === null)) {
      expect(r.text).toMatch(/^Fråga /);
      expect(r.raw).toMatchObject({ id: expect.stringMatching(/^ext-/) });
    }
    expect(rows.find((r) => Number(r.id) === f.ids.F4)).toMatchObject({ registered: true, erased_at: null, text: 'Fråga F4: när töms soporna?' });

    // the statistics are the same after the erasure
    expect(await periodReport(database.db, 'hofors', HOFORS, isoWeek('2026-W20', HOFORS.timezone), RUN)).toEqual(before);
  });

  it('logs each erasure as an event naming the fields, not their values, and erases the free text in the trail', async () => {
    const trail = (await f.store.events(f.ids.F5!)).map((e) => [e.type, e.actor, e.data]);
    expect(trail).toEqual([
      ['received', 'source:meta', expect.anything()],
      ['closed', `person:${f.person['erik.lind']}`, { reason: 'personangrepp', note: null, removed: true }],
      ['erased', 'system', { fields: ['text', 'author_id', 'author_name', 'url', 'raw', 'events.closed.note'], rule: 'retention.text_after: 90 days' }],
    ]);
    const p1 = await f.store.events(f.ids.P1!);
    expect(p1.map((e) => e.type)).toEqual(['received', 'claimed', 'answered', 'erased']);
    expect(p1.at(-1)).toMatchObject({ at: RUN, data: { fields: ['text', 'author_id', 'author_name', 'url', 'raw'] } });
    // nothing that was not erased got an erased event
    const others = await query(database.db, sql`select count(*)::int as n from events where type = 'erased' and inquiry_id not in (select id from inquiries where erased_at is not null)`);
    expect(Number(others[0]!.n)).toBe(0);
  });
});

describe.each(DATABASES)('retention of a delivery\'s bytes on $name', (target) => {
  it('erases the exact bytes of the delivery with its inquiry, and says so in the erased event', async () => {
    const database = await target.open();
    try {
      const store = new DrizzleInquiryStore(database.db);
      await new DirectoryStore(database.db).applyOrganization('hofors', readFileSync('policies/hofors.yaml', 'utf8'), HOFORS, RUN);
      const body = Buffer.from('{"text":"Ring mig på 070-123 45 67"}');
      const message = (externalId: string) => ({
        orgId: 'hofors', accountId: null, source: 'generic', channel: 'blog', accountExternalId: 'hofors-bloggen', externalId, authorId: null, authorName: 'Karin',
        authorHandle: null, text: 'Ring mig på 070-123 45 67', url: null, inReplyTo: null, receivedAt: at('2026-04-01T10:00'), deadline: null, allowedMinutes: null,
        state: 'open' as const, personalData: ['phone'], raw: { text: 'Ring mig på 070-123 45 67' },
      });
      const received = { type: 'received', actor: 'source:generic', at: at('2026-04-01T10:00'), data: {} };
      const [a, b] = await store.atomically(async (s) => [(await s.insertIfAbsent(message('d-1'), received, at('2026-04-01T10:00'))).inquiry, (await s.insertIfAbsent(message('d-2'), received, at('2026-04-01T10:00'))).inquiry], { delivery: { source: 'generic', body } });
      await store.apply(a!.id, a!.version, { state: 'answered', answeredAt: at('2026-04-01T11:00') }, { type: 'answered', actor: 'system', at: at('2026-04-01T11:00'), data: {} }, at('2026-04-01T11:00'));
      const bodyOf = async () => (await query(database.db, sql`select d.body, d.erased_at from deliveries d join inquiries i on i.delivery_id = d.id where i.id = ${b!.id}`))[0]!;
      expect(Buffer.from((await bodyOf()).body as Uint8Array).equals(body)).toBe(true);

      expect(await eraseFinished(database.db, 'hofors', at('2026-05-12T12:00'), 'retention.text_after: 90 days', RUN)).toBe(1);
      // the body held a's text: it goes with a, also for b (still open, its own text kept in its row)
      expect(await bodyOf()).toEqual({ body: null, erased_at: expect.anything() });
      expect((await store.events(a!.id)).at(-1)!.data).toEqual({ fields: ['text', 'author_name', 'raw', 'delivery_body'], rule: 'retention.text_after: 90 days' });
      expect((await store.get(b!.id))!.text).toBe('Ring mig på 070-123 45 67');
    } finally {
      await database.close();
    }
  });
});

describe.each(DATABASES)('retention of the answers posted from chat on $name', (target) => {
  it('erases the answer’s text in the answers table and in the trail with the question; the platform’s id of the reply stays', async () => {
    const database = await target.open();
    try {
      const store = new DrizzleInquiryStore(database.db);
      const answers = new DrizzleAnswerStore(database.db);
      await new DirectoryStore(database.db).applyOrganization('hofors', readFileSync('policies/hofors.yaml', 'utf8'), HOFORS, RUN);
      const t = at('2026-04-01T10:00');
      const { inquiry } = await store.insertIfAbsent(
        { orgId: 'hofors', accountId: null, source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId: 'c-1', authorId: 'u-1', authorName: 'Karin',
          authorHandle: null, text: 'När öppnar badet?', url: null, inReplyTo: null, receivedAt: t, deadline: null, allowedMinutes: null, state: 'open' as const, personalData: [], raw: {} },
        { type: 'received', actor: 'source:meta', at: t, data: {} }, t,
      );
      const text = 'Hej Karin! Badet öppnar den 1 december. Erik, kommunikatör';
      const { record } = await answers.begin({ inquiryId: inquiry!.id, orgId: 'hofors', personId: null, actor: 'person:1', kind: 'answer', key: 'k-1', text }, t, t + 60_000);
      const posted = { replyId: '104_r1', url: null, at: t + 1000, via: 'comment' };
      await answers.posted(record.id, posted);
      await store.apply(inquiry!.id, inquiry!.version, { state: 'answered', answeredAt: t + 1000 }, { type: 'answered', actor: 'person:1', at: t + 1000, data: { posted: { answerId: record.id, kind: 'answer', text, replyId: '104_r1', url: null, via: 'comment' } } }, t + 1000);

      expect(await eraseFinished(database.db, 'hofors', at('2026-05-12T12:00'), 'retention.text_after: 90 days', RUN)).toBe(1);
      const [row] = await query(database.db, sql`select text, reply_id, state from answers where id = ${record.id}`);
      expect(row).toEqual({ text: '', reply_id: '104_r1', state: 'posted' });
      const trail = await store.events(inquiry!.id);
      expect(trail.find((e) => e.type === 'answered')!.data).toEqual({ posted: { answerId: record.id, kind: 'answer', text: null, replyId: '104_r1', url: null, via: 'comment' } });
      expect(trail.at(-1)!.data).toEqual({ fields: ['text', 'author_id', 'author_name', 'raw', 'answers.text', 'events.answered.posted.text'], rule: 'retention.text_after: 90 days' });
      expect(JSON.stringify(await query(database.db, sql`select * from events where inquiry_id = ${inquiry!.id}`))).not.toContain('Karin');
    } finally {
      await database.close();
    }
  });
});
