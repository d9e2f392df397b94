/**
 * The fault test, part 1: PostgreSQL connections terminated under load (issue 11, item 8).
 *
 * A real `svarstid serve` on a fresh PostgreSQL database takes signed generic deliveries (single
 * messages and batches of 5) from 16 clients that redeliver on 503, as Meta and X do, until every
 * backend of that database has been terminated (pg_terminate_backend) ten times. The process must survive,
 * answer only 2xx or 503 with Retry-After, and have every acknowledged message stored exactly once.
 * The same load on the embedded database (no faults) is the baseline, and keeps this file from being
 * empty without PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, sqlOnce } from '../support/databases.js';
import { genericDelivery, idMaker, runLoad, statusCounts, type Delivery } from '../support/delivery-load.js';
import { checkStored, expectOnly2xxOr503 } from '../support/fault-checks.js';
import { startServed } from '../support/serve-child.js';

const SECRET = 'fault-secret';
const env = (extra: Record<string, string>) => ({ SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_API_TOKEN: 'fault-token', SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-fault-')), ...extra });

/** `n` deliveries: three in four a single message, every fourth a batch of 5 (200 deliveries: 400 messages). */
function deliveries(prefix: string, n: number): Delivery[] {
  const id = idMaker(prefix);
  return Array.from({ length: n }, (_, k) => genericDelivery(Array.from({ length: k % 4 === 3 ? 5 : 1 }, () => ({ externalId: id() }))));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('svarstid serve under load', () => {
  it('on the embedded database, stores every acknowledged delivery exactly once (the baseline, no faults)', async () => {
    const served = await startServed(env({}));
    try {
      const list = deliveries('baseline', 80);
      let i = 0;
      const outcomes = await runLoad(16, () => list[i++], { base: served.base, secret: SECRET, stopped: () => served.exit() !== null });
      expect(expectOnly2xxOr503(outcomes)).toBe(0);
      expect(outcomes.every((o) => o.acknowledged)).toBe(true);
      const api = await (await fetch(`${served.base}/api/inquiries?limit=1000`, { headers: { authorization: 'Bearer fault-token' } })).json();
      const stored = api.inquiries.map((x: { external_id: string }) => x.external_id).sort();
      expect(stored).toEqual(list.flatMap((d) => d.externalIds).sort());
    } finally {
      await served.stop();
    }
  });

  if (process.env.TEST_DATABASE_URL)
    describe('when PostgreSQL terminates its connections ten times', () => {
      it('survives, answers 503 with Retry-After meanwhile, and every acknowledged message is stored exactly once', async () => {
        const db = await freshPostgresUrl();
        const served = await startServed(env({ DATABASE_URL: db.url }));
        let terminated = 0;
        try {
          // deliveries keep coming until the ten rounds are over (at least 200): a fixed list could be
          // all stored before the first round, and then nothing would have been tested
          const list: Delivery[] = [];
          const id = idMaker('terminate');
          let rounds = 0;
          const next = (): Delivery | undefined => {
            if (rounds === 10 && list.length >= 200) return undefined;
            list.push(genericDelivery(Array.from({ length: list.length % 4 === 3 ? 5 : 1 }, () => ({ externalId: id() }))));
            return list[list.length - 1];
          };
          const load = runLoad(16, next, { base: served.base, secret: SECRET, retryDelayMs: 100, stopped: () => served.exit() !== null });
          await sleep(300);
          for (let k = 0; k < 10; k++, rounds++) {
            const [row] = await sqlOnce<{ n: string }>(process.env.TEST_DATABASE_URL!, 'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db.name]);
            terminated += Number(row!.n);
            await sleep(250);
          }
          const outcomes = await load;
          const stored = await checkStored(db.url, outcomes);
          console.info(`faults-terminate: ${terminated} connections terminated in 10 rounds; attempts ${JSON.stringify(statusCounts(outcomes))}; ${JSON.stringify(stored)}`);
          expect(served.exit(), served.lines.filter((l) => /Error/.test(l)).slice(0, 5).join('\n')).toBeNull();
          expect((await fetch(`${served.base}/healthz`)).status).toBe(200);
          const unavailable = expectOnly2xxOr503(outcomes);
          expect(terminated).toBeGreaterThan(0);
          expect(unavailable).toBeGreaterThan(0);
          expect(outcomes.every((o) => o.acknowledged)).toBe(true);
          expect(stored).toMatchObject({ lost: 0, duplicated: 0, found: stored.messages });
          expect(stored.messages).toBe(list.flatMap((d) => d.externalIds).length);
        } finally {
          await served.stop();
          await db.drop();
        }
      });
    });
});
