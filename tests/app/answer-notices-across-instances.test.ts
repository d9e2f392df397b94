/**
 * An answer notice is idempotent, however many instances get it at once (issue 11, item 7): 20
 * identical "answers" notices sent together to 3 instances on one database are all answered 200, and
 * the inquiry is answered once, with one event. The instances share a fresh PostgreSQL database, or
 * one in-process PGlite.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.js';
import { at } from '../support/calendar-builder.js';
import { freshPostgresUrl } from '../support/databases.js';
import { genericHeaders, startHarness, type Harness } from '../support/app-harness.js';

const SHARED: Array<{ name: string; make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }> = [
  {
    name: 'one in-process PGlite',
    make: async () => {
      const database = await openDatabase({ memory: true });
      return { target: { open: { ...database, close: async () => {} } }, drop: () => database.close() };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'one PostgreSQL database', make: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url }, drop }; } }]
    : []),
];

for (const shared of SHARED)
  describe(`three instances on ${shared.name}`, () => {
    describe('when 20 identical answer notices arrive at once', () => {
      it('answers all 200 and marks the inquiry answered once, with one event', async () => {
        const { target, drop } = await shared.make();
        const instances: Harness[] = [];
        try {
          for (let k = 0; k < 3; k++) instances.push(await startHarness(async () => ({ target }), at('2026-11-25T10:00')));
          const post = (h: Harness, body: string) => h.post('/webhooks/generic', body, genericHeaders(body, h.time));
          const message = JSON.stringify({ account: 'hofors-bloggen', external_id: 'k-4711', author: 'Karin', text: 'När plogas Storgatan?', received_at: '2026-11-25T09:14:00+01:00' });
          const id = (await post(instances[0]!, message)).body.inquiries[0];
          const notice = JSON.stringify({ account: 'hofors-bloggen', answers: 'k-4711', answered_at: '2026-11-25T09:50:00+01:00' });
          const answers = await Promise.all(Array.from({ length: 20 }, (_, k) => post(instances[k % 3]!, notice)));
          expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
          expect(answers.reduce((sum, a) => sum + a.body.answered, 0)).toBe(1);
          const got = (await instances[1]!.api(`/api/inquiries/${id}`)).body;
          expect(got.state).toBe('answered');
          expect(got.events.map((e: { type: string }) => e.type)).toEqual(['received', 'answered']);
        } finally {
          for (const h of instances) await h.app.close();
          await drop();
        }
      });
    });
  });
