/** A running svarstid app for end-to-end tests: real HTTP on a free port, a settable clock, real signatures. */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { genericRoutes } from '../../adapters/sources/generic/routes.js';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { metaRoutes } from '../../adapters/sources/meta/routes.js';
import { xRoutes } from '../../adapters/sources/x/routes.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import type { DatabaseTarget } from '../../src/db/connection.js';
import { freshPostgresUrl } from './databases.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';

export const SECRETS = { metaApp: 'meta-app-secret', metaVerify: 'verify-me', x: 'x-consumer-secret', blog: 'blogg-hemlighet', token: 'api-token-for-tests' };

export interface Harness {
  readonly app: App;
  readonly base: string;
  /** the simulated clock, epoch ms */
  time: number;
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  api(path: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export const TARGETS: Array<{ name: string; target: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }> }> = [
  { name: 'PGlite', target: async () => ({ target: { memory: true } }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', target: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url }, drop }; } }]
    : []),
];

export async function startHarness(make: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }>, time: number): Promise<Harness> {
  const { target, drop } = await make();
  const h = { time } as Harness;
  const app = await createApp({
    database: target,
    clock: { now: () => h.time },
    logger: pino({ level: 'silent' }),
    apiToken: SECRETS.token,
    notifier: new MemoryNotifier(() => h.time),
    sourceRoutes: (port) => [
      ...metaRoutes({ appSecret: SECRETS.metaApp, verifyToken: SECRETS.metaVerify }, port),
      ...xRoutes({ consumerSecret: SECRETS.x }, port),
      ...genericRoutes({ secretFor: (s) => (s === 'hofors-blogg' ? SECRETS.blog : undefined) }, port),
    ],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => h.time };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'tests/fixtures/directory/hofors.yaml');
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = async (path: string, init: RequestInit) => {
    const res = await fetch(base + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* text/plain answers (Meta's challenge) */
    }
    return { status: res.status, body };
  };
  return Object.assign(h, {
    app,
    base,
    post: (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
      call(path, { method: 'POST', body: body as unknown as BodyInit, headers: { 'content-type': 'application/json', ...headers } }),
    get: (path: string, headers: Record<string, string> = {}) => call(path, { method: 'GET', headers }),
    api: (path: string) => call(path, { method: 'GET', headers: { authorization: `Bearer ${SECRETS.token}` } }),
    close: async () => {
      await app.close();
      await drop?.();
    },
  });
}

export const fixture = (path: string): Buffer => readFileSync(`tests/fixtures/${path}`);

export const metaHeaders = (body: Buffer | string, secret = SECRETS.metaApp) => ({
  'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
});
export const xHeaders = (body: Buffer | string, secret = SECRETS.x) => ({
  'x-twitter-webhooks-signature': `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`,
});
export const genericHeaders = (body: Buffer | string, nowMs: number, source = 'hofors-blogg', secret = SECRETS.blog) =>
  signGeneric(body, secret, Math.floor(nowMs / 1000), source);
