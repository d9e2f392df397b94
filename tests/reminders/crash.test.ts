/**
 * Nothing lost, nothing twice, when an instance dies or the chat platform fails (DESIGN.md
 * convention 7). A claim is a 5-minute lease: an instance that dies between claiming and sending
 * leaves its reminders claimed, and another instance takes them over once the lease has passed. A
 * failed send is retried with backoff (30 s, 1 min, 2 min, …; a longer Retry-After wins).
 *
 * On PostgreSQL (TEST_DATABASE_URL) the instances are worker processes and the crash is a real
 * SIGKILL right after the claim; on PGlite they run in this process and the crash is the claim
 * statement a dead instance ran, with nothing after it.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import { contextLoader } from '../../src/db/context-store.js';
import { people, reminders } from '../../src/db/schema.js';
import type { ChatNotifier } from '../../src/reminders/model.js';
import { backoff, runTick } from '../../src/reminders/tick.js';
import { HttpNotifier } from '../fakes/http-notifier.js';
import { NotifierServer } from '../fakes/notifier-server.js';
import { at, minutes } from '../support/calendar-builder.js';
import { freshPostgresUrl } from '../support/databases.js';
import { SimulatedClock, WorkerCluster } from './scheduler-worker.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const X_ACCOUNT = '1400000000000000001';
const LEASE = minutes(5);
const silent = pino({ level: 'silent' });
const neverSends: ChatNotifier = { send: async () => { throw new Error('the test process does not send'); } };

/** The app, the fake platform, and instances ticking on simulated time. */
interface World {
  readonly app: App;
  readonly server: NotifierServer;
  /** starts instances (each ticks once per `advance`) */
  start(names: string[]): void;
  /** one tick of every instance at t */
  advance(t: number): Promise<void>;
  /** an instance claims what is due at t and dies before sending */
  crash(t: number): Promise<void>;
  close(): Promise<void>;
}

async function openApp(database: { url: string } | { memory: true }, clock: { time: number }): Promise<App> {
  const app = await createApp({ database, clock: { now: () => clock.time }, logger: silent, apiToken: 'unused', sourceRoutes: () => [], notifier: neverSends, worker: 'test-setup' });
  const admin = { directory: app.directory, policies: app.policies, now: () => clock.time };
  await applyPolicyFile(admin, `${ROOT}policies/hofors.yaml`);
  await applyDirectoryFile(admin, `${ROOT}directory/hofors.yaml`);
  return app;
}

const WORLDS: Array<{ name: string; open: () => Promise<World> }> = [
  ...(process.env.TEST_DATABASE_URL
    ? [{
        name: 'PostgreSQL, worker processes',
        open: async (): Promise<World> => {
          const { url, drop } = await freshPostgresUrl();
          const app = await openApp({ url }, { time: at('2026-11-23T07:00') });
          const server = await NotifierServer.start();
          const clock = await SimulatedClock.start(0);
          const cluster = new WorkerCluster(clock, { databaseUrl: url, notifierUrl: server.deliveriesUrl });
          return {
            app, server,
            start: (names) => names.forEach((n) => cluster.start(n)),
            advance: (t) => cluster.advance(t),
            crash: async (t) => {
              const w = cluster.start('crasher', true);
              await cluster.advance(t);
              expect(await w.exited).toEqual({ code: null, signal: 'SIGKILL' });
              expect(w.output()).toContain('crashing after claim');
            },
            close: async () => {
              await cluster.stop();
              await clock.close();
              await server.close();
              await app.close();
              await drop();
            },
          };
        },
      }]
    : []),
  {
    name: 'PGlite, in-process instances',
    open: async (): Promise<World> => {
      const app = await openApp({ memory: true }, { time: at('2026-11-23T07:00') });
      const server = await NotifierServer.start();
      const instances: Array<{ name: string; notifier: HttpNotifier }> = [];
      let now = 0;
      return {
        app, server,
        start: (names) => names.forEach((name) => instances.push({ name, notifier: new HttpNotifier({ url: server.deliveriesUrl, worker: name, now: () => now }) })),
        advance: async (t) => {
          now = t;
          await Promise.all(instances.map((i) => runTick({ queue: app.reminders, contexts: () => contextLoader(app.database.db, app.policies, t), notifier: i.notifier, worker: i.name, logger: silent, clock: () => t }, t)));
        },
        crash: async (t) => {
          // what the dead instance's tick did, and nothing more
          await app.reminders.supersedeStale(t);
          await app.reminders.claimDue(t, 'crasher', LEASE, 200);
        },
        close: async () => {
          await server.close();
          await app.close();
        },
      };
    },
  },
];

/** `n` X inquiries through the real ingest path, one a minute from Mon 2026-11-23 09:00: 5 reminders each. */
async function inquiries(app: App, n: number): Promise<void> {
  for (let k = 0; k < n; k++) {
    const receivedAt = at('2026-11-23T09:00') + minutes(k);
    const message = { source: 'x' as const, channel: 'x' as const, accountExternalId: X_ACCOUNT, externalId: `crash-${k}`, author: { id: `c${k}` }, text: `Fråga ${k}`, receivedAt, raw: {} };
    await app.ingest.ingest([{ kind: 'message', message }]);
  }
}

/**
 * The keys the reminders due at `t` must be delivered under (the X account: maria.ek, erik.lind,
 * anna.berg). All five moments of each inquiry are due at once here, so the tick's first step marks
 * all but the most advanced per role superseded (tests/reminders/stale.test.ts): it is taken here,
 * and what is left, 3 per inquiry (assignee and substitute at the deadline, the manager's
 * escalation), is what must go out, each once.
 */
async function expectedKeys(app: App, t: number): Promise<Map<string, typeof reminders.$inferSelect>> {
  await app.reminders.supersedeStale(t);
  const ids = new Map((await app.database.db.select().from(people)).map((p) => [p.key, p.id]));
  const personFor: Record<string, number> = { assignee: ids.get('maria.ek')!, substitute: ids.get('erik.lind')!, manager: ids.get('anna.berg')! };
  const rows = (await app.database.db.select().from(reminders)).filter((r) => r.status !== 'superseded');
  return new Map(rows.map((r) => [`reminder:${r.id}:${personFor[r.role]}`, r]));
}

function expectEachOnce(server: NotifierServer, keys: Map<string, unknown>): void {
  expect({ missing: [...keys.keys()].filter((k) => !server.counts.has(k)), unexpected: [...server.counts.keys()].filter((k) => !keys.has(k)), duplicates: server.duplicates })
    .toEqual({ missing: [], unexpected: [], duplicates: [] });
  expect(server.total).toBe(keys.size);
}

describe.each(WORLDS)('reminder delivery on $name', ({ open }) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  describe('when an instance dies between claiming reminders and sending them', () => {
    it('leaves them claimed for the lease, then another instance takes them over and each goes out once', async () => {
      world = await open();
      const { app, server } = world;
      await inquiries(app, 70);
      const T = at('2026-11-24T13:00'); // all 350 reminders of Monday's 70 inquiries are due; 210 are not superseded
      const keys = await expectedKeys(app, T);
      expect(keys.size).toBe(210);
      expect([...keys.values()].every((r) => r.dueAt.getTime() <= T)).toBe(true);

      await world.crash(T);
      let rows = await app.database.db.select().from(reminders);
      const abandoned = rows.filter((r) => r.claimedBy === 'crasher');
      expect(abandoned.length).toBe(200); // one batch
      expect(abandoned.every((r) => r.status === 'pending' && r.attempts === 1 && r.claimedUntil?.getTime() === T + LEASE)).toBe(true);
      expect(server.total).toBe(0);

      world.start(['survivor']);
      await world.advance(T + minutes(2)); // within the lease: only the 10 nobody claimed
      expect(server.total).toBe(10);
      expect([...server.counts.keys()].every((k) => !abandoned.some((r) => k.startsWith(`reminder:${r.id}:`)))).toBe(true);
      await world.advance(T + LEASE); // the lease runs until T + 5 min: not yet passed
      expect(server.total).toBe(10);
      await world.advance(T + LEASE + minutes(1));

      expectEachOnce(server, keys);
      rows = (await app.database.db.select().from(reminders)).filter((r) => r.status !== 'superseded');
      expect(rows.every((r) => r.status === 'sent' && r.claimedBy === 'survivor')).toBe(true);
      expect(rows.filter((r) => r.attempts === 2).map((r) => r.id).sort()).toEqual(abandoned.map((r) => r.id).sort());
    }, 60_000);
  });

  describe('when the chat platform fails the first 250 requests', () => {
    it('retries each reminder after 30 s, 1 min, 2 min … and delivers every one once in the end', async () => {
      world = await open();
      const { app, server } = world;
      await inquiries(app, 50);
      const T = at('2026-11-24T13:00');
      const keys = await expectedKeys(app, T);
      expect(keys.size).toBe(150);
      server.failFirst(250);
      world.start(['instance-1', 'instance-2']);
      const STEP = 10_000;
      for (let t = T; server.total < keys.size && t <= T + minutes(30); t += STEP) await world.advance(t);

      expectEachOnce(server, keys);
      expect(server.failed).toBe(250);
      const rows = (await app.database.db.select().from(reminders)).filter((r) => r.status !== 'superseded');
      expect(rows.every((r) => r.status === 'sent' && r.lastError === null)).toBe(true);
      // per reminder: attempts in the database = requests at the platform, and the gaps follow the backoff
      const byKey = new Map<string, number[]>();
      for (const a of server.attempts) byKey.set(a.delivery.key, [...(byKey.get(a.delivery.key) ?? []), a.delivery.at!]);
      const wrong: string[] = [];
      for (const [key, r] of await expectedKeys(app, T)) {
        const times = byKey.get(key)!;
        if (times.length !== r.attempts) wrong.push(`${key}: ${times.length} requests, attempts ${r.attempts}`);
        times.slice(1).forEach((t, k) => {
          const gap = t - times[k]!;
          if (gap < backoff(k + 1) || gap >= backoff(k + 1) + STEP) wrong.push(`${key}: retry ${k + 1} after ${gap / 1000} s`);
        });
      }
      expect(wrong).toEqual([]);
      expect(Math.max(...rows.map((r) => r.attempts))).toBe(3); // 150 + 100 failures, then success
    }, 60_000);

    it('waits as long as a 429 Retry-After says when that is longer than the backoff', async () => {
      world = await open();
      const { app, server } = world;
      await inquiries(app, 4);
      const T = at('2026-11-24T13:00');
      const keys = await expectedKeys(app, T);
      server.failFirst(keys.size, { status: 429, retryAfterSeconds: 300 });
      world.start(['instance-1']);
      await world.advance(T);
      expect(server.failed).toBe(keys.size);
      const rows = (await app.database.db.select().from(reminders)).filter((r) => r.status !== 'superseded');
      expect(rows.every((r) => r.status === 'pending' && r.nextAttemptAt.getTime() === T + minutes(5) && r.claimedBy === null && /429/.test(r.lastError ?? ''))).toBe(true);
      await world.advance(T + minutes(1)); // past the 30 s backoff, not past Retry-After
      await world.advance(T + minutes(5) - 1);
      expect(server.attempts.length).toBe(keys.size);
      await world.advance(T + minutes(5));
      expectEachOnce(server, keys);
    }, 60_000);
  });
});
