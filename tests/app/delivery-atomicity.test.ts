/**
 * A delivery is stored whole or not at all, and the answer says what happened (issue 11, item 4).
 * A failure while storing is made real with a trigger that refuses one message's row, the way a
 * dying connection or a full disk would refuse it midway. Runs on PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '../../src/db/sql-rows.js';
import { at } from '../support/calendar-builder.js';
import { genericHeaders, startHarness, TARGETS, type Harness } from '../support/app-harness.js';

const batch = (prefix: string, n = 100) =>
  JSON.stringify({ messages: Array.from({ length: n }, (_, k) => ({ account: 'hofors-bloggen', external_id: `${prefix}-${k + 1}`, author: 'Karin', text: `Fråga ${k + 1}`, received_at: '2026-11-25T09:14:00+01:00' })) });

describe.each(TARGETS)('a generic delivery of 100 messages on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-11-25T10:00'));
  });
  afterAll(() => h.close());
  const stored = async (prefix: string) => Number((await query(h.app.database.db, sql`select count(*) as n from inquiries where external_id like ${`${prefix}-%`}`))[0]!.n);
  const post = (body: string) => h.post('/webhooks/generic', body, genericHeaders(body, h.time));

  describe('when message 50 cannot be stored', () => {
    it('stores none of them, and the 500 says so truthfully', async () => {
      await h.app.database.db.execute(sql.raw(`
        create function refuse_fifty() returns trigger language plpgsql as $$
        begin if new.external_id = 'atomic-50' then raise exception 'refused for the test'; end if; return new; end $$`));
      await h.app.database.db.execute(sql.raw('create trigger refuse_fifty before insert on inquiries for each row execute function refuse_fifty()'));
      try {
        const body = batch('atomic');
        // the answer is true: not carried out, nothing stored
        expect(await post(body)).toMatchObject({ status: 500, body: { error: 'internal_error' } });
        expect(await stored('atomic')).toBe(0);
        expect(Number((await query(h.app.database.db, sql`select count(*) as n from events e join inquiries i on i.id = e.inquiry_id where i.external_id like 'atomic-%'`))[0]!.n)).toBe(0);
      } finally {
        await h.app.database.db.execute(sql.raw('drop trigger refuse_fifty on inquiries'));
        await h.app.database.db.execute(sql.raw('drop function refuse_fifty()'));
      }
    });

    it('and when it is redelivered after the fault is gone, stores all 100 once', async () => {
      const body = batch('atomic');
      const r = await post(body);
      expect(r).toMatchObject({ status: 200, body: { received: 100, duplicates: 0 } });
      expect(r.body.inquiries).toHaveLength(100);
      expect(await stored('atomic')).toBe(100);
      expect(await post(body)).toMatchObject({ status: 200, body: { received: 0, duplicates: 100 } });
      expect(await stored('atomic')).toBe(100);
    });
  });

  describe('when half of it was delivered before', () => {
    it('stores the new half and counts the rest as duplicates', async () => {
      expect(await post(batch('half', 50))).toMatchObject({ status: 200, body: { received: 50, duplicates: 0 } });
      const r = await post(batch('half', 100));
      expect(r).toMatchObject({ status: 200, body: { received: 50, duplicates: 50 } });
      expect(await stored('half')).toBe(100);
    });
  });

  describe('when two deliveries of the same messages, in opposite orders, arrive at once (a deadlock on PostgreSQL)', () => {
    it('stores each message once, and both answers add up', async () => {
      const items = JSON.parse(batch('crossed', 60)).messages as unknown[];
      const [a, b] = await Promise.all([post(JSON.stringify({ messages: items })), post(JSON.stringify({ messages: [...items].reverse() }))]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.received + b.body.received).toBe(60);
      expect(a.body.received + a.body.duplicates).toBe(60);
      expect(b.body.received + b.body.duplicates).toBe(60);
      expect(await stored('crossed')).toBe(60);
    });
  });

  describe('when the same delivery reaches the server 5 times at once', () => {
    it('stores it once: one answer has received 100, the others duplicates 100', async () => {
      const body = batch('concurrent');
      const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.map((a) => a.body.received).sort()).toEqual([0, 0, 0, 0, 100]);
      expect(answers.every((a) => a.body.received + a.body.duplicates === 100)).toBe(true);
      expect(await stored('concurrent')).toBe(100);
    });
  });
});
