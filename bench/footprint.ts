/**
 * `npm run bench:footprint` (part of `npm run bench`): memory and start-up of the compiled build,
 * each beside its baseline measured in the same run.
 *
 *   start-up  `svarstid deadline … --at …` (the compiled build) vs a bare `node -e 0`, and the same
 *             call from the TypeScript sources (SVARSTID_FROM_SOURCE=1, tsx); median of BENCH_RUNS (9)
 *   memory    VmRSS of `svarstid serve` BENCH_IDLE_S (20) s after /healthz answers, on the embedded
 *             database (a new data directory) and on PostgreSQL (when TEST_DATABASE_URL or
 *             DATABASE_URL is set), then after BENCH_DELIVERIES (3000) signed deliveries and another
 *             idle period, and once more after as many again (a leak keeps growing; warming up does
 *             not); with the V8 heap in use (from /metrics) beside it, and a bare Node process's RSS
 *
 * Targets (issue 15): CLI ≤ 4 × bare node; idle RSS ≤ 300 MB (PGlite), ≤ 150 MB (PostgreSQL);
 * ≤ +50 MB after the deliveries (several days of a municipality's traffic).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl } from '../tests/support/databases.js';
import { genericDelivery, idMaker, runLoad } from '../tests/support/delivery-load.js';
import { startServed } from '../tests/support/serve-child.js';

const num = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const RUNS = num('BENCH_RUNS', 9);
const IDLE_S = num('BENCH_IDLE_S', 20);
const DELIVERIES = num('BENCH_DELIVERIES', 3000);
const SECRET = 'bench-secret';
const log = (line = '') => process.stdout.write(`${line}\n`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function timed(args: string[], env: Record<string, string> = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
}

log(`svarstid footprint benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`);
const deadline = ['bin/svarstid.js', 'deadline', '--policy', 'policies/hofors.yaml', '--channel', 'facebook', '--at', '2026-11-25T09:14:00+01:00'];
const bare: number[] = [];
const compiled: number[] = [];
const source: number[] = [];
timed(deadline);
for (let k = 0; k < RUNS; k++) {
  // interleaved, so that the machine's load falls on all three alike
  bare.push(timed(['-e', '0']));
  compiled.push(timed(deadline));
  source.push(timed(deadline, { SVARSTID_FROM_SOURCE: '1' }));
}
const ratio = median(compiled) / median(bare);
log('start-up (median of ' + RUNS + ')');
log(`  node -e 0 (baseline)                 ${median(bare).toFixed(0).padStart(6)} ms`);
log(`  svarstid deadline, compiled (dist/)  ${median(compiled).toFixed(0).padStart(6)} ms   ${ratio.toFixed(1)} × bare node   target ≤ 4 ×: ${ratio <= 4 ? 'met' : 'NOT met'}`);
log(`  svarstid deadline, from source (tsx) ${median(source).toFixed(0).padStart(6)} ms   ${(median(source) / median(bare)).toFixed(1)} × bare node`);

// a bare Node process's resident memory, the floor of any Node service
const idle = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
await sleep(1000);
const bareRss = rssMb(idle.pid!);
idle.kill();

/** the server's V8 heap in use, from its own /metrics (prom-client's nodejs_heap_size_used_bytes) */
async function heapMb(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer footprint' } })).text();
  const m = /^svarstid_nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return m ? Number(m[1]) / 1024 / 1024 : NaN;
}

async function memory(label: string, env: Record<string, string>, target: number): Promise<void> {
  const served = await startServed({ SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_METRICS_TOKEN: 'footprint', ...env });
  try {
    await fetch(`${served.base}/healthz`);
    await sleep(IDLE_S * 1000);
    const atStart = rssMb(served.child.pid!);
    const heapAtStart = await heapMb(served.base);
    const newId = idMaker('footprint');
    // two rounds of the same traffic: growth in the first is the heap and caches warming up; a leak keeps growing in the second
    const round = async (): Promise<{ rss: number; heap: number; ok: number }> => {
      let i = 0;
      const list = Array.from({ length: DELIVERIES }, () => genericDelivery([{ externalId: newId() }]));
      const outcomes = await runLoad(4, () => list[i++], { base: served.base, secret: SECRET, maxAttempts: 3 });
      await sleep(IDLE_S * 1000);
      return { rss: rssMb(served.child.pid!), heap: await heapMb(served.base), ok: outcomes.filter((o) => o.acknowledged).length };
    };
    const first = await round();
    const second = await round();
    const growth = first.rss - atStart;
    log(`  ${label.padEnd(28)} idle ${atStart.toFixed(0).padStart(5)} MB (heap ${heapAtStart.toFixed(0)}; target ≤ ${target}: ${atStart <= target ? 'met' : 'NOT met'})`);
    log(`  ${''.padEnd(28)} after ${first.ok} deliveries ${first.rss.toFixed(0).padStart(5)} MB (heap ${first.heap.toFixed(0)}; +${growth.toFixed(0)}; target ≤ +50: ${growth <= 50 ? 'met' : 'NOT met'})   after ${second.ok} more ${second.rss.toFixed(0).padStart(5)} MB (heap ${second.heap.toFixed(0)}; ${second.rss - first.rss >= 0 ? '+' : ''}${(second.rss - first.rss).toFixed(0)})`);
  } finally {
    await served.stop();
  }
}

log(`memory (VmRSS ${IDLE_S} s after start; bare node idle: ${bareRss.toFixed(0)} MB)`);
const dir = mkdtempSync(join(os.tmpdir(), 'svarstid-footprint-'));
try {
  await memory('embedded database (PGlite)', { SVARSTID_DATA_DIR: dir }, 300);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
if (process.env.TEST_DATABASE_URL) {
  const db = await freshPostgresUrl();
  try {
    await memory('PostgreSQL', { DATABASE_URL: db.url, SVARSTID_DATA_DIR: os.tmpdir() }, 150);
  } finally {
    await db.drop();
  }
} else log('  PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL)');
log(`(load average after: ${load()})`);
