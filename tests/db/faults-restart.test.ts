/**
 * The fault test, part 2: the database goes away entirely and comes back (issue 11, item 8).
 *
 * (1) The scheduler against a server that refuses connections (real node-postgres errors from a
 *     closed port): it logs once, keeps its schedule without a tight loop, and logs once when the
 *     database is back. Runs everywhere.
 * (2) With PostgreSQL installed (TEST_DATABASE_URL set): a private cluster of the test's own (the
 *     shared server is never restarted) is stopped and started under load — a real `svarstid serve`
 *     taking signed deliveries from 16 clients that redeliver on 503 — while an in-process instance's
 *     scheduler ticks every second. The process survives, answers only 2xx or 503 with Retry-After,
 *     every acknowledged message is stored exactly once, and the tick resumes: every reminder of every
 *     stored message is sent in the end, none lost.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createPool } from '../../src/db/postgres.js';
import { startScheduler, type Schedulable } from '../../src/reminders/scheduler.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { sqlOnce } from '../support/databases.js';
import { genericDelivery, idMaker, runLoad, statusCounts, type Delivery } from '../support/delivery-load.js';
import { checkStored, expectOnly2xxOr503 } from '../support/fault-checks.js';
import { startPrivateCluster, type PrivateCluster } from '../support/private-cluster.js';
import { startServed, type ServedChild } from '../support/serve-child.js';

const SECRET = 'restart-secret';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A pino logger whose lines are kept, parsed. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines, messages: (re: RegExp) => lines.filter((l) => re.test(l.msg)) };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the scheduler while the database cannot be reached', () => {
  it('logs once, keeps to its schedule, and logs once again when the database is back', async () => {
    const pool = createPool('postgres://postgres@127.0.0.1:1/none');
    cleanups.push(() => pool.end());
    let reachable = false;
    let ticks = 0;
    const app: Schedulable = {
      tick: async () => {
        ticks++;
        if (!reachable) await pool.query('select 1'); // ECONNREFUSED, from the real driver
        return { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
      },
      digest: async () => 0,
      summary: async () => 0,
      retention: async () => 0,
    };
    const log = capturingLogger();
    const scheduler = startScheduler(app, log.logger, () => Date.now(), { cron: '* * * * * *' });
    try {
      await sleep(3500);
      const duringOutage = ticks;
      reachable = true;
      await sleep(2200);
      expect(duringOutage).toBeGreaterThanOrEqual(2);
      expect(duringOutage).toBeLessThanOrEqual(5); // once a second, no tight loop
      expect(log.messages(/database is unavailable/)).toHaveLength(1);
      expect(log.messages(/database is back/)).toHaveLength(1);
      expect(log.lines.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      scheduler.stop();
    }
  });
});

if (process.env.TEST_DATABASE_URL)
  describe('when the PostgreSQL server is stopped and started under load', () => {
    it('svarstid serve survives, answers 503 with Retry-After meanwhile, keeps every acknowledged message exactly once, and the tick resumes', async () => {
      const cluster: PrivateCluster = await startPrivateCluster();
      cleanups.push(() => cluster.destroy());
      await sqlOnce(cluster.url, 'create database svarstid');
      const url = cluster.urlOf('svarstid');
      const served: ServedChild = await startServed({ DATABASE_URL: url, SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_API_TOKEN: 'restart-token', SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-restart-')) });
      cleanups.push(() => served.stop());

      // a second instance, in this process, whose scheduler ticks every second on a clock a month ahead
      // (so every reminder of what arrives now is due for it, and none for the child's real-time tick),
      // in Hofors' working time (a reminder claimed outside it long after it fell due waits for the opening)
      let simulated = loadPolicyFile('policies/hofors.yaml').calendar.nextOpening(Date.now() + 30 * 24 * 3_600_000) + 2 * 3_600_000;
      const log = capturingLogger();
      const notifier = new MemoryNotifier(() => simulated);
      const instance = await createApp({ database: { url }, clock: { now: () => simulated }, logger: log.logger, apiToken: 'x', sourceRoutes: () => [], notifier, worker: 'restart-test' });
      cleanups.push(() => instance.close());
      const scheduler = startScheduler(instance, log.logger, () => simulated, { cron: '* * * * * *' });
      cleanups.push(async () => scheduler.stop());

      const id = idMaker('restart');
      const receivedAt = new Date().toISOString();
      // deliveries keep coming (three in four a single message, every fourth a batch of 5) until 1.5 s after the restart
      let k = 0;
      let enough = false;
      const next = (): Delivery | undefined => (enough ? undefined : genericDelivery(Array.from({ length: k++ % 4 === 3 ? 5 : 1 }, () => ({ externalId: id(), receivedAt }))));
      const load = runLoad(16, next, { base: served.base, secret: SECRET, retryDelayMs: 150, stopped: () => served.exit() !== null });
      await sleep(1000);
      const stoppedAt = Date.now();
      await cluster.stop();
      await sleep(2000);
      await cluster.start();
      const outageMs = Date.now() - stoppedAt;
      await sleep(1500);
      enough = true;
      const outcomes = await load;

      expect(served.exit(), served.lines.filter((l) => /Error/.test(l)).slice(0, 5).join('\n')).toBeNull();
      expect((await fetch(`${served.base}/healthz`)).status).toBe(200);
      const unavailable = expectOnly2xxOr503(outcomes);
      expect(unavailable).toBeGreaterThan(0);
      expect(outcomes.every((o) => o.acknowledged)).toBe(true);
      const stored = await checkStored(url, outcomes);
      expect(stored).toMatchObject({ lost: 0, duplicated: 0, found: stored.messages });

      // the tick resumes: claims taken just before the outage come back when their lease (5 min) ends
      simulated += 10 * 60_000;
      const pendingDue = async () => Number((await sqlOnce<{ n: string }>(url, `select count(*) as n from reminders where status = 'pending' and next_attempt_at <= $1`, [new Date(simulated)]))[0]!.n);
      for (let k = 0; (await pendingDue()) > 0; k++) {
        if (k > 60) throw new Error(`reminders still pending after 30 s: ${await pendingDue()}`);
        await sleep(500);
      }
      // every moment of a message is due at once for this instance: only the most advanced per recipient is sent, the rest superseded
      const [reminders] = await sqlOnce<{ total: string; sent: string; superseded: string }>(
        url,
        `select count(*) as total, count(*) filter (where status = 'sent') as sent, count(*) filter (where status = 'superseded') as superseded from reminders`,
      );
      const keys = new Set(notifier.sent.filter((s) => s.key.startsWith('reminder:')).map((s) => s.key.split(':')[1]!));
      const idsWith = async (where: string) => new Set((await sqlOnce<{ id: string }>(url, `select id from reminders where ${where}`)).map((r) => String(r.id)));
      const sentIds = await idsWith(`status = 'sent'`);
      // handed to the chat platform when the database went away, before even the delivery could be recorded: svarstid
      // cannot know it went out; claimed (attempts > 0) and later superseded by a more advanced moment
      const inFlight = await idsWith(`status = 'superseded' and attempts > 0`);
      console.info(
        `faults-restart: server down ${outageMs} ms; attempts ${JSON.stringify(statusCounts(outcomes))}; ${JSON.stringify(stored)}; ` +
          `reminders ${reminders!.total}, sent ${reminders!.sent} (${notifier.sent.length} sends, ${keys.size} distinct reminders); scheduler log: ${log.lines.filter((l) => l.level >= 40).map((l) => l.msg).join(' | ')}`,
      );
      expect(Number(reminders!.total)).toBeGreaterThan(0);
      expect(Number(reminders!.sent) + Number(reminders!.superseded)).toBe(Number(reminders!.total));
      expect(Number(reminders!.sent)).toBeGreaterThan(0);
      // every reminder recorded as sent was delivered, and every one delivered is recorded as sent, or was in flight at the outage
      expect([...sentIds].filter((i) => !keys.has(i))).toEqual([]);
      expect([...keys].filter((i) => !sentIds.has(i) && !inFlight.has(i))).toEqual([]);
      expect(log.messages(/database is unavailable/)).toHaveLength(1);
      expect(log.messages(/database is back/)).toHaveLength(1);
      expect(log.lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    });
  });
