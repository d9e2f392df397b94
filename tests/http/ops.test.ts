/**
 * Operations endpoints and graceful shutdown (issue 15): /readyz checks the database, /metrics is
 * Prometheus text behind SVARSTID_METRICS_TOKEN and counts deliveries by source and outcome, and a
 * `svarstid serve` given SIGTERM under load stops cleanly with every acknowledged delivery stored.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genericRoutes } from '../../adapters/sources/generic/routes.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import { openDatabase } from '../../src/db/connection.js';
import { freshPostgresUrl } from '../support/databases.js';
import { deliver, genericDelivery, idMaker, runLoad } from '../support/delivery-load.js';
import { checkStored } from '../support/fault-checks.js';
import { startServed } from '../support/serve-child.js';

const SECRET = 'ops-secret';
const newId = idMaker('ops');

async function listening(o: { metricsToken?: string } = {}): Promise<{ app: App; base: string }> {
  const app = await createApp({
    database: { memory: true },
    clock: { now: () => Date.now() },
    logger: pino({ level: 'silent' }),
    notifier: { send: async () => {} },
    sourceRoutes: (port) => genericRoutes({ secretFor: (s) => (s === 'hofors-blogg' ? SECRET : undefined) }, port),
    ...o,
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => Date.now() };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'directory/hofors.yaml');
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const address = app.server.address();
  return { app, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** The value of one sample line of the Prometheus text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /readyz and GET /metrics', () => {
  let served: { app: App; base: string };
  beforeAll(async () => {
    served = await listening({ metricsToken: 'metrics-token' });
  });
  afterAll(async () => {
    await served.app.close();
  });
  const scrape = async () => {
    const res = await fetch(`${served.base}/metrics`, { headers: { authorization: 'Bearer metrics-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  it('/readyz answers 200 while the database answers', async () => {
    const res = await fetch(`${served.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: 'pglite' });
  });

  it('/metrics refuses a missing or wrong token with 401', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'metrics-token', 'Bearer metrics-token2']) {
      const res = await fetch(`${served.base}/metrics`, authorization ? { headers: { authorization } } : {});
      expect(res.status, String(authorization)).toBe(401);
      expect((await res.json()).error).toBe('unauthorized');
    }
  });

  it('counts deliveries by source and outcome, new inquiries, and reads the reminder queue', async () => {
    const accepted = 'svarstid_deliveries_total{source="generic",outcome="accepted"}';
    const duplicate = 'svarstid_deliveries_total{source="generic",outcome="duplicate"}';
    const unauthorized = 'svarstid_deliveries_total{source="generic",outcome="unauthorized"}';
    const received = 'svarstid_inquiries_received_total{channel="blog"}';
    const before = await scrape();
    const d = genericDelivery([{ externalId: newId() }]);
    expect((await deliver(d, { base: served.base, secret: SECRET, maxAttempts: 1 })).acknowledged).toBe(true);
    expect((await deliver(d, { base: served.base, secret: SECRET, maxAttempts: 1 })).acknowledged).toBe(true);
    expect((await deliver(genericDelivery([{ externalId: newId() }]), { base: served.base, secret: 'not-the-secret', maxAttempts: 1 })).attempts[0]!.status).toBe(401);
    const after = await scrape();
    expect(sample(after, accepted) - sample(before, accepted)).toBe(1);
    expect(sample(after, duplicate) - sample(before, duplicate)).toBe(1);
    expect(sample(after, unauthorized) - sample(before, unauthorized)).toBe(1);
    expect(sample(after, received) - sample(before, received)).toBe(1);
    // the queue's gauges are read from the database when scraped
    const q = (await served.app.database.db.execute(sql`select count(*)::int as pending, count(*) filter (where next_attempt_at <= now())::int as due from reminders where status = 'pending'`)) as unknown as { rows: Array<{ pending: number; due: number }> };
    expect(sample(after, 'svarstid_reminder_queue_pending')).toBe(q.rows[0]!.pending);
    expect(sample(after, 'svarstid_reminder_queue_due')).toBe(q.rows[0]!.due);
    expect(after).toMatch(/^svarstid_reminder_lag_seconds [\d.e+-]+$/m);
    expect(after).toContain('# TYPE svarstid_tick_duration_seconds histogram');
    expect(after).toContain('# TYPE svarstid_reconciliation_total counter');
    expect(after).toMatch(/^svarstid_process_resident_memory_bytes \d+/m);
  });

  it('/metrics is off (404) without SVARSTID_METRICS_TOKEN', async () => {
    const off = await listening();
    try {
      const res = await fetch(`${off.base}/metrics`, { headers: { authorization: 'Bearer anything' } });
      expect(res.status).toBe(404);
      expect((await res.json()).message).toContain('SVARSTID_METRICS_TOKEN');
    } finally {
      await off.app.close();
    }
  });

  it('/readyz answers 503 with Retry-After when the database is gone, while /healthz still answers', async () => {
    const gone = await listening();
    try {
      await gone.app.database.close();
      const res = await fetch(`${gone.base}/readyz`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).error).toBe('not_ready');
      expect((await fetch(`${gone.base}/healthz`)).status).toBe(200);
    } finally {
      await new Promise<void>((r) => gone.app.server.close(() => r()));
    }
  });
});

interface Target {
  readonly env: Record<string, string>;
  /** PostgreSQL: checked with checkStored */
  readonly url?: string;
  /** the embedded database: how many of these external ids are stored (after the process ended) */
  readonly count?: (ids: string[]) => Promise<number>;
  readonly done: () => Promise<void>;
}

const databases: Array<[string, () => Promise<Target>]> = [
  [
    'the embedded database',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'svarstid-ops-'));
      return {
        env: { SVARSTID_DATA_DIR: dir },
        count: async (ids) => {
          const d = await openDatabase({ dataDir: join(dir, 'pglite') });
          try {
            const r = (await d.db.execute(sql`select count(*)::int as n from inquiries where external_id = any(${sql.param(ids)}::text[])`)) as unknown as { rows: Array<{ n: number }> };
            return Number(r.rows[0]!.n);
          } finally {
            await d.close();
          }
        },
        done: async () => {},
      };
    },
  ],
  ...(process.env.TEST_DATABASE_URL
    ? [
        [
          'PostgreSQL',
          async (): Promise<Target> => {
            const db = await freshPostgresUrl();
            return { env: { DATABASE_URL: db.url, SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-ops-')) }, url: db.url, done: db.drop };
          },
        ] as [string, () => Promise<Target>],
      ]
    : []),
];

describe.each(databases)('SIGTERM under load, on %s', (name, setup) => {
  it('stops accepting, answers what is in flight, exits 0, and every acknowledged delivery is stored', async () => {
    const db = await setup();
    try {
      const served = await startServed({ SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, ...db.env });
      const list = Array.from({ length: 3000 }, () => genericDelivery([{ externalId: newId() }]));
      let i = 0;
      const load = runLoad(16, () => list[i++], { base: served.base, secret: SECRET, maxAttempts: 1 });
      // SIGTERM once deliveries are being acknowledged
      while (i < 40) await new Promise((r) => setTimeout(r, 20));
      served.child.kill('SIGTERM');
      const outcomes = await load;
      await served.stop();
      expect(served.exit()).toEqual({ code: 0, signal: null });
      expect(served.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
      const acknowledged = outcomes.filter((o) => o.acknowledged);
      expect(acknowledged.length).toBeGreaterThan(0);
      // some were refused: the shutdown came during the load, not after it
      expect(acknowledged.length, name).toBeLessThan(list.length);
      // no answer but 2xx: the others found the port closed or the connection closed, as a platform sees a restart
      for (const o of outcomes) for (const a of o.attempts) if (typeof a.status === 'number') expect(a.status).toBeLessThan(300);
      const ids = acknowledged.flatMap((o) => o.delivery.externalIds);
      if (db.url) expect(await checkStored(db.url, outcomes)).toMatchObject({ lost: 0, duplicated: 0, found: ids.length });
      else expect(await db.count!(ids)).toBe(ids.length);
    } finally {
      await db.done();
    }
  }, 240_000);
});
