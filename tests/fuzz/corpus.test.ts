/**
 * The fuzz corpus: every row of every table against every entry point, on PGlite and on PostgreSQL
 * (TARGETS). Per row: the expected status and never a 5xx; a 4xx is JSON with an `error` code and a
 * `message`; exactly the inquiries the row stores are stored, each with its one event, and nothing
 * else (a refused request writes nothing); and afterwards both apps still answer /healthz.
 * To add a class, add a row to a table (rows-*.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import type { Case } from './case.js';
import { startFuzzApp, type FuzzApp } from './fuzz-app.js';
import { NOW } from './payloads.js';
import { sendRaw } from './raw-client.js';
import { ACTIONS, DEADLINES, HEALTH_AND_UNKNOWN, PATHS, QUERIES } from './rows-api.js';
import { SLACK } from './rows-chat.js';
import { DATES } from './rows-dates.js';
import { FRAMING, HEADERS, REQUEST_LINE, SIZES_AND_SLOWNESS } from './rows-http.js';
import { WEBHOOKS } from './rows-webhooks.js';
import { STORAGE } from './rows-storage.js';

export const TABLES: Readonly<Record<string, readonly Case[]>> = {
  'request lines and targets': REQUEST_LINE,
  'framing (request smuggling shapes)': FRAMING,
  headers: HEADERS,
  'sizes and slow clients': SIZES_AND_SLOWNESS,
  'paths (item 2)': PATHS,
  'query values (item 2)': QUERIES,
  'the deadline API (item 5)': DEADLINES,
  'inquiry actions (answer, hide, remove, police report, personal data)': ACTIONS,
  'health and unknown paths': HEALTH_AND_UNKNOWN,
  'webhook and Teams bodies, signatures, handshakes (items 6, 10)': WEBHOOKS,
  'message times (item 5)': DATES,
  'Slack events': SLACK,
  'bytes PostgreSQL refuses, partial batches, concurrent answers (items 3, 4, 7)': STORAGE,
};

const healthy = async (port: number): Promise<number> => (await sendRaw(port, ['GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'])).status;

describe.each(TARGETS)('the fuzz corpus on $name', ({ name, target }) => {
  let f: FuzzApp;
  const tally = { cases: 0, fiveHundreds: 0 };
  beforeAll(async () => {
    f = await startFuzzApp(target, NOW);
  });
  afterAll(async () => {
    await f?.close();
    console.info(`fuzz corpus on ${name}: ${tally.cases} cases, ${tally.fiveHundreds} answered 5xx`);
  });

  for (const [table, rows] of Object.entries(TABLES)) {
    describe(table, () => {
      it.each(rows.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const before = await f.stored();
        const answer = await c.send(f);
        tally.cases++;
        if (answer.status >= 500) tally.fiveHundreds++;
        const shown = `${answer.status} ${answer.text.slice(0, 300)}`;
        expect(answer.status, shown).toBeLessThan(500);
        expect(answer.status, shown).toBe(c.status);
        if (answer.status >= 400) {
          expect(answer.headers['content-type'], shown).toMatch(/^application\/json/);
          expect(answer.json, shown).toMatchObject({ error: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S/) });
          if (c.error) expect(answer.json.error, shown).toBe(c.error);
        }
        if (c.message) expect(answer.json?.message, shown).toMatch(c.message);
        c.check?.(answer);
        const after = await f.stored();
        expect(after.inquiries - before.inquiries, 'inquiries stored').toBe(c.stores ?? 0);
        expect(after.events - before.events, 'events written (one "received" per stored inquiry unless the row says)').toBe(c.events ?? c.stores ?? 0);
        expect(await healthy(f.port)).toBe(200);
        expect(await healthy(f.authPort)).toBe(200);
      });
    });
  }
});
