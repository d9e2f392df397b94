/**
 * A svarstid app with the real Slack adapter (Bolt) for Hofors, talking to a fake Slack Web API, on a
 * free port with a settable clock. Slash commands, button presses and modal submissions are posted
 * signed exactly as Slack signs them.
 */
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createSlackAdapter, type SlackConfig } from '../../../adapters/slack/index.js';
import { applyDirectoryFile, applyPolicyFile } from '../../../src/admin/apply.js';
import { createApp, type App } from '../../../src/app.js';
import type { DatabaseTarget } from '../../../src/db/connection.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { commandBody, FORM, interactionBody, JSON_TYPE, postSigned } from '../../fakes/slack-signing.js';

export const SECRET = 'slack-signing-secret-hofors';
export const BOT_TOKEN = 'xoxb-test-hofors';
/** directory/hofors.yaml */
export const ANNA = 'U01HOF0001';
export const ERIK = 'U01HOF0002';
export const MARIA = 'U01HOF0003';
export const STRANGER = 'U09NOTHERE';
/** directory/hofors.yaml's Facebook page (responsible: Erik Lind) and X account (Maria Ek) */
export const FACEBOOK = '104000000000001';
export const X = '1400000000000000001';

export const at = (local: string): number => new Date(`${local}+01:00`).getTime();

export interface SlackHarness {
  readonly app: App;
  readonly fake: FakeSlackApi;
  readonly base: string;
  time: number;
  /** `/svarstid <text>` from a Slack user; the reply is what the fake's response_url `name` records */
  command(userId: string, text: string, o?: { name?: string; triggerId?: string; headers?: Record<string, string> }): Promise<{ status: number; text: string; ms: number; headers: Headers }>;
  interact(payload: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  event(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** a citizen's question through the real ingest path; returns its id */
  inquiry(o?: { account?: string; channel?: 'facebook' | 'x' | 'chat'; text?: string; externalId?: string }): Promise<number>;
  /** the response_url posts recorded under `name` */
  replies(name: string): any[];
  close(): Promise<void>;
}

let counter = 0;

export interface HarnessOptions {
  /** the database (default in-memory PGlite); see TARGETS in tests/support/app-harness.ts */
  readonly make?: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }>;
  readonly time?: number;
  readonly config?: SlackConfig;
  /** more organizations to apply besides hofors (policies/<org>.yaml, directory/<org>.yaml) */
  readonly orgs?: readonly string[];
  readonly fake?: FakeSlackApi;
}

export async function startSlackHarness(o: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = o.fake ?? (await new FakeSlackApi().start());
  const made: { target: DatabaseTarget; drop?: () => Promise<void> } = o.make ? await o.make() : { target: { memory: true } };
  const { target, drop } = made;
  const time = o.time ?? at('2026-11-24T09:00');
  const h = { time } as SlackHarness;
  const cfg = o.config ?? { workspaces: [{ orgId: 'hofors', botToken: BOT_TOKEN, signingSecret: SECRET, path: '/slack/events' }] };
  const app = await createApp({
    database: target,
    clock: { now: () => h.time },
    logger: pino({ level: 'silent' }),
    apiToken: 'token',
    sourceRoutes: () => [],
    chatAdapters: (rt) => [createSlackAdapter(cfg, rt, { clientOptions: { slackApiUrl: fake.url } })],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => h.time };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'directory/hofors.yaml');
  for (const org of o.orgs ?? []) {
    await applyPolicyFile(admin, `policies/${org}.yaml`);
    await applyDirectoryFile(admin, `directory/${org}.yaml`);
  }
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const sign = (contentType: string, headers?: Record<string, string>) => ({ secret: SECRET, nowMs: h.time, contentType, ...(headers && { headers }) });
  return Object.assign(h, {
    app,
    fake,
    base,
    command: (userId: string, text: string, c: { name?: string; triggerId?: string; headers?: Record<string, string> } = {}) =>
      postSigned(`${base}/slack/events`, commandBody({ text, userId, responseUrl: fake.responseUrl(c.name ?? 'cmd'), ...(c.triggerId && { triggerId: c.triggerId }) }), sign(FORM, c.headers)),
    interact: (payload: unknown, headers?: Record<string, string>) => postSigned(`${base}/slack/events`, interactionBody(payload), sign(FORM, headers)),
    event: (body: unknown, headers?: Record<string, string>) => postSigned(`${base}/slack/events`, JSON.stringify(body), sign(JSON_TYPE, headers)),
    inquiry: async (q: { account?: string; channel?: 'facebook' | 'x' | 'chat'; text?: string; externalId?: string } = {}) => {
      const message = {
        source: 'meta' as const,
        channel: q.channel ?? ('facebook' as const),
        accountExternalId: q.account ?? FACEBOOK,
        externalId: q.externalId ?? `c-${++counter}`,
        author: { name: 'Karin Svensson' },
        text: q.text ?? 'När töms soporna på Storgatan?',
        url: 'https://www.facebook.com/hoforskommun/posts/1?comment_id=2',
        receivedAt: h.time,
        raw: {},
      };
      const r = await app.ingest.ingest([{ kind: 'message', message }]);
      return r.received[0]!;
    },
    replies: (name: string) => fake.responses.filter((r) => r.name === name).map((r) => r.body),
    close: async () => {
      await app.close();
      await fake.close();
      await drop?.();
    },
  });
}

/** Waits until `check` holds (the work after an ack runs in the background); fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A block_actions payload: a button pressed on a DM message (or on App Home). */
export function buttonPayload(o: { userId: string; actionId: string; inquiryId: number; channel?: string; ts?: string; home?: boolean; triggerId?: string; responseUrl?: string; value?: string }): unknown {
  const element = { type: 'button', action_id: o.actionId, block_id: `svarstid:inquiry:${o.inquiryId}:0a1b2c3d`, value: o.value ?? String(o.inquiryId), text: { type: 'plain_text', text: 'x' }, action_ts: '1700000001.000200' };
  const channel = o.channel ?? `D${o.userId}`;
  const ts = o.ts ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: o.userId, username: o.userId.toLowerCase(), team_id: 'T0HOFORS' },
    api_app_id: 'A0SVARSTID',
    token: 'deprecated',
    team: { id: 'T0HOFORS', domain: 'hofors' },
    trigger_id: o.triggerId ?? `trigger-${++counter}`,
    ...(o.home
      ? { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } }
      : {
          container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
          channel: { id: channel, name: 'directmessage' },
          message: { type: 'message', ts, text: 'påminnelse', blocks: [] },
          ...(o.responseUrl && { response_url: o.responseUrl }),
        }),
    actions: [element],
  };
}

/** A view_submission payload of one of svarstid's modals. */
export function submissionPayload(o: { userId: string; callbackId: string; privateMetadata: string; values: Record<string, Record<string, unknown>>; triggerId?: string }): unknown {
  return {
    type: 'view_submission',
    team: { id: 'T0HOFORS', domain: 'hofors' },
    user: { id: o.userId, username: o.userId.toLowerCase(), team_id: 'T0HOFORS' },
    api_app_id: 'A0SVARSTID',
    token: 'deprecated',
    trigger_id: o.triggerId ?? `trigger-${++counter}`,
    view: { id: 'VMODAL', type: 'modal', callback_id: o.callbackId, private_metadata: o.privateMetadata, state: { values: o.values }, hash: 'h' },
    response_urls: [],
  };
}
