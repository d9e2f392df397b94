/** The page's own replies against stored inquiries, on both databases: kept text, one conversation only, and the migration's backfill of private conversations. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { query } from '../../src/db/sql-rows.js';
import { answerFromSource } from '../../src/inquiries/answer-from-source.js';
import type { OwnReply } from '../../src/inquiries/inbound.js';
import type { NewInquiry } from '../../src/inquiries/ports.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';

const now = at('2026-11-23T12:00');
const X = '289337474';
const KARIN = '1402957371048787970';
function newInquiry(o: Partial<NewInquiry>): NewInquiry {
  return {
    orgId: null, accountId: null, source: 'x', channel: 'x', accountExternalId: X, externalId: 'p-1', authorId: KARIN, authorName: 'Karin Holm', authorHandle: 'karinholm',
    text: 'Hej?', url: null, inReplyTo: null, receivedAt: at('2026-11-23T10:00'), deadline: null, allowedMinutes: null, state: 'open', personalData: [], raw: {}, ...o,
  };
}
const received = { type: 'received', actor: 'source:x', at: now, data: {} };
const reply = (o: Partial<OwnReply>): OwnReply => ({ source: 'x', channel: 'x', accountExternalId: X, externalId: 'r-1', inReplyTo: 'p-1', answeredAt: at('2026-11-23T11:00'), text: 'Hej Karin! /Maria', raw: {}, ...o });

describe.each(DATABASES)('own replies on $name', (target) => {
  let database: Database;
  let store: DrizzleInquiryStore;
  beforeAll(async () => {
    database = await target.open();
    store = new DrizzleInquiryStore(database.db);
  });
  afterAll(() => database.close());

  it('answers a DM conversation only: the citizen’s public post stays open', async () => {
    const post = (await store.insertIfAbsent(newInquiry({ externalId: 'post-1', url: 'https://x.com/karinholm/status/post-1' }), received, now)).inquiry;
    const dm = (await store.insertIfAbsent(newInquiry({ externalId: 'dm-1', privateConversation: KARIN }), received, now)).inquiry;
    const answered = await answerFromSource({ store }, reply({ externalId: 'dm-sent-1', inReplyTo: KARIN, conversationWith: true }), now);
    expect(answered.map((i) => i.id)).toEqual([dm.id]);
    expect((await store.get(post.id))!.state).toBe('open');
    expect((await store.events(dm.id)).at(-1)).toMatchObject({ type: 'answered', data: { replyId: 'dm-sent-1', replyText: 'Hej Karin! /Maria' } });
  });

  it('records the page’s reply beside an answer an officer gave first, once per reply', async () => {
    const i = (await store.insertIfAbsent(newInquiry({ externalId: 'post-2', state: 'answered' }), received, now)).inquiry;
    expect(await answerFromSource({ store }, reply({ externalId: 'r-2', inReplyTo: 'post-2' }), now)).toEqual([]);
    await answerFromSource({ store }, reply({ externalId: 'r-2', inReplyTo: 'post-2' }), now);
    const seen = (await store.events(i.id)).filter((e) => e.type === 'reply_seen');
    expect(seen).toMatchObject([{ actor: 'source:x', data: { replyId: 'r-2', replyText: 'Hej Karin! /Maria' } }]);
  });

  it('backfills the conversations of messages stored before (migration 0012): Messenger, and X DMs (no url), not X posts', async () => {
    const m = (await store.insertIfAbsent(newInquiry({ source: 'meta', channel: 'messenger', externalId: 'mid-1', authorId: 'psid-1' }), received, now)).inquiry;
    const dm = (await store.insertIfAbsent(newInquiry({ externalId: 'dm-old' }), received, now)).inquiry;
    const post = (await store.insertIfAbsent(newInquiry({ externalId: 'post-old', url: 'https://x.com/i/status/post-old' }), received, now)).inquiry;
    const backfill = readFileSync('migrations/0012_private_conversation.sql', 'utf8').split('--> statement-breakpoint').at(-1)!;
    await database.db.execute(sql.raw(backfill));
    const rows = await query(database.db, sql`select id, private_conversation from inquiries where id in (${m.id}, ${dm.id}, ${post.id}) order by id`);
    expect(rows.map((r) => r.private_conversation)).toEqual(['psid-1', KARIN, null]);
  });
});
