/**
 * The app every fuzz case is sent to: every entry point mounted at once — the Meta, X and generic
 * webhooks with their real signatures, Slack (Bolt, against the fake Slack Web API), Teams
 * (botbuilder, authentication off, against the fake Bot Connector), the REST API and health — plus a
 * second app with Teams authentication on. Short timeouts, so that slow-client cases take seconds.
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { count } from 'drizzle-orm';
import { pino } from 'pino';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { genericRoutes } from '../../adapters/sources/generic/routes.js';
import { metaRoutes } from '../../adapters/sources/meta/routes.js';
import { xRoutes } from '../../adapters/sources/x/routes.js';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { createTeamsAdapter, TEAMS_NO_AUTH } from '../../adapters/teams/index.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import type { DatabaseTarget } from '../../src/db/connection.js';
import { events, inquiries } from '../../src/db/schema.js';
import type { HttpLimits } from '../../src/http/limits.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { slackSignature } from '../fakes/slack-signing.js';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../fakes/teams-connector.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { SECRETS } from '../support/app-harness.js';

export const SLACK_SECRET = 'slack-signing-secret-fuzz';
export const TEAMS_AUTH = { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'secret', tenantId: '11111111-1111-1111-1111-111111111111' };

/** Small limits, so that slow and huge cases are quick; the defaults are checked in tests/http. */
export const FUZZ_LIMITS: Partial<HttpLimits> = {
  headersTimeoutMs: 1_500,
  bodyTimeoutMs: 1_500,
  keepAliveTimeoutMs: 1_000,
  timeoutCheckIntervalMs: 250,
};

export type Made = { target: DatabaseTarget; drop?: () => Promise<void> };

export interface FuzzApp {
  /** the simulated clock, epoch ms */
  readonly now: number;
  /** the app with every entry point (Teams without authentication) */
  readonly port: number;
  /** the app with Teams authentication on */
  readonly authPort: number;
  readonly connectorUrl: string;
  /** a response_url of the fake Slack API */
  readonly slackResponseUrl: string;
  /** rows in inquiries and events, of both apps */
  stored(): Promise<{ inquiries: number; events: number }>;
  sign: Signers;
  close(): Promise<void>;
}

export interface Signers {
  meta(body: Buffer): Record<string, string>;
  x(body: Buffer): Record<string, string>;
  generic(body: Buffer): Record<string, string>;
  slack(body: Buffer): Record<string, string>;
  token(): Record<string, string>;
}

async function start(make: () => Promise<Made>, now: number, o: { slack?: FakeSlackApi; teams: 'off' | 'on'; connector: FakeTeamsConnector }): Promise<{ app: App; port: number; drop?: () => Promise<void> }> {
  const { target, drop } = await make();
  const app = await createApp({
    database: target,
    clock: { now: () => now },
    logger: pino({ level: process.env.FUZZ_LOG ?? 'silent' }),
    apiToken: SECRETS.token,
    notifier: new MemoryNotifier(() => now),
    http: FUZZ_LIMITS,
    sourceRoutes: (port) => [
      ...metaRoutes({ appSecret: SECRETS.metaApp, verifyToken: SECRETS.metaVerify }, port),
      ...xRoutes({ consumerSecret: SECRETS.x }, port),
      ...genericRoutes({ secretFor: (s) => (s === 'hofors-blogg' ? SECRETS.blog : undefined) }, port),
    ],
    chatAdapters: (rt) => [
      ...(o.slack ? [createSlackAdapter({ workspaces: [{ orgId: 'hofors', botToken: 'xoxb-test-hofors', signingSecret: SLACK_SECRET, path: '/slack/events' }] }, rt, { clientOptions: { slackApiUrl: o.slack.url } })] : []),
      createTeamsAdapter(o.teams === 'off' ? TEAMS_NO_AUTH : TEAMS_AUTH, rt),
    ],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => now };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'tests/fixtures/directory/hofors.yaml');
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  return { app, port: (app.server.address() as AddressInfo).port, ...(drop && { drop }) };
}

export async function startFuzzApp(make: () => Promise<Made>, now: number): Promise<FuzzApp> {
  const slack = await new FakeSlackApi().start();
  const connector = await startFakeTeamsConnector();
  const main = await start(make, now, { slack, teams: 'off', connector });
  const auth = await start(make, now, { teams: 'on', connector });
  const rows = async (app: App) => {
    const [i] = await app.database.db.select({ n: count() }).from(inquiries);
    const [e] = await app.database.db.select({ n: count() }).from(events);
    return { inquiries: Number(i!.n), events: Number(e!.n) };
  };
  const seconds = Math.floor(now / 1000);
  return {
    now,
    port: main.port,
    authPort: auth.port,
    connectorUrl: connector.url,
    slackResponseUrl: slack.responseUrl('fuzz'),
    stored: async () => {
      const [a, b] = [await rows(main.app), await rows(auth.app)];
      return { inquiries: a.inquiries + b.inquiries, events: a.events + b.events };
    },
    sign: {
      meta: (body) => ({ 'X-Hub-Signature-256': `sha256=${createHmac('sha256', SECRETS.metaApp).update(body).digest('hex')}` }),
      x: (body) => ({ 'X-Twitter-Webhooks-Signature': `sha256=${createHmac('sha256', SECRETS.x).update(body).digest('base64')}` }),
      generic: (body) => signGeneric(body, SECRETS.blog, seconds, 'hofors-blogg'),
      slack: (body) => ({ 'X-Slack-Request-Timestamp': String(seconds), 'X-Slack-Signature': slackSignature(SLACK_SECRET, body.toString('utf8'), seconds) }),
      token: () => ({ Authorization: `Bearer ${SECRETS.token}` }),
    },
    close: async () => {
      for (const s of [main, auth]) {
        await s.app.close();
        await s.drop?.();
      }
      await slack.close();
      await connector.close();
    },
  };
}
