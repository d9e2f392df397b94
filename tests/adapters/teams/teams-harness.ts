/**
 * svarstid with the Teams adapter (authentication off) on real HTTP, its Bot Connector faked: post
 * activities as Teams would, read what the bot sent back from the fake connector. Hofors' policy and
 * directory (Anna 29:1hofors-anna, manager; Erik 29:1hofors-erik; Maria without Teams).
 */
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { createTeamsAdapter, TEAMS_NO_AUTH, type TeamsConfig } from '../../../adapters/teams/index.js';
import { applyDirectoryFile, applyPolicyFile } from '../../../src/admin/apply.js';
import { createApp, type App } from '../../../src/app.js';
import type { DatabaseTarget } from '../../../src/db/connection.js';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { checkTeamsInvokeResponse } from '../../fakes/validate/index.js';

export interface TeamsUser {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  /** their personal chat with the bot */
  readonly conversation: string;
}

export const ERIK: TeamsUser = { id: '29:1hofors-erik', aadObjectId: 'aad-erik', name: 'Erik Lind', conversation: 'a:personal-erik' };
export const ANNA: TeamsUser = { id: '29:1hofors-anna', aadObjectId: 'aad-anna', name: 'Anna Berg', conversation: 'a:personal-anna' };
/** not in the directory with a Teams id */
export const STRANGER: TeamsUser = { id: '29:1someone-else', aadObjectId: 'aad-x', name: 'Okänd Person', conversation: 'a:personal-x' };
export const BOT = { id: '28:svarstid-bot', name: 'svarstid' };

export interface TeamsHarness {
  readonly app: App;
  readonly connector: FakeTeamsConnector;
  readonly base: string;
  time: number;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  activity(from: TeamsUser, extra?: Record<string, unknown>): Record<string, unknown>;
  /** a personal message; resolves when the bot has answered the HTTP request */
  say(from: TeamsUser, text: string, extra?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** a card button: a message with `value`, replying to the card's activity */
  click(from: TeamsUser, value: Record<string, unknown>, replyToId: string): Promise<{ status: number; body: any }>;
  /** a Facebook comment to Hofors kommun (Erik is responsible); its inquiry id */
  comment(externalId: string, text?: string): Promise<number>;
  close(): Promise<void>;
}

let counter = 0;

export async function startTeamsHarness(o: {
  time: number;
  target?: DatabaseTarget;
  /** the database, made (and dropped on close) by the harness: TARGETS in tests/support/app-harness.ts */
  make?: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }>;
  config?: TeamsConfig;
  connector?: FakeTeamsConnector;
  logger?: Logger;
}): Promise<TeamsHarness> {
  const connector = o.connector ?? (await startFakeTeamsConnector());
  const made = o.make ? await o.make() : { target: o.target ?? ({ memory: true } as const) };
  const h = { time: o.time } as TeamsHarness;
  const app = await createApp({
    database: made.target,
    clock: { now: () => h.time },
    logger: o.logger ?? pino({ level: 'silent' }),
    apiToken: 't',
    sourceRoutes: () => [],
    chatAdapters: (rt) => [createTeamsAdapter(o.config ?? TEAMS_NO_AUTH, rt)],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => h.time };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'directory/hofors.yaml');
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', body: typeof body === 'string' || Buffer.isBuffer(body) ? (body as string) : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    // an invoke's answer goes back to Teams as it is: it is validated like everything sent to Teams
    const sent = typeof body === 'object' && body !== null && !Buffer.isBuffer(body) ? (body as { type?: unknown; name?: unknown }) : undefined;
    if (sent?.type === 'invoke' && typeof sent.name === 'string') checkTeamsInvokeResponse(sent.name, res.status, parsed);
    return { status: res.status, body: parsed };
  };
  const activity = (from: TeamsUser, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `msg-${++counter}`,
    timestamp: new Date(h.time).toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation: { id: from.conversation, conversationType: 'personal', tenantId: 'tenant-hofors' },
    channelData: { tenant: { id: 'tenant-hofors' } },
    locale: 'sv-SE',
    ...extra,
  });
  return Object.assign(h, {
    app,
    connector,
    base,
    post,
    activity,
    say: (from: TeamsUser, text: string, extra: Record<string, unknown> = {}) => post(activity(from, { text, ...extra })),
    click: (from: TeamsUser, value: Record<string, unknown>, replyToId: string) => post(activity(from, { value, replyToId })),
    comment: async (externalId: string, text = 'Hej! När töms soporna på Storgatan?') => {
      const r = await app.ingest.ingest([
        { kind: 'message', message: { source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId, author: { name: 'Karin Svensson' }, text, url: `https://www.facebook.com/hoforskommun/posts/${externalId}`, receivedAt: h.time, raw: {} } },
      ]);
      return r.received[0] ?? r.duplicates[0]!;
    },
    close: async () => {
      await app.close();
      await made.drop?.();
      if (!o.connector) await connector.close();
    },
  });
}
