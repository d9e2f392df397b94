/**
 * Several instances on one database (DESIGN.md: "Several instances may run against one Postgres;
 * nothing may be sent twice or lost"). A working week of X inquiries for Hofors (4 working hours,
 * 5 reminders each), simulated time advanced in steps from the first arrival through the last
 * reminder, every instance ticking at every step; the fake chat platform counts deliveries per key.
 *
 * With TEST_DATABASE_URL: three worker processes against one fresh PostgreSQL database, 5,000
 * inquiries (about 1.5 minutes on a 2-core machine). Without it, the same week with two instances in
 * one process on PGlite (one database connection, so their statements interleave rather than run in
 * parallel) and 200 inquiries.
 */
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import { contextLoader } from '../../src/db/context-store.js';
import { events, inquiries, people, reminders } from '../../src/db/schema.js';
import type { Db } from '../../src/db/connection.js';
import { deadlineFor, type Policy } from '../../src/policy/index.js';
import type { ChatNotifier } from '../../src/reminders/model.js';
import { planReminders } from '../../src/reminders/plan.js';
import { runTick, type TickResult } from '../../src/reminders/tick.js';
import { HttpNotifier } from '../fakes/http-notifier.js';
import { NotifierServer } from '../fakes/notifier-server.js';
import { at, minutes } from '../support/calendar-builder.js';
import { freshPostgresUrl } from '../support/databases.js';
import { SimulatedClock, WorkerCluster, type TickStats } from './scheduler-worker.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const X_ACCOUNT = '1400000000000000001';
const silent = pino({ level: 'silent' });

/** deterministic pseudo-random numbers in [0, 1) (mulberry32) */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Arrival times over Mon 2026-11-23 .. Fri 2026-11-27, 07:00–19:00 local (so some arrive before
 * opening, at lunch and after closing), with a storm: a fifth of them within one minute on Wednesday
 * at 10:00 (a post that went viral), so a thousand reminders fall due at once.
 */
function arrivals(n: number): number[] {
  const rnd = random(20261123);
  const storm = at('2026-11-25T10:00');
  return Array.from({ length: n }, (_, i) => {
    if (i % 5 === 4) return storm + Math.floor(rnd() * 60_000);
    const day = at(`2026-11-2${3 + Math.floor(rnd() * 5)}T07:00`);
    return day + Math.floor(rnd() * 12 * 3_600_000);
  }).sort((a, b) => a - b);
}

const neverSends: ChatNotifier = { send: async () => { throw new Error('the test process does not send'); } };

/** The test's own app: applies the Hofors policy and directory; ingests and reads, never sends unless told to. */
async function setupApp(database: { url: string } | { memory: true }, clock: { time: number }, notifier: ChatNotifier = neverSends, worker = 'test-setup'): Promise<App> {
  const app = await createApp({ database, clock: { now: () => clock.time }, logger: silent, apiToken: 'unused', sourceRoutes: () => [], notifier, worker });
  const admin = { directory: app.directory, policies: app.policies, now: () => clock.time };
  await applyPolicyFile(admin, `${ROOT}policies/hofors.yaml`);
  await applyDirectoryFile(admin, `${ROOT}directory/hofors.yaml`);
  return app;
}

/**
 * Creates the inquiries: the first `viaIngest` through app.ingest (the real path), the rest with
 * batched inserts whose deadlines and reminders come from the real deadline rule and planner. Checks
 * that the two paths plan the same.
 */
async function seed(app: App, clock: { time: number }, times: number[], viaIngest: number): Promise<void> {
  const policy = app.policies.get('hofors')!;
  const account = (await app.directory.routeAccount('x', X_ACCOUNT))!;
  for (const [n, receivedAt] of times.slice(0, viaIngest).entries()) {
    clock.time = receivedAt;
    const message = { source: 'x' as const, channel: 'x' as const, accountExternalId: X_ACCOUNT, externalId: `sim-${n}`, author: { id: `citizen-${n}`, name: `Medborgare ${n}` }, text: `Fråga nummer ${n}`, receivedAt, raw: { n } };
    const r = await app.ingest.ingest([{ kind: 'message', message }]);
    const id = r.received[0]!;
    const stored = (await app.reminders.byInquiry(id)).map((x) => ({ kind: x.kind, role: x.role, dueAt: x.dueAt.getTime() }));
    expect(stored.sort(byKey)).toEqual(plan(policy, receivedAt).reminders.sort(byKey));
  }
  const db = app.database.db;
  for (let from = viaIngest; from < times.length; from += 1000) {
    const chunk = times.slice(from, from + 1000).map((receivedAt, k) => ({ n: from + k, receivedAt, ...plan(policy, receivedAt) }));
    const ids = await db
      .insert(inquiries)
      .values(chunk.map((c) => ({
        orgId: account.orgId, accountId: account.accountId, source: 'x', channel: 'x', accountExternalId: X_ACCOUNT, externalId: `sim-${c.n}`,
        authorId: `citizen-${c.n}`, authorName: `Medborgare ${c.n}`, text: `Fråga nummer ${c.n}`, receivedAt: new Date(c.receivedAt),
        deadline: new Date(c.deadline), allowedMinutes: c.allowedMinutes, state: 'open', personalData: [], raw: { n: c.n },
        createdAt: new Date(c.receivedAt), updatedAt: new Date(c.receivedAt),
      })))
      .returning({ id: inquiries.id });
    await db.insert(events).values(chunk.map((c, k) => ({ inquiryId: ids[k]!.id, type: 'received', actor: 'source:x', at: new Date(c.receivedAt), data: { routed: true, deadline: c.deadline } })));
    await db.insert(reminders).values(chunk.flatMap((c, k) => c.reminders.map((p) => ({ inquiryId: ids[k]!.id, orgId: account.orgId, kind: p.kind, role: p.role, dueAt: new Date(p.dueAt), nextAttemptAt: new Date(p.dueAt) }))));
  }
}
const byKey = (a: { kind: string; role: string }, b: { kind: string; role: string }) => `${a.kind}|${a.role}`.localeCompare(`${b.kind}|${b.role}`);

function plan(policy: Policy, receivedAt: number) {
  const d = deadlineFor(policy, 'x', receivedAt);
  const allowedMinutes = Math.round(d.allowed / 60_000);
  return { deadline: d.deadline, allowedMinutes, reminders: planReminders({ state: 'open', receivedAt, deadline: d.deadline, allowedMinutes }, policy).map((p) => ({ kind: p.kind, role: p.role as string, dueAt: p.dueAt })) };
}

/** A set of instances that each run one tick per simulated step. */
interface Instances {
  advance(t: number): Promise<void>;
  stop(): Promise<void>;
}

interface WeekResult {
  steps: number;
  rows: Array<typeof reminders.$inferSelect>;
  seconds: number;
}

/**
 * The next simulated step: `step` on weekdays 07:00–18:00 local, a whole hour at night and at the
 * weekend (Hofors' reminders fall in working time, at most exactly at a close: the lateness check
 * would catch one planned at night).
 */
function next(t: number, step: number): number {
  const local = DateTime.fromMillis(t, { zone: 'Europe/Stockholm' });
  if (local.weekday <= 5 && local.hour >= 7 && local.hour < 18) return t + step;
  return Math.min(Math.floor(t / 3_600_000) * 3_600_000 + 3_600_000, local.weekday <= 5 && local.hour < 7 ? local.set({ hour: 7, minute: 0, second: 0, millisecond: 0 }).toMillis() : Infinity);
}

/** Advances simulated time step by step from the first arrival through the last reminder. */
async function runWeek(app: App, instances: Instances, step: number): Promise<WeekResult> {
  const db = app.database.db;
  const due = (await db.select({ dueAt: reminders.dueAt }).from(reminders)).map((r) => r.dueAt.getTime());
  const first = Math.min(...(await db.select({ t: inquiries.receivedAt }).from(inquiries)).map((r) => r.t.getTime()));
  const last = Math.max(...due);
  const started = performance.now();
  let steps = 0;
  for (let t = Math.floor(first / step) * step; t < last + step; t = next(t, step)) {
    await instances.advance(t);
    steps++;
  }
  const seconds = (performance.now() - started) / 1000;
  await instances.stop();
  return { steps, seconds, rows: await db.select().from(reminders) };
}

/** Every planned reminder delivered exactly once, to the right person, not before it was due and within one step. */
async function expectExactlyOnce(db: Db, server: NotifierServer, rows: WeekResult['rows'], step: number): Promise<void> {
  const ids = new Map((await db.select().from(people)).map((p) => [p.key, p.id]));
  // the X account: responsible maria.ek, substitute erik.lind, manager anna.berg; nobody is away
  const personFor: Record<string, number> = { assignee: ids.get('maria.ek')!, substitute: ids.get('erik.lind')!, manager: ids.get('anna.berg')! };
  const expected = new Map(rows.map((r) => [`reminder:${r.id}:${personFor[r.role]}`, r]));
  const missing = [...expected.keys()].filter((k) => !server.counts.has(k));
  const unexpected = [...server.counts.keys()].filter((k) => !expected.has(k));
  expect({ missing: missing.slice(0, 10), missingCount: missing.length, unexpected: unexpected.slice(0, 10), duplicates: server.duplicates.slice(0, 10) })
    .toEqual({ missing: [], missingCount: 0, unexpected: [], duplicates: [] });
  expect(server.total).toBe(rows.length);
  expect(server.failed).toBe(0);
  const statuses = rows.reduce<Record<string, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
  expect(statuses).toEqual({ sent: rows.length });
  expect(rows.filter((r) => r.attempts !== 1).length).toBe(0);
  const late = server.accepted().filter((d) => {
    const r = expected.get(d.key)!;
    return d.at! < r.dueAt.getTime() || d.at! - r.dueAt.getTime() >= step || r.sentAt?.getTime() !== d.at || r.claimedBy !== d.worker;
  });
  expect(late.slice(0, 5)).toEqual([]);
}

function report(label: string, server: NotifierServer, stats: Map<string, TickStats>, week: WeekResult, setupSeconds: number): void {
  const split = [...server.byWorker].sort().map(([w, n]) => `${w} ${n}`).join(', ');
  const ticks = [...stats].sort().map(([w, s]) => `${w}: ${s.ticks} ticks, ${s.claimed} claimed, ${s.sent} sent`).join('; ');
  console.log(`${label}: ${week.rows.length} reminders, ${week.steps} steps in ${week.seconds.toFixed(1)} s (setup ${setupSeconds.toFixed(1)} s)\n  deliveries per instance: ${split}\n  ${ticks}`);
}

describe('reminders with several instances on one database', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  if (process.env.TEST_DATABASE_URL) {
    describe('when three worker processes share one PostgreSQL database and 5,000 X inquiries arrive over a working week', () => {
      const STEP = minutes(5);
      it('delivers every planned reminder exactly once, on time, spread over the instances', async () => {
        const t0 = performance.now();
        const { url, drop } = await freshPostgresUrl();
        cleanup.push(drop);
        const clock = { time: at('2026-11-23T07:00') };
        const app = await setupApp({ url }, clock);
        cleanup.push(() => app.close());
        await seed(app, clock, arrivals(5000), 50);
        const server = await NotifierServer.start();
        cleanup.push(() => server.close());
        const simulated = await SimulatedClock.start(at('2026-11-23T00:00'));
        cleanup.push(() => simulated.close());
        const cluster = new WorkerCluster(simulated, { databaseUrl: url, notifierUrl: server.deliveriesUrl });
        for (const name of ['instance-1', 'instance-2', 'instance-3']) cluster.start(name);
        cleanup.push(() => cluster.stop());
        const setupSeconds = (performance.now() - t0) / 1000;

        const week = await runWeek(app, { advance: (t) => cluster.advance(t), stop: () => cluster.stop() }, STEP);

        report('PostgreSQL, 3 processes', server, simulated.stats, week, setupSeconds);
        expect(week.rows.length).toBe(25_000);
        await expectExactlyOnce(app.database.db, server, week.rows, STEP);
        expect(server.byWorker.size).toBeGreaterThan(1);
        for (const [w, s] of simulated.stats) expect(s.sent, w).toBe(server.byWorker.get(w) ?? 0);
      }, 240_000);
    });
  } else {
    describe('when two instances share one in-process PGlite database and 200 X inquiries arrive over a working week', () => {
      const STEP = minutes(5);
      it('delivers every planned reminder exactly once, on time, spread over both', async () => {
        const t0 = performance.now();
        const server = await NotifierServer.start();
        cleanup.push(() => server.close());
        const clock = { time: at('2026-11-23T07:00') };
        const app = await setupApp({ memory: true }, clock, new HttpNotifier({ url: server.deliveriesUrl, worker: 'pglite-a', now: () => clock.time }), 'pglite-a');
        cleanup.push(() => app.close());
        await seed(app, clock, arrivals(200), 20);
        const other = new HttpNotifier({ url: server.deliveriesUrl, worker: 'pglite-b', now: () => clock.time });
        const stats = new Map<string, TickStats>();
        const add = (w: string, r: Omit<TickStats, 'ticks'>) => {
          const s = stats.get(w) ?? { ticks: 0, claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
          stats.set(w, { ticks: s.ticks + 1, claimed: s.claimed + r.claimed, sent: s.sent + r.sent, retried: s.retried + r.retried, failed: s.failed + r.failed, cancelled: s.cancelled + r.cancelled });
        };
        const setupSeconds = (performance.now() - t0) / 1000;
        const week = await runWeek(app, {
          advance: async (t) => {
            clock.time = t;
            // whose claim reaches the database first alternates, as two instances' crons drift
            const tickA = () => app.tick(t);
            const tickB = () => runTick({ queue: app.reminders, contexts: () => contextLoader(app.database.db, app.policies, t), notifier: other, worker: 'pglite-b', logger: silent, clock: () => t }, t);
            const odd = Math.floor(t / STEP) % 2 === 1;
            const [a, b] = odd ? await Promise.all([tickA(), tickB()]) : (await Promise.all([tickB(), tickA()])).reverse() as [TickResult, TickResult];
            add('pglite-a', a);
            add('pglite-b', b);
          },
          stop: async () => {},
        }, STEP);

        report('PGlite, 2 instances in one process', server, stats, week, setupSeconds);
        expect(week.rows.length).toBe(1000);
        await expectExactlyOnce(app.database.db, server, week.rows, STEP);
        expect(server.byWorker.size).toBe(2);
      }, 120_000);
    });
  }
});
