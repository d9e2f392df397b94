/**
 * `npm run bench:ingest` (part of `npm run bench`): webhook ingestion end to end — a real
 * `svarstid serve` child process (what production runs, the compiled build) on a fresh database,
 * signed generic deliveries over keep-alive HTTP from this process (bench/raw-load.ts: requests
 * written out before each phase, as wrk does; BENCH_CLIENT=node uses node:http instead, about
 * three times the client's CPU per request) — beside, in the same run, the
 * baseline it is compared with: single-row INSERTs straight into the same PostgreSQL with the same
 * driver and pool (src/db/postgres.ts), 16 at a time, and pgbench's INSERT rate when pgbench is
 * installed. After the run the database's inquiry count is compared with the count of 2xx answers.
 *
 *   BENCH_SINGLES (2000)  one-message deliveries per concurrency level
 *   BENCH_LEVELS  (1,16)  concurrency levels (e.g. 1,4,16,64)
 *   BENCH_BATCHES (10)    deliveries of 100 messages, 4 at a time
 *   BENCH_PGLITE  (1)     0: skip the same run on the embedded database
 *   BENCH_CLIENT  (raw)   node: the load from node:http (tests/support/delivery-load.ts) instead
 *   BENCH_SERVER_NODE_OPTIONS  e.g. "--cpu-prof --cpu-prof-dir=prof": flags for the server's `node`
 *                         (given on its command line: Node refuses --cpu-prof in NODE_OPTIONS)
 *
 * Needs TEST_DATABASE_URL or DATABASE_URL (a server where it may create a database; dropped at the end).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection.js';
import { createPool, POOL_SIZE } from '../src/db/postgres.js';
import { freshPostgresUrl, sqlOnce } from '../tests/support/databases.js';
import { genericDelivery, idMaker, runLoad, statusCounts, type Delivery, type Outcome } from '../tests/support/delivery-load.js';
import { portOf, spawnServe } from '../tests/support/serve-process.js';
import { requestBytes, runRawLoad } from './raw-load.js';
import { sql } from 'drizzle-orm';

const num = (key: string, fallback: number): number => {
  const v = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${key} must be a whole number`);
  return v;
};
const SINGLES = num('BENCH_SINGLES', 2000);
const BATCHES = num('BENCH_BATCHES', 10);
const LEVELS = (process.env.BENCH_LEVELS ?? '1,16').split(',').map(Number);
const NODE_CLIENT = process.env.BENCH_CLIENT === 'node';
const SECRET = 'bench-secret';
const TARGET = { perSecond: 1500, p99: 50 };
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
if (!process.env.TEST_DATABASE_URL) throw new Error('bench/ingest.ts needs TEST_DATABASE_URL or DATABASE_URL');

/** CPU seconds used so far by a process (utime + stime from /proc, 100 ticks a second) */
const processCpu = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** CPU seconds the whole machine was busy so far (all cores, /proc/stat) */
const machineBusy = (): number => {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (t.reduce((a, b) => a + b, 0) - t[3]! - t[4]!) / 100;
};
const clientCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Phase {
  readonly label: string;
  readonly perSecond: number;
  readonly messagesPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly acknowledged: number;
  /** CPU milliseconds per delivery: the server, the client (this process), PostgreSQL's backends */
  readonly cpu: { readonly server: number; readonly client: number; readonly database: number };
}

/** Direct single-row INSERTs with svarstid's own pool (same driver, same size), `workers` at a time. */
async function insertBaseline(url: string, rows: number, workers: number): Promise<number> {
  const pool = createPool(url);
  await pool.query('create table if not exists bench_rows (id bigserial primary key, external_id text not null, payload jsonb not null, received_at timestamptz not null default now())');
  let n = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: workers }, async () => {
    while (n < rows) {
      const i = n++;
      await pool.query('insert into bench_rows (external_id, payload) values ($1, $2)', [`row-${i}`, JSON.stringify({ text: 'Hej! När plogas Storgatan?', author: 'Anna' })]);
    }
  }));
  const perSecond = rows / ((performance.now() - started) / 1000);
  await pool.query('drop table bench_rows');
  await pool.end();
  return perSecond;
}

/** pgbench's rate of single-row INSERTs with 16 clients for 5 s, when pgbench is installed. */
function pgbenchBaseline(url: string): number | undefined {
  if (spawnSync('pgbench', ['--version']).status !== 0) return undefined;
  const dir = mkdtempSync(join(os.tmpdir(), 'svarstid-pgbench-'));
  try {
    execFileSync('psql', [url, '-qc', 'create table if not exists bench_pg (id bigserial primary key, external_id text, payload jsonb)']);
    const script = join(dir, 'insert.sql');
    execFileSync('sh', ['-c', `printf '%s\\n' "insert into bench_pg (external_id, payload) values ('x', '{\\"text\\": \\"Hej\\"}');" > ${script}`]);
    const out = execFileSync('pgbench', ['-n', '-c', '16', '-j', '2', '-T', '5', '-f', script, url], { encoding: 'utf8' });
    execFileSync('psql', [url, '-qc', 'drop table bench_pg']);
    const m = /tps = ([\d.]+)/.exec(out);
    return m ? Number(m[1]) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** the PostgreSQL backends serving svarstid's pool on this database (application_name svarstid) */
const backendsOf = async (url: string | undefined): Promise<number[]> =>
  url ? (await sqlOnce<{ pid: number }>(url, "select pid from pg_stat_activity where datname = current_database() and application_name = 'svarstid'")).map((r) => Number(r.pid)) : [];
const backendCpu = (pids: readonly number[]): Map<number, number> => {
  const m = new Map<number, number>();
  for (const pid of pids) {
    try {
      m.set(pid, processCpu(pid));
    } catch {
      // gone (idle timeout): its time is not counted
    }
  }
  return m;
};

async function runServer(label: string, env: Record<string, string>, countInquiries: () => Promise<number>, pgUrl?: string): Promise<Phase[]> {
  // BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=prof" profiles the server
  const nodeArgs = (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean);
  const child = spawnServe([], { SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_API_TOKEN: 'bench', ...env }, nodeArgs);
  let stderr = '';
  child.stderr.on('data', (c) => { stderr = (stderr + c).slice(-4000); });
  child.once('exit', (code) => { if (code !== 0) process.stderr.write(`svarstid serve exited with ${code}: ${stderr}\n`); });
  const phases: Phase[] = [];
  let acknowledged = 0;
  try {
    const port = await portOf(child);
    const base = `http://127.0.0.1:${port}`;
    const newId = idMaker('bench');
    // messages written just now, as a platform delivers them: their reminders fall due hours later, so
    // the server's reminder tick has nothing to send during the run (bench/tick.ts measures that)
    const arrived = () => new Date().toISOString();
    const phase = async (name: string, list: readonly Delivery[], workers: number, messages: number, counts = true): Promise<void> => {
      let i = 0;
      // the raw client's requests are written out (and signed, now) before the clock starts
      const requests = NODE_CLIENT ? [] : list.map((d) => requestBytes(d, `127.0.0.1:${port}`, SECRET, 'hofors-blogg', Math.floor(Date.now() / 1000)));
      const db0 = backendCpu(await backendsOf(pgUrl));
      const cpu0 = [processCpu(child.pid!), clientCpu(), machineBusy()] as const;
      const started = performance.now();
      const outcomes: Outcome[] = NODE_CLIENT
        ? await runLoad(workers, () => list[i++], { base, secret: SECRET, maxAttempts: 1, client: 'http' })
        : (await runRawLoad(port, workers, requests)).map((r, k) => ({ delivery: list[k]!, attempts: [{ status: r.status, retryAfter: null, ms: r.ms, body: r.body }], acknowledged: typeof r.status === 'number' && r.status >= 200 && r.status < 300 }));
      const seconds = (performance.now() - started) / 1000;
      const [server, client, busy] = [processCpu(child.pid!) - cpu0[0], clientCpu() - cpu0[1], machineBusy() - cpu0[2]];
      const db1 = backendCpu(await backendsOf(pgUrl));
      // connections opened during the phase count from zero
      const database = [...db1].reduce((sum, [pid, t]) => sum + t - (db0.get(pid) ?? 0), 0);
      // CPU milliseconds per delivery: the server, this client, and the rest of the machine (PostgreSQL, and whatever else runs)
      const perDelivery = (x: number) => ((x * 1000) / list.length).toFixed(2).padStart(6);
      const ms = outcomes.map((o) => o.attempts[0]!.ms).sort((a, b) => a - b);
      const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!;
      const ok = outcomes.filter((o) => o.acknowledged).length;
      if (counts) acknowledged += ok * (messages / list.length);
      const p: Phase = { label: name, perSecond: ok / seconds, messagesPerSecond: (ok * messages) / list.length / seconds, p50: q(0.5), p99: q(0.99), acknowledged: ok, cpu: { server: (server * 1000) / list.length, client: (client * 1000) / list.length, database: (database * 1000) / list.length } };
      phases.push(p);
      log(`  ${name.padEnd(36)}${String(list.length).padStart(6)}${p.perSecond.toFixed(0).padStart(9)}/s${p.messagesPerSecond.toFixed(0).padStart(9)}/s${p.p50.toFixed(1).padStart(9)} ms${q(0.95).toFixed(1).padStart(9)} ms${p.p99.toFixed(1).padStart(9)} ms ${perDelivery(server)} ${perDelivery(client)} ${pgUrl ? perDelivery(database) : '     -'} ${perDelivery(busy - server - client - database)}   ${JSON.stringify(statusCounts(outcomes))}`);
    };
    log(`${label}:`);
    log(`  ${'phase'.padEnd(36)}${'n'.padStart(6)}${'deliveries'.padStart(11)}${'messages'.padStart(11)}${'p50'.padStart(12)}${'p95'.padStart(12)}${'p99'.padStart(12)}${'CPU ms/delivery: server'.padStart(27)} client     db  other   statuses`);
    await phase('warm-up, 16 at a time', Array.from({ length: 300 }, () => genericDelivery([{ externalId: newId(), receivedAt: arrived() }])), 16, 300);
    const singles: Delivery[] = [];
    for (const level of LEVELS) {
      const list = Array.from({ length: SINGLES }, () => genericDelivery([{ externalId: newId(), receivedAt: arrived() }]));
      singles.push(...list.slice(0, 500));
      await phase(`single messages, ${level} at a time`, list, level, SINGLES);
    }
    if (BATCHES > 0) await phase('batches of 100, 4 at a time', Array.from({ length: BATCHES }, () => genericDelivery(Array.from({ length: 100 }, () => ({ externalId: newId(), receivedAt: arrived() })))), 4, BATCHES * 100);
    await phase('redelivered singles (duplicates), 16', singles, 16, singles.length, false);
  } finally {
    // graceful shutdown: what was acknowledged is stored before the process ends
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
  const stored = await countInquiries();
  log(`  messages acknowledged (2xx, new) ${acknowledged}, inquiries in the database ${stored}: ${stored === acknowledged ? 'equal, nothing lost' : 'DIFFERENT'}`);
  if (stored !== acknowledged) process.exitCode = 1;
  return phases;
}

log(`svarstid ingestion benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
log(`(client, server and database share this machine's cores; client: ${NODE_CLIENT ? 'node:http' : 'raw keep-alive sockets, requests written out before each phase'})`);
const db = await freshPostgresUrl();
try {
  const baseline = await insertBaseline(db.url, 20_000, 16);
  const pgbench = pgbenchBaseline(db.url);
  log(`baseline: direct single-row INSERTs, node-postgres pool of ${POOL_SIZE}, 16 at a time: ${baseline.toFixed(0)}/s` + (pgbench ? `; pgbench, 16 clients: ${pgbench.toFixed(0)}/s` : '; pgbench not installed'));
  const phases = await runServer('svarstid serve on PostgreSQL', { DATABASE_URL: db.url, SVARSTID_DATA_DIR: os.tmpdir() }, async () => Number((await sqlOnce<{ n: string }>(db.url, 'select count(*) as n from inquiries'))[0]!.n), db.url);
  const at16 = phases.find((p) => p.label === 'single messages, 16 at a time');
  if (at16) {
    log(`  at 16: ${at16.perSecond.toFixed(0)} accepted/s = ${(at16.perSecond / baseline).toFixed(2)} × the direct INSERT rate${pgbench ? `, ${(at16.perSecond / pgbench).toFixed(2)} × pgbench's` : ''}; p99 ${at16.p99.toFixed(1)} ms`);
    const { server, client, database } = at16.cpu;
    const total = server + client + database;
    log(`  CPU per delivery at 16: server ${server.toFixed(2)} ms + client ${client.toFixed(2)} ms + PostgreSQL ${database.toFixed(2)} ms = ${total.toFixed(2)} ms: ${os.cpus().length} cores allow at most ~${((os.cpus().length * 1000) / total).toFixed(0)}/s with the client on the same machine, ~${((os.cpus().length * 1000) / (server + database)).toFixed(0)}/s without it`);
    log(`  target ≥ ${TARGET.perSecond}/s with p99 < ${TARGET.p99} ms: ${at16.perSecond >= TARGET.perSecond && at16.p99 < TARGET.p99 ? 'met' : 'NOT met'} (load average ${load()})`);
  }
} finally {
  await db.drop();
}
if (process.env.BENCH_PGLITE !== '0') {
  const dir = mkdtempSync(join(os.tmpdir(), 'svarstid-bench-'));
  try {
    const phases = await runServer('svarstid serve on the embedded database (PGlite)', { SVARSTID_DATA_DIR: dir }, async () => {
      const d = await openDatabase({ dataDir: join(dir, 'pglite') });
      try {
        const rows = await d.db.execute(sql`select count(*)::int as n from inquiries`);
        return Number((rows as unknown as { rows: { n: number }[] }).rows[0]!.n);
      } finally {
        await d.close();
      }
    });
    const at16 = phases.find((p) => p.label === 'single messages, 16 at a time');
    // no target on the embedded database (issue 15: state the figure); PGlite's work is in the server's own CPU
    if (at16) log(`  at 16: ${at16.perSecond.toFixed(0)} accepted/s, p99 ${at16.p99.toFixed(1)} ms; server CPU ${at16.cpu.server.toFixed(2)} ms per delivery (the database included), client ${at16.cpu.client.toFixed(2)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
log(`(load average after: ${load()})`);
