/**
 * One svarstid instance in its own process, ticking on simulated time — and, for the tests that
 * import this module, the simulated clock it follows and a way to start a few of them.
 *
 * As a script (`node --import tsx tests/reminders/scheduler-worker.ts`), with env DATABASE_URL,
 * NOTIFIER_URL (a NotifierServer's /deliveries), CLOCK_URL (a SimulatedClock's URL), WORKER (the
 * instance name) and optionally CRASH_AFTER_CLAIM=1: opens the app on the database (no HTTP listening)
 * and loops: asks the clock for the simulated time (a long poll), runs one tick at that time, reports
 * it, until the clock says stop. With CRASH_AFTER_CLAIM=1 the first send() SIGKILLs the process:
 * the reminders are claimed in the database and nothing has been sent ("between claim and send").
 *
 * The clock is lockstep: `advance(t)` resolves once every live instance has finished a tick at t, so
 * simulated time never runs past a lease while an instance is still working (as with real time, where
 * a tick takes milliseconds and a lease five minutes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import type { ChatNotifier } from '../../src/reminders/model.js';
import type { TickResult } from '../../src/reminders/tick.js';
import { HttpNotifier } from '../fakes/http-notifier.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const LONG_POLL_MS = 10_000;
const STATS = ['claimed', 'sent', 'retried', 'failed', 'cancelled'] as const;

// ---------------------------------------------------------------------------------------------
// the worker process

async function main(): Promise<void> {
  const env = (name: string): string => {
    const v = process.env[name];
    if (!v) throw new Error(`scheduler-worker: ${name} is required`);
    return v;
  };
  const worker = env('WORKER');
  const clockUrl = env('CLOCK_URL');
  let simulated = 0;
  const http = new HttpNotifier({ url: env('NOTIFIER_URL'), worker, now: () => simulated });
  const notifier: ChatNotifier =
    process.env.CRASH_AFTER_CLAIM === '1'
      ? {
          send: () => {
            writeSync(2, `${worker}: crashing after claim, before the first send\n`);
            process.kill(process.pid, 'SIGKILL');
            return new Promise<void>(() => {});
          },
        }
      : http;
  const app = await createApp({
    database: { url: env('DATABASE_URL') },
    clock: { now: () => simulated },
    logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)),
    apiToken: 'unused',
    sourceRoutes: () => [],
    notifier,
    worker,
  });
  let done = -1;
  let last: TickResult | undefined;
  for (;;) {
    const q = new URLSearchParams({ worker, done: String(done) });
    for (const k of STATS) if (last) q.set(k, String(last[k]));
    const res = await fetch(`${clockUrl}?${q}`);
    const { now, stop } = (await res.json()) as { now: number; stop?: boolean };
    if (stop) break;
    if (now <= done) continue; // the long poll timed out; ask again
    simulated = now;
    last = await app.tick(now);
    done = now;
  }
  await app.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    process.stderr.write(`scheduler-worker ${process.env.WORKER}: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// the test side: a lockstep simulated clock over HTTP

export type TickStats = Record<(typeof STATS)[number] | 'ticks', number>;

export class SimulatedClock {
  now: number;
  /** per instance: the simulated time of its last finished tick, and its totals */
  readonly done = new Map<string, number>();
  readonly stats = new Map<string, TickStats>();
  private readonly expected = new Set<string>();
  private readonly polls: Array<{ worker: string; done: number; res: ServerResponse; timer: NodeJS.Timeout }> = [];
  private waiters: Array<{ check: () => boolean; resolve: () => void }> = [];
  private stopped = false;

  private constructor(private readonly server: ReturnType<typeof createServer>, start: number) {
    this.now = start;
  }

  static async start(start: number): Promise<SimulatedClock> {
    const server = createServer();
    const clock = new SimulatedClock(server, start);
    server.on('request', (req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      clock.report(q.get('worker') ?? '?', Number(q.get('done') ?? -1), q, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return clock;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/clock`;
  }

  /** instances that `advance` waits for */
  expect(worker: string): void {
    this.expected.add(worker);
  }

  /** an instance that died: `advance` no longer waits for it */
  forget(worker: string): void {
    this.expected.delete(worker);
    this.check();
  }

  /** sets the simulated time and resolves when every expected instance has finished a tick at it */
  advance(t: number): Promise<void> {
    if (t < this.now) throw new Error('simulated time does not go back');
    this.now = t;
    for (const p of this.polls.splice(0)) this.release(p, { now: t });
    return this.until(() => [...this.expected].every((w) => (this.done.get(w) ?? -1) >= t));
  }

  /** tells every instance to stop */
  stop(): void {
    this.stopped = true;
    for (const p of this.polls.splice(0)) this.release(p, { now: this.now, stop: true });
  }

  async close(): Promise<void> {
    this.stop();
    await new Promise<void>((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }

  private until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ check, resolve }));
  }

  private check(): void {
    const ready = this.waiters.filter((w) => w.check());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  private report(worker: string, done: number, q: URLSearchParams, res: ServerResponse): void {
    const before = this.done.get(worker) ?? -1;
    if (done > before) {
      this.done.set(worker, done);
      const s = this.stats.get(worker) ?? { ticks: 0, claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
      s.ticks++;
      for (const k of STATS) s[k] += Number(q.get(k) ?? 0);
      this.stats.set(worker, s);
      this.check();
    }
    if (this.stopped) return this.release({ res }, { now: this.now, stop: true });
    if (this.now > done) return this.release({ res }, { now: this.now });
    const poll = { worker, done, res, timer: setTimeout(() => this.release(poll, { now: this.now }), LONG_POLL_MS) };
    this.polls.push(poll);
  }

  private release(p: { res: ServerResponse; timer?: NodeJS.Timeout }, body: { now: number; stop?: boolean }): void {
    if (p.timer) clearTimeout(p.timer);
    const i = this.polls.indexOf(p as (typeof this.polls)[number]);
    if (i >= 0) this.polls.splice(i, 1);
    if (!p.res.writableEnded) p.res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

// ---------------------------------------------------------------------------------------------
// the test side: worker processes

export interface WorkerProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** what it wrote to stdout and stderr (the last 20 kB) */
  output(): string;
}

export interface WorkerOptions {
  readonly name: string;
  readonly databaseUrl: string;
  readonly notifierUrl: string;
  readonly clock: SimulatedClock;
  readonly crashAfterClaim?: boolean;
}

export function spawnWorker(o: WorkerOptions): WorkerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: o.databaseUrl, NOTIFIER_URL: o.notifierUrl, CLOCK_URL: o.clock.url, WORKER: o.name };
  if (o.crashAfterClaim) env.CRASH_AFTER_CLAIM = '1';
  else delete env.CRASH_AFTER_CLAIM;
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString('utf8')).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  o.clock.expect(o.name);
  return { name: o.name, child, exited, output: () => out };
}

/**
 * Several worker processes on one clock. `advance` fails loudly when an instance dies that was not
 * expected to (its output is in the message); an instance started with crashAfterClaim may die.
 */
export class WorkerCluster {
  readonly workers: WorkerProcess[] = [];
  private failure: Promise<never>;
  private fail!: (e: Error) => void;

  constructor(readonly clock: SimulatedClock, private readonly common: Omit<WorkerOptions, 'name' | 'clock' | 'crashAfterClaim'>) {
    this.failure = new Promise<never>((_, reject) => (this.fail = reject));
    this.failure.catch(() => {});
  }

  start(name: string, crashAfterClaim = false): WorkerProcess {
    const w = spawnWorker({ ...this.common, name, clock: this.clock, crashAfterClaim });
    this.workers.push(w);
    void w.exited.then(({ code, signal }) => {
      this.clock.forget(name);
      if (!crashAfterClaim && code !== 0) this.fail(new Error(`worker ${name} exited (code ${code}, signal ${signal}):\n${w.output()}`));
    });
    return w;
  }

  /** one tick of every live instance at simulated time t */
  advance(t: number): Promise<void> {
    return Promise.race([this.clock.advance(t), this.failure]);
  }

  /** stops every instance and waits for them (SIGKILL after 10 s) */
  async stop(): Promise<void> {
    this.clock.stop();
    await Promise.all(
      this.workers.map(async (w) => {
        const t = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
        await w.exited;
        clearTimeout(t);
      }),
    );
  }
}
