/**
 * One svarstid deployment serving several seed municipalities (policies/ and directory/), on real
 * HTTP with real signatures and a settable clock: the generic sources of the seed directories with
 * their secrets, the Meta and X webhooks, and a REST API token per organization plus an admin token
 * made the way `svarstid token create` makes them.
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { genericRoutes } from '../../adapters/sources/generic/routes.js';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { metaRoutes } from '../../adapters/sources/meta/routes.js';
import { xRoutes } from '../../adapters/sources/x/routes.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import type { DatabaseTarget } from '../../src/db/connection.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';

/** The secrets of the generic sources: those the seed directories bind, and one no directory names. */
export const SOURCE_SECRETS: Readonly<Record<string, string>> = {
  'hofors-blogg': 'hemlis-hofors-blogg',
  'hofors-chatt': 'hemlis-hofors-chatt',
  'arvidsjaur-blogg': 'hemlis-arvidsjaur-blogg',
  'arvidsjaur-chatt': 'hemlis-arvidsjaur-chatt',
  'hultsfred-forum': 'hemlis-hultsfred-forum',
  /** configured on the server, bound to no account */
  'gavle-blogg': 'hemlis-gavle-blogg',
};
export const META_SECRET = 'meta-app-secret-tenancy';
export const ENV_ADMIN_TOKEN = 'svarstid-env-admin-token-for-tests';

export interface Reply {
  readonly status: number;
  readonly body: any;
}

export interface TenancyHarness {
  readonly app: App;
  readonly base: string;
  time: number;
  /** a token of each organization, and `admin` (a stored deployment-admin token) */
  readonly tokens: Readonly<Record<string, string>>;
  /** a generic delivery signed with `source`'s secret */
  generic(source: string, body: unknown): Promise<Reply>;
  /** a Meta delivery, signed with the app secret */
  meta(body: unknown): Promise<Reply>;
  /** GET with a bearer token (or none) */
  api(path: string, token?: string): Promise<Reply>;
  /** POST JSON with a bearer token */
  apiPost(path: string, body: unknown, token?: string): Promise<Reply>;
  /** every inquiry in the deployment (read with the admin token) */
  all(): Promise<any[]>;
  close(): Promise<void>;
}

export async function startTenancyHarness(
  make: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }>,
  o: { time: number; orgs: readonly string[] },
): Promise<TenancyHarness> {
  const { target, drop } = await make();
  const h = { time: o.time } as TenancyHarness;
  const app = await createApp({
    database: target,
    clock: { now: () => h.time },
    logger: pino({ level: 'silent' }),
    apiToken: ENV_ADMIN_TOKEN,
    notifier: new MemoryNotifier(() => h.time),
    sourceRoutes: (port) => [
      ...metaRoutes({ appSecret: META_SECRET, verifyToken: 'verify' }, port),
      ...xRoutes({ consumerSecret: 'x-secret' }, port),
      ...genericRoutes({ secretFor: (s) => SOURCE_SECRETS[s] }, port),
    ],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => h.time };
  for (const org of o.orgs) await applyPolicyFile(admin, `policies/${org}.yaml`);
  for (const org of o.orgs) await applyDirectoryFile(admin, `directory/${org}.yaml`);
  const tokens: Record<string, string> = {};
  for (const org of o.orgs) tokens[org] = (await app.tokens.create(org, 'tenancy tests', h.time)).token;
  tokens.admin = (await app.tokens.create(null, 'it', h.time)).token;
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = async (path: string, init: RequestInit): Promise<Reply> => {
    const res = await fetch(base + path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  };
  const auth = (token?: string): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });
  return Object.assign(h, {
    app,
    base,
    tokens,
    generic: (source: string, body: unknown) => {
      const raw = JSON.stringify(body);
      return call('/webhooks/generic', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', ...signGeneric(raw, SOURCE_SECRETS[source] ?? 'unknown', Math.floor(h.time / 1000), source) } });
    },
    meta: (body: unknown) => {
      const raw = JSON.stringify(body);
      return call('/webhooks/meta', { method: 'POST', body: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', META_SECRET).update(raw).digest('hex')}` } });
    },
    api: (path: string, token?: string) => call(path, { method: 'GET', headers: auth(token) }),
    apiPost: (path: string, body: unknown, token?: string) => call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...auth(token) } }),
    all: async () => (await call('/api/inquiries?limit=1000', { method: 'GET', headers: auth(tokens.admin) })).body.inquiries,
    close: async () => {
      await app.close();
      await drop?.();
    },
  });
}

let counter = 0;

/** A Facebook Page comment as Meta delivers it (feed change), to the page `pageId`. */
export function facebookComment(pageId: string, o: { commentId?: string; text?: string; createdTime: number }): { body: unknown; commentId: string } {
  const commentId = o.commentId ?? `${900_000 + ++counter}_${1_523_847_561_000_000 + counter}`;
  const post = `${pageId}_81234567890${counter}`;
  return {
    commentId,
    body: {
      object: 'page',
      entry: [
        {
          id: pageId,
          time: Math.floor(o.createdTime / 1000),
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: `73910284756${counter}`, name: 'Karin Svensson' },
                post: { status_type: 'mobile_status_update', is_published: true, id: post },
                message: o.text ?? 'Hej! När töms soporna?',
                post_id: post,
                comment_id: commentId,
                created_time: Math.floor(o.createdTime / 1000),
                item: 'comment',
                parent_id: post,
                verb: 'add',
              },
            },
          ],
        },
      ],
    },
  };
}
