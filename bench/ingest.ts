/**
 * `node --import tsx bench/ingest.ts`: webhook ingestion on PostgreSQL, end to end — a real
 * `svarstid serve` child process (what production runs) on a fresh database, signed generic
 * deliveries over HTTP from this process.
 *
 *   singles     BENCH_SINGLES (3000) one-message deliveries, 16 at a time
 *   batches     BENCH_BATCHES (60) deliveries of 100 messages, 4 at a time
 *   redelivered the singles again: every one a duplicate, 16 at a time
 *
 * Needs TEST_DATABASE_URL or DATABASE_URL (a server where it may create a database; dropped at the end).
 */
import os from 'node:os';
import { freshPostgresUrl } from '../tests/support/databases.js';
import { genericDelivery, idMaker, runLoad, statusCounts, type Delivery, type Outcome } from '../tests/support/delivery-load.js';
import { portOf, spawnServe } from '../tests/support/serve-process.js';

const num = (key: string, fallback: number): number => {
  const v = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${key} must be a positive whole number`);
  return v;
};
const SINGLES = num('BENCH_SINGLES', 3000);
const BATCHES = num('BENCH_BATCHES', 60);
const SECRET = 'bench-secret';
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) throw new Error('bench/ingest.ts needs TEST_DATABASE_URL or DATABASE_URL');
const db = await freshPostgresUrl();
const child = spawnServe([], { DATABASE_URL: db.url, SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_API_TOKEN: 'bench', SVARSTID_DATA_DIR: os.tmpdir() });
child.stderr.resume();
try {
  const base = `http://127.0.0.1:${await portOf(child)}`;
  const driver = process.env.BENCH_DRIVER_LABEL ?? 'this checkout';
  log(`svarstid ingestion benchmark (${driver}) — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
  const newId = idMaker('bench');
  const singles = Array.from({ length: SINGLES }, () => genericDelivery([{ externalId: newId() }]));
  const batches = Array.from({ length: BATCHES }, () => genericDelivery(Array.from({ length: 100 }, () => ({ externalId: newId() }))));

  const phase = async (label: string, list: readonly Delivery[], workers: number, messages: number): Promise<void> => {
    let i = 0;
    const started = performance.now();
    const outcomes: Outcome[] = await runLoad(workers, () => list[i++], { base, secret: SECRET, maxAttempts: 1 });
    const seconds = (performance.now() - started) / 1000;
    const ms = outcomes.map((o) => o.attempts[0]!.ms).sort((a, b) => a - b);
    const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
    const counts = statusCounts(outcomes);
    log(
      `  ${label.padEnd(34)}${String(list.length).padStart(6)}${(list.length / seconds).toFixed(0).padStart(10)}/s${(messages / seconds).toFixed(0).padStart(9)}/s` +
        `${q(0.5).padStart(9)} ms${q(0.95).padStart(9)} ms${q(0.99).padStart(9)} ms   ${JSON.stringify(counts)}`,
    );
  };
  await phase('warm-up', Array.from({ length: 200 }, () => genericDelivery([{ externalId: newId() }])), 16, 200);
  log(`  ${'phase'.padEnd(34)}${'n'.padStart(6)}${'deliveries'.padStart(12)}${'messages'.padStart(11)}${'p50'.padStart(12)}${'p95'.padStart(12)}${'p99'.padStart(12)}   statuses`);
  await phase('single messages, 16 at a time', singles, 16, SINGLES);
  await phase('batches of 100, 4 at a time', batches, 4, BATCHES * 100);
  await phase('redelivered singles (duplicates)', singles, 16, SINGLES);
  log(`  (load average after: ${load()})`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.drop();
}
