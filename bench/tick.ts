/**
 * `node --import tsx bench/tick.ts`: the reminder tick on PostgreSQL at scale.
 *
 * Needs TEST_DATABASE_URL or DATABASE_URL; creates its own database there and drops it at the end.
 * (a) 1,000,000 open inquiries with their 5,000,000 reminders (bench/tick-setup.ts): one tick when
 *     nothing is due, with the shipped partial index, and side by side with a plain index on
 *     next_attempt_at and with no index (each dropped and rebuilt; the shipped one restored after).
 * (b) dispatch: the next 20,000 pending reminders fall due; ticks send them to the fake chat platform
 *     (tests/fakes/notifier-server.ts in its own process, over HTTP on 127.0.0.1; bench/tick-platform.ts):
 *     reminders/s at concurrency 16 and 1, without HTTP, and with 20 ms platform latency.
 *
 * Settings (environment): BENCH_INQUIRIES (1000000), BENCH_DISPATCH (20000), BENCH_IDLE_TICKS (15).
 */
import os from 'node:os';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { connectSql, type Sql } from './sql.js';
import { fileURLToPath } from 'node:url';
import { applyDirectoryFile, applyPolicyFile } from '../src/admin/apply.js';
import { createApp, type App } from '../src/app.js';
import { contextLoader } from '../src/db/context-store.js';
import type { ChatNotifier } from '../src/reminders/model.js';
import { runTick } from '../src/reminders/tick.js';
import { HttpNotifier } from '../tests/fakes/http-notifier.js';
import { dispatchRun, idleTicks, type DispatchResult } from './tick-measure.js';
import { startPlatform, type Platform } from './tick-platform.js';
import { benchDatabase, loadInquiries } from './tick-setup.js';

const num = (key: string, fallback: number): number => {
  const v = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${key} must be a positive whole number`);
  return v;
};
const INQUIRIES = num('BENCH_INQUIRIES', 1_000_000);
const DISPATCH = num('BENCH_DISPATCH', 20_000);
const IDLE_TICKS = num('BENCH_IDLE_TICKS', 15);
const NOW = DateTime.fromISO('2026-11-25T10:00', { zone: 'Europe/Stockholm' }).toMillis(); // a Wednesday morning
const X_ACCOUNT = '1400000000000000001';
const file = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const log = (line = '') => process.stdout.write(`${line}\n`);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);

const benchStart = performance.now();
const db = await benchDatabase();
let dropping: Promise<void> | undefined;
const dropOnce = () => (dropping ??= db.drop());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void dropOnce().finally(() => process.exit(130)));

let app: App | undefined;
let platform: Platform | undefined;
let sql: Sql | undefined;
try {
  let simulated = NOW;
  platform = await startPlatform();
  const http = new HttpNotifier({ url: platform.deliveriesUrl, worker: 'bench', now: () => simulated });
  app = await createApp({ database: { url: db.url }, clock: { now: () => simulated }, logger: pino({ level: 'warn' }), apiToken: 'unused', sourceRoutes: () => [], notifier: http, worker: 'bench' });
  sql = connectSql(db.url);
  const [pg] = await sql<{ v: string }>`select current_setting('server_version') as v`;
  log(`svarstid reminder tick benchmark — PostgreSQL ${pg!.v}, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), load average ${load()}`);
  log(`database ${db.name} (dropped at the end); Hofors policy, X account (4 working hours, 5 reminders per inquiry); now = ${DateTime.fromMillis(NOW, { zone: 'Europe/Stockholm' }).toISO()}`);
  const admin = { directory: app.directory, policies: app.policies, now: () => NOW };
  await applyPolicyFile(admin, file('policies/hofors.yaml'));
  await applyDirectoryFile(admin, file('directory/hofors.yaml'));
  const account = (await app.directory.routeAccount('x', X_ACCOUNT))!;

  log('\nsetup');
  const loaded = await loadInquiries(db.url, { count: INQUIRIES, now: NOW, days: 28, orgId: account.orgId, accountId: account.accountId, accountExternalId: X_ACCOUNT, policy: app.policies.get(account.orgId)!, log });
  log(`  ${int(loaded.inquiries)} open inquiries, ${int(loaded.reminders)} reminders (${int(loaded.pending)} pending, the rest sent) in ${loaded.seconds.toFixed(1)} s`);

  // ---------------- (a) a tick when nothing is due ----------------
  log(`\n(a) one tick when nothing is due: app.tick(now), ${IDLE_TICKS} ticks after 3 warm-up ticks (load average ${load()})`);
  log(`  ${padEnd('reminders index', 44)}${pad('median', 12)}${pad('p90', 12)}${pad('min', 12)}${pad('max', 12)}   claim statement (EXPLAIN ANALYZE)`);
  const [shipped] = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'reminders_due'`;
  const variants: Array<{ name: string; prepare: () => Promise<unknown> }> = [
    { name: 'partial index reminders_due (shipped)', prepare: async () => {} },
    { name: 'plain index on next_attempt_at (all rows)', prepare: async () => { await sql!`drop index reminders_due`; await sql!`create index bench_plain_due on reminders (next_attempt_at)`; await sql!`analyze reminders`; } },
    { name: 'no index on next_attempt_at', prepare: async () => { await sql!`drop index bench_plain_due`; await sql!`analyze reminders`; } },
  ];
  const idle: Array<{ name: string; median: number }> = [];
  try {
    for (const v of variants) {
      await v.prepare();
      const r = await idleTicks(app, sql, NOW, IDLE_TICKS);
      idle.push({ name: v.name, median: r.median });
      const f = (x: number) => pad(`${x.toFixed(2)} ms`, 12);
      log(`  ${padEnd(v.name, 44)}${f(r.median)}${f(r.p90)}${f(r.min)}${f(r.max)}   ${r.plan}`);
    }
  } finally {
    await sql`drop index if exists bench_plain_due`;
    await sql`drop index if exists reminders_due`;
    await sql.unsafe(shipped!.indexdef);
    await sql`analyze reminders`;
  }
  const best = idle[0]!.median;
  log(`  target < 100 ms with the shipped index: ${best < 100 ? 'met' : 'NOT met'} (${best.toFixed(2)} ms); without it ${(idle[2]!.median / best).toFixed(0)}× slower`);

  // ---------------- (b) dispatch ----------------
  log(`\n(b) dispatch: the next N pending reminders fall due at now; ticks (batch 200) until none is left (load average ${load()})`);
  log(`  ${padEnd('notifier', 36)}${pad('concurrency', 12)}${pad('N', 8)}${pad('seconds', 10)}${pad('reminders/s', 13)}   check`);
  const noop: ChatNotifier = { send: async () => {} };
  const runs: Array<{ label: string; notifier: ChatNotifier; concurrency: number; n: number; delayMs: number }> = [
    { label: 'HTTP fake platform', notifier: http, concurrency: 16, n: DISPATCH, delayMs: 0 },
    { label: 'HTTP fake platform', notifier: http, concurrency: 1, n: Math.ceil(DISPATCH / 5), delayMs: 0 },
    { label: 'no HTTP (send does nothing)', notifier: noop, concurrency: 16, n: Math.ceil(DISPATCH / 4), delayMs: 0 },
    { label: 'HTTP, 20 ms platform latency', notifier: http, concurrency: 16, n: Math.ceil(DISPATCH / 5), delayMs: 20 },
    { label: 'HTTP, 20 ms platform latency', notifier: http, concurrency: 1, n: Math.ceil(DISPATCH / 50), delayMs: 20 },
  ];
  const results: DispatchResult[] = [];
  for (const r of runs) {
    const result = await dispatchRun({
      sql, platform, now: NOW, n: r.n, delayMs: r.delayMs, http: r.notifier === http,
      tick: (now) => {
        simulated = now;
        return runTick({ queue: app!.reminders, contexts: () => contextLoader(app!.database.db, app!.policies, now), notifier: r.notifier, worker: 'bench', logger: pino({ level: 'warn' }), concurrency: r.concurrency, clock: () => now }, now);
      },
    });
    results.push(result);
    log(`  ${padEnd(r.label, 36)}${pad(r.concurrency, 12)}${pad(int(result.sent), 8)}${pad(result.seconds.toFixed(2), 10)}${pad(int(result.rate), 13)}   ${result.check}`);
  }
  const main = results[0]!;
  log(`  target ≥ 1,000 reminders/s (HTTP, concurrency 16): ${main.rate >= 1000 ? 'met' : 'NOT met'} (${int(main.rate)}/s); concurrency 16 vs 1: ${(main.rate / results[1]!.rate).toFixed(1)}× (no latency), ${(results[3]!.rate / results[4]!.rate).toFixed(1)}× (20 ms latency)`);
} finally {
  await sql?.end();
  await app?.close();
  await platform?.close();
  await dropOnce();
  log(`\ndone in ${((performance.now() - benchStart) / 1000).toFixed(1)} s; database dropped`);
}
