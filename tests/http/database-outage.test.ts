/**
 * While the database is away, every entry point that needs it answers 503 database_unavailable with
 * Retry-After (Meta, X, Slack, Teams and generic senders deliver again), the ones that do not need it
 * go on answering, nothing is half-stored, and once the database is back the redeliveries are stored.
 * On PostgreSQL, the outage is a TCP proxy in front of the shared server taken down; the Teams and
 * Slack mappings are also checked on their own, on any database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTeamsAdapter, TEAMS_NO_AUTH } from '../../adapters/teams/index.js';
import type { ChatRuntime } from '../../src/chat/adapter.js';
import { markDatabaseError } from '../../src/db/unavailable.js';
import { TARGETS } from '../support/app-harness.js';
import { freshPostgresUrl } from '../support/databases.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { generic, meta, slack, teams, x, api, get, type Case } from '../fuzz/case.js';
import { startFuzzApp, type FuzzApp } from '../fuzz/fuzz-app.js';
import { genericMessage, metaComment, NOW, slashCommand, teamsActivity, xMention } from '../fuzz/payloads.js';

// as the driver throws it (src/db/postgres.ts marks what node-postgres throws)
const terminated = () => markDatabaseError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));

describe('a Teams turn when the database is away', () => {
  it('is answered 503 database_unavailable with Retry-After', async () => {
    const runtime = {
      deliveries: { first: () => Promise.reject(terminated()), forget: async () => {} },
      now: () => NOW,
      logger: pino({ level: 'silent' }),
    } as unknown as ChatRuntime;
    const [route] = createTeamsAdapter(TEAMS_NO_AUTH, runtime).routes;
    const activity = teamsActivity('outage-1')({ connectorUrl: 'http://127.0.0.1:9' } as FuzzApp);
    const r = await route!.handle({ method: 'POST', path: '/api/messages', query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(activity)), params: {} });
    expect(r).toMatchObject({ status: 503, headers: { 'retry-after': '10' }, body: { error: 'database_unavailable' } });
  });
});

const POSTGRES = TARGETS.filter((t) => t.name === 'PostgreSQL');

describe.each(POSTGRES)('svarstid on $name when the database goes away and comes back', () => {
  let proxy: TcpProxy;
  let f: FuzzApp;
  const drops: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    proxy = await startTcpProxy(Number(new URL(process.env.TEST_DATABASE_URL!).port || 5432));
    f = await startFuzzApp(async () => {
      const { url, drop } = await freshPostgresUrl();
      drops.push(drop);
      const through = new URL(url);
      through.port = String(proxy.port);
      return { target: { url: through.toString() } };
    }, NOW);
  });
  afterAll(async () => {
    await proxy.up().catch(() => {});
    await f?.close();
    await proxy?.close();
    for (const d of drops) await d();
  });

  const deliveries: Case[] = [
    { name: 'a Facebook comment', send: meta(metaComment('outage-c1')), status: 503, stores: 1 },
    { name: 'an X mention', send: x(xMention('outage-t1')), status: 503, stores: 1 },
    { name: 'a blog comment', send: generic(genericMessage('outage-g1')), status: 503, stores: 1 },
    { name: 'a batch of two blog comments', send: generic({ messages: [genericMessage('outage-g2'), genericMessage('outage-g3')] }), status: 503, stores: 2 },
  ];
  const others: Case[] = [
    { name: 'the inquiry list', send: api('/api/inquiries'), status: 503 },
    { name: 'an inquiry', send: api('/api/inquiries/1'), status: 503 },
    { name: 'a Slack slash command', send: slack(slashCommand('lista'), { contentType: 'application/x-www-form-urlencoded' }), status: 503 },
    { name: 'a Teams message', send: teams(teamsActivity('outage-a1')), status: 503 },
    { name: 'the deadline API (no database needed)', send: get('/api/deadline?organization=hofors&channel=x&at=2026-11-25T10:00:00Z'), status: 200 },
    { name: '/healthz', send: get('/healthz'), status: 200 },
    { name: 'a bad request (refused before the database)', send: get('/api/inquiries/%E0%A4%A'), status: 400 },
  ];

  it('stores deliveries while it is there', async () => {
    expect((await generic(genericMessage('outage-before'))(f)).status).toBe(200);
  });

  describe('while it is away', () => {
    beforeAll(() => proxy.down());
    it.each([...deliveries, ...others].map((c) => [c.name, c] as const))('%s', async (_n, c) => {
      const a = await c.send(f);
      expect(a.status, a.text).toBe(c.status);
      if (c.status === 503) {
        expect(a.headers['retry-after']).toBe('10');
        expect(a.json).toMatchObject({ error: 'database_unavailable', message: expect.stringMatching(/send it again in 10 seconds/) });
      }
    });
  });

  describe('when it is back', () => {
    beforeAll(() => proxy.up());
    it('stores every delivery answered 503 when it is redelivered, once', async () => {
      const before = await f.stored();
      for (const c of deliveries) {
        let a = await c.send(f);
        // the first query after the outage may still meet a connection the driver has not yet seen closed
        for (let i = 0; i < 5 && a.status === 503; i++) a = await c.send(f);
        expect(a.status, `${c.name}: ${a.text}`).toBe(200);
      }
      const after = await f.stored();
      expect(after.inquiries - before.inquiries).toBe(deliveries.reduce((n, c) => n + (c.stores ?? 0), 0));
      for (const c of deliveries) expect((await c.send(f)).json).toMatchObject({ received: 0 });
    });
  });
});
