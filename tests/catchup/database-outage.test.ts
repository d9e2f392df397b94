/**
 * Catch-up while the database is away (docs/storage.md): a pass that cannot reach PostgreSQL does not
 * end the process, is logged once (and its end once), reads nothing it could not store, and the next
 * pass after the outage stores what was missed. A run cut short keeps its lease until the lease ends,
 * then another instance takes the account over.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CatchupStore } from '../../src/db/catchup-store.js';
import { inquiries } from '../../src/db/schema.js';
import { startCatchup } from '../../src/reminders/scheduler.js';
import { at } from '../support/calendar-builder.js';
import { PAGE_ID, SHARED_DATABASES, world, type World } from '../support/catchup-harness.js';
import { freshPostgresUrl } from '../support/databases.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const MIN = 60_000;
let w: World | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await proxy?.up();
  await w?.close();
  await proxy?.close();
  w = undefined;
  proxy = undefined;
});

const POSTGRES = process.env.TEST_DATABASE_URL ? ['PostgreSQL through a proxy the test takes down'] : [];

for (const name of POSTGRES) {
  describe(`catch-up during a database outage (${name})`, () => {
    it('logs once, does not crash, and the first pass after the outage stores what was missed', async () => {
      w = await world(async () => {
        const { url, drop } = await freshPostgresUrl();
        const u = new URL(url);
        proxy = await startTcpProxy(Number(u.port || 5432), u.hostname);
        u.port = String(proxy.port);
        return { target: { url: u.toString() }, drop };
      }, at('2026-11-24T09:00'));
      const post = w.graph.state.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      const app = (await w.start()).app;
      const lines: Array<{ msg: string; level: number }> = [];
      const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
      // a schedule that never fires by itself: the test runs the passes on its simulated clock
      const scheduler = startCatchup(app.catchup!, logger, () => w!.time, '0 0 1 1 *');
      try {
        await scheduler.started;
        expect(w.graph.calls('GET', /\/feed$/)).toHaveLength(1);

        w.graph.state.addComment(post.id, { id: '7391028475610293', name: 'Karin Svensson' }, 'När öppnar biblioteket?', at('2026-11-24T09:05'));
        await proxy!.down();
        w.time = at('2026-11-24T09:16');
        await scheduler.pass(false);
        w.time = at('2026-11-24T09:17');
        await scheduler.pass(false);
        expect(lines.filter((l) => /catch-up: the database does not answer/.test(l.msg))).toHaveLength(1);
        expect(lines.filter((l) => l.level >= 50)).toEqual([]);
        expect(w.graph.calls('GET', /\/feed$/)).toHaveLength(1); // nothing read that could not be stored

        await proxy!.up();
        w.time = at('2026-11-24T09:18');
        await scheduler.pass(false);
        expect(lines.filter((l) => /catch-up: the database answers again/.test(l.msg))).toHaveLength(1);
        const rows = await app.database.db.select().from(inquiries);
        expect(rows.map((r) => [r.channel, r.receivedAt.getTime()])).toEqual([['facebook', at('2026-11-24T09:05')]]);
      } finally {
        scheduler.stop();
      }
    });
  });
}

for (const db of SHARED_DATABASES) {
  describe(`an account's lease (${db.name})`, () => {
    it('a run cut short holds the account until its lease ends; then another instance takes it over', async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      const app = (await w.start()).app;
      const store = new CatchupStore(app.database.db);
      const [account] = (await store.accounts()).filter((a) => a.key === 'facebook');
      const t = w.time;
      expect(await store.claim(account!.id, 'dies-midway', t, 10 * MIN)).toMatchObject({ cursor: {}, lastRunAt: null });
      // never finished: the other instance waits for the lease, even on its start
      expect(await store.claim(account!.id, 'other', t + 5 * MIN, 10 * MIN, t)).toBeUndefined();
      expect(await store.claim(account!.id, 'other', t + 11 * MIN, 10 * MIN)).toMatchObject({ lastRunAt: null });
      // the dead worker's late finish changes nothing
      await store.finish(account!.id, 'dies-midway', { cursor: { seenUntil: 1 }, lastRunAt: t, nextRunAt: t, failures: 0, notices: [] });
      await store.finish(account!.id, 'other', { cursor: { seenUntil: t + 6 * MIN }, lastRunAt: t + 11 * MIN, nextRunAt: t + 26 * MIN, failures: 0, notices: ['webhook_missed'] });
      expect(await store.claim(account!.id, 'third', t + 27 * MIN, 10 * MIN)).toEqual({ cursor: { seenUntil: t + 6 * MIN }, lastRunAt: t + 11 * MIN, failures: 0, notices: ['webhook_missed'] });
    });
  });
}
