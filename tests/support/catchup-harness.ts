/**
 * svarstid instances with catch-up for tests: the fake Graph API and fake X API (real HTTP, the
 * documented wire formats) filled with Hofors' page, Instagram account and X account; apps on one
 * shared database (PGlite in-process, or a fresh PostgreSQL database) that can be stopped and started
 * like svarstid itself, each with its real webhook routes, a simulated clock and a memory notifier.
 */
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { metaRoutes } from '../../adapters/sources/meta/routes.js';
import { xRoutes } from '../../adapters/sources/x/routes.js';
import { platformClients } from '../../adapters/sources/platform-clients.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.js';
import { accountCredentials } from '../../src/platform/account-credentials.js';
import { credentialSource } from '../../src/platform/credentials.js';
import { FakeGraphApi } from '../fakes/graph-api/server.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { FAKE_X_APP, FakeXApi } from '../fakes/x-api/server.js';
import { freshPostgresUrl } from './databases.js';
import { SECRETS } from './app-harness.js';

export const PAGE_ID = '104857331234567';
export const IG_ID = '17841400000000001';
export const X_ID = '289337474';
export const PAGE_TOKEN = 'EAAG-hofors-page-token-1';
export const X_TOKEN = { access: '289337474-hoforsAccessToken', secret: 'hofors-access-token-secret' };

/** One database for several instances; `drop` closes or drops it once, at the end. */
export const SHARED_DATABASES: Array<{ name: string; make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }> = [
  {
    name: 'PGlite',
    make: async () => {
      const database = await openDatabase({ memory: true });
      return { target: { open: { ...database, close: async () => {} } }, drop: () => database.close() };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', make: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url } as DatabaseTarget, drop }; } }]
    : []),
];

export interface World {
  /** the simulated clock, epoch ms: the fakes and every instance read it */
  time: number;
  readonly graph: FakeGraphApi;
  readonly x: FakeXApi;
  readonly target: DatabaseTarget;
  /** what the accounts' credential references resolve to (mutable: a test may change a token) */
  readonly env: Record<string, string | undefined>;
  readonly notifier: MemoryNotifier;
  readonly log: Array<{ level: number; msg: string; [k: string]: unknown }>;
  /** starts an instance (svarstid started) */
  start(worker?: string): Promise<Instance>;
  close(): Promise<void>;
}

export interface Instance {
  readonly app: App;
  readonly base: string;
  post(path: string, body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: any }>;
  /** svarstid stopped */
  stop(): Promise<void>;
}

/** A further organization to apply beside Hofors: its policy and directory files. */
export interface ExtraOrganization {
  readonly policy: string;
  readonly directory: string;
}

export async function world(make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }>, time: number, extra: readonly ExtraOrganization[] = []): Promise<World> {
  const { target, drop } = await make();
  const w = { time } as World;
  const graph = new FakeGraphApi(() => w.time);
  const x = new FakeXApi(() => w.time);
  await graph.start();
  await x.start();
  graph.state.addPage({ id: PAGE_ID, name: 'Hofors kommun', token: PAGE_TOKEN, igUserId: IG_ID });
  x.state.addAccount({ id: X_ID, username: 'hoforskommun', name: 'Hofors kommun' }, X_TOKEN.access, X_TOKEN.secret);
  const env: Record<string, string | undefined> = { HOFORS_PAGE_TOKEN: PAGE_TOKEN, HOFORS_X_TOKEN: `${X_TOKEN.access}:${X_TOKEN.secret}` };
  const notifier = new MemoryNotifier(() => w.time);
  const log: World['log'] = [];
  const logger: Logger = pino({ level: 'info' }, { write: (s: string) => void log.push(JSON.parse(s)) });
  const running: Instance[] = [];
  let applied = false;
  const start = async (worker = 'instance-1'): Promise<Instance> => {
    const app = await createApp({
      database: target,
      clock: { now: () => w.time },
      logger,
      notifier,
      worker,
      credentials: { lookup: (a) => accountCredentials(credentialSource(env)).lookup(a) },
      platforms: platformClients({ graphApiUrl: graph.url, xApiUrl: x.url, xConsumerKey: FAKE_X_APP.consumerKey, xConsumerSecret: FAKE_X_APP.consumerSecret, timeoutMs: 5000, now: () => w.time }),
      sourceRoutes: (port) => [...metaRoutes({ appSecret: SECRETS.metaApp, verifyToken: SECRETS.metaVerify }, port), ...xRoutes({ consumerSecret: SECRETS.x }, port)],
    });
    if (!applied) {
      const admin = { directory: app.directory, policies: app.policies, now: () => w.time };
      await applyPolicyFile(admin, 'policies/hofors.yaml');
      await applyDirectoryFile(admin, 'tests/fixtures/directory/hofors-catchup.yaml');
      for (const e of extra) {
        await applyPolicyFile(admin, e.policy);
        await applyDirectoryFile(admin, e.directory);
      }
      await app.reloadPolicies();
      applied = true;
    } else await app.reloadPolicies();
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const instance: Instance = {
      app,
      base,
      post: async (path, body, headers) => {
        const res = await fetch(base + path, { method: 'POST', body: body as unknown as BodyInit, headers: { 'content-type': 'application/json', ...headers } });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      },
      stop: async () => {
        running.splice(running.indexOf(instance), 1);
        await app.close();
      },
    };
    running.push(instance);
    return instance;
  };
  return Object.assign(w, {
    graph, x, target, env, notifier, log, start,
    close: async () => {
      for (const i of [...running]) await i.stop();
      await graph.stop();
      await x.stop();
      await drop();
    },
  });
}
