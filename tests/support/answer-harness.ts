/**
 * A svarstid app wired to the platform fakes for answering: the Graph API fake (Hofors' page, its
 * Instagram account, Messenger), the X API fake (@hoforskommun with OAuth 1.0a tokens), and a generic
 * source's callback receiver that checks svarstid's signature. Citizens' messages are put on the
 * fakes and handed to svarstid as a source adapter would (the ingest port); time is simulated.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { verifyGenericSignature, genericHeadersFrom } from '../../adapters/sources/generic/signature.js';
import { platformClients } from '../../adapters/sources/platform-clients.js';
import { tweetUrl } from '../../adapters/sources/x/tweets.js';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { people } from '../../src/db/schema.js';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import type { DatabaseTarget } from '../../src/db/connection.js';
import type { Inquiry } from '../../src/inquiries/model.js';
import { accountCredentials } from '../../src/platform/account-credentials.js';
import { credentialSource } from '../../src/platform/credentials.js';
import { FakeGraphApi } from '../fakes/graph-api/server.js';
import { FAKE_X_APP, FakeXApi } from '../fakes/x-api/server.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { readFileSync } from 'node:fs';
import { createSlackAdapter } from '../../adapters/slack/index.js';
import { FakeSlackApi } from '../fakes/slack-api.js';

export const PAGE = { id: '104857331234567', name: 'Hofors kommun', token: 'EAAG-hofors-page-token', igUserId: '17841400000000999' };
export const X_ACCOUNT = { id: '289337474', username: 'hoforskommun', name: 'Hofors kommun', token: '289337474-hoforsAccessToken', secret: 'hoforsAccessTokenSecret' };
export const CITIZEN_X = { id: '4400000001', username: 'medborgare', name: 'Stina Medborgare' };
export const BLOG_SECRET = 'blogg-hemlighet';

export interface Callback {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
  readonly verified: boolean;
}

export interface AnswerHarness {
  readonly app: App;
  readonly graph: FakeGraphApi;
  readonly x: FakeXApi;
  readonly callbacks: Callback[];
  /** how the callback receiver answers next (status), default 200 */
  callbackStatus: number[];
  readonly notifier: MemoryNotifier;
  time: number;
  /** ids of people by directory key */
  person(key: string): Promise<number>;
  facebookComment(text: string, from?: { id: string; name: string }): Promise<Inquiry>;
  messenger(text: string, psid?: string): Promise<Inquiry>;
  instagramComment(text: string): Promise<Inquiry>;
  xPost(text: string): Promise<Inquiry>;
  xDm(text: string): Promise<Inquiry>;
  blogComment(text: string): Promise<Inquiry>;
  libraryComment(text: string): Promise<Inquiry>;
  close(): Promise<void>;
}

export interface AnswerHarnessOptions {
  /** the policy text (default policies/hofors.yaml) */
  readonly policy?: string;
  readonly extra?: Partial<AppOptions>;
  readonly humanAgent?: boolean;
}

let seq = 0;

export async function startAnswerHarness(target: DatabaseTarget, time: number, o: AnswerHarnessOptions = {}): Promise<AnswerHarness> {
  const h = { time, callbacks: [] as Callback[], callbackStatus: [] as number[] } as unknown as AnswerHarness & { time: number };
  const now = () => h.time;
  const graph = new FakeGraphApi(now);
  const x = new FakeXApi(now);
  await graph.start();
  await x.start();
  graph.state.addPage({ ...PAGE, humanAgent: o.humanAgent ?? true });
  graph.state.addPage({ id: '104857339999999', name: 'Hofors bibliotek', token: 'EAAG-library-token' });
  x.state.addAccount({ id: X_ACCOUNT.id, username: X_ACCOUNT.username, name: X_ACCOUNT.name }, X_ACCOUNT.token, X_ACCOUNT.secret);
  x.state.addUser(CITIZEN_X);
  const receiver: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const verified = verifyGenericSignature({ rawBody: Buffer.from(raw), headers: genericHeadersFrom(req.headers), secretFor: (s) => (s === 'hofors-blogg' ? BLOG_SECRET : undefined), nowMs: h.time }).ok;
      h.callbacks.push({ headers: req.headers, body: JSON.parse(raw || '{}'), verified });
      const status = h.callbackStatus.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 300 ? { id: `blog-reply-${h.callbacks.length}`, url: `https://blogg.hofors.se/svar/${h.callbacks.length}` } : { error: 'nope' }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/svarstid/answers`;
  const env = { HOFORS_PAGE_TOKEN: PAGE.token, HOFORS_X_TOKEN: `${X_ACCOUNT.token}:${X_ACCOUNT.secret}` };
  const notifier = new MemoryNotifier(now);
  const app = await createApp({
    database: target,
    clock: { now },
    logger: pino({ level: 'silent' }),
    notifier,
    sourceRoutes: () => [],
    credentials: accountCredentials(credentialSource(env)),
    platforms: platformClients({ graphApiUrl: graph.url, xApiUrl: x.url, xConsumerKey: FAKE_X_APP.consumerKey, xConsumerSecret: FAKE_X_APP.consumerSecret, now, timeoutMs: 2000 }),
    genericSources: { secretFor: (s) => (s === 'hofors-blogg' ? BLOG_SECRET : undefined), callbackFor: (s) => (s === 'hofors-blogg' ? callbackUrl : undefined) },
    sleep: async () => {},
    ...o.extra,
  });
  const admin = { directory: app.directory, policies: app.policies, now };
  const policyFile = join(mkdtempSync(join(tmpdir(), 'svarstid-answers-')), 'hofors.yaml');
  writeFileSync(policyFile, o.policy ?? readFileSync('policies/hofors.yaml', 'utf8'));
  await applyPolicyFile(admin, policyFile);
  await applyDirectoryFile(admin, 'tests/fixtures/directory/hofors-answers.yaml');

  const ingest = async (m: Record<string, unknown>): Promise<Inquiry> => {
    await app.ingest.ingest([{ kind: 'message', message: { receivedAt: h.time, raw: {}, ...m } as never }]);
    const found = await app.inquiries.findByExternalId(m.channel as string, m.accountExternalId as string, m.externalId as string);
    if (!found) throw new Error('the message was not stored');
    return found;
  };
  const citizen = { id: '6100000000000001', name: 'Karin Andersson' };
  Object.assign(h, {
    app, graph, x, notifier,
    person: async (key: string) => {
      const [row] = await app.database.db.select({ id: people.id }).from(people).where(and(eq(people.orgId, 'hofors'), eq(people.key, key)));
      if (!row) throw new Error(`no person ${key}`);
      return row.id;
    },
    facebookComment: async (text: string, from = citizen) => {
      const post = graph.state.addPost(PAGE.id, { id: PAGE.id, name: PAGE.name }, 'Badhuset stänger för renovering.', h.time - 3_600_000);
      const c = graph.state.addComment(post.id, from, text, h.time);
      return ingest({ source: 'meta', channel: 'facebook', accountExternalId: PAGE.id, externalId: c.id, author: from, text, url: `https://www.facebook.com/${post.id}?comment_id=${c.id}` });
    },
    libraryComment: async (text: string) => {
      const post = graph.state.addPost('104857339999999', { id: '104857339999999', name: 'Hofors bibliotek' }, 'Nya böcker', h.time - 3_600_000);
      const c = graph.state.addComment(post.id, citizen, text, h.time);
      return ingest({ source: 'meta', channel: 'facebook', accountExternalId: '104857339999999', externalId: c.id, author: citizen, text, url: `https://www.facebook.com/${post.id}` });
    },
    messenger: async (text: string, psid = `psid-${++seq}`) => {
      const m = graph.state.addMessage(PAGE.id, 'messenger', { id: psid, name: 'Olle Persson' }, text, h.time);
      return ingest({ source: 'meta', channel: 'messenger', accountExternalId: PAGE.id, externalId: m.id, author: { id: psid, name: 'Olle Persson' }, text, raw: { object: 'page', entry: [{ id: PAGE.id, messaging: [{}] }] } });
    },
    instagramComment: async (text: string) => {
      const media = graph.state.addIgMedia(PAGE.igUserId, 'Vårt nya bibliotek', h.time - 3_600_000);
      const c = graph.state.addIgComment(media.id, { id: 'ig-citizen-1', username: 'kalle' }, text, h.time);
      return ingest({ source: 'meta', channel: 'instagram', accountExternalId: PAGE.igUserId, externalId: c.id, author: { id: 'ig-citizen-1', handle: 'kalle' }, text, url: 'https://www.instagram.com/p/abc/', raw: { object: 'instagram', entry: [{ id: PAGE.igUserId, changes: [{}] }] } });
    },
    xPost: async (text: string) => {
      const p = x.state.addPost(CITIZEN_X.id, text, h.time);
      return ingest({ source: 'x', channel: 'x', accountExternalId: X_ACCOUNT.id, externalId: p.id, author: { id: CITIZEN_X.id, name: CITIZEN_X.name, handle: CITIZEN_X.username }, text, url: tweetUrl(CITIZEN_X.username, p.id) });
    },
    xDm: async (text: string) => {
      const d = x.state.addDm(CITIZEN_X.id, X_ACCOUNT.id, text, h.time);
      return ingest({ source: 'x', channel: 'x', accountExternalId: X_ACCOUNT.id, externalId: d.id, author: { id: CITIZEN_X.id, name: CITIZEN_X.name }, text, raw: { event: {}, users: {} } });
    },
    blogComment: async (text: string) => ingest({ source: 'generic:hofors-blogg', channel: 'blog', accountExternalId: 'hofors-bloggen', externalId: `c-${++seq}`, author: { name: 'Bertil' }, text, url: 'https://blogg.hofors.se/inlagg/1#c' }),
    close: async () => {
      await app.close();
      await graph.stop();
      await x.stop();
      await new Promise<void>((r) => receiver.close(() => r()));
    },
  });
  return h;
}

export const SLACK_SECRET = 'slack-signing-secret-hofors';

/**
 * The answer harness with the real Slack adapter (Bolt) against the fake Slack Web API, listening on a
 * port: `base` is its URL. `h.close()` closes the fake too.
 */
export async function startSlackAnswerHarness(target: DatabaseTarget, time: number, o: AnswerHarnessOptions = {}): Promise<{ h: AnswerHarness; fake: FakeSlackApi; base: string }> {
  const fake = await new FakeSlackApi().start();
  const h = await startAnswerHarness(target, time, {
    ...o,
    extra: { chatAdapters: (rt) => [createSlackAdapter({ workspaces: [{ orgId: 'hofors', botToken: 'xoxb-test-hofors', signingSecret: SLACK_SECRET, path: '/slack/events' }] }, rt, { clientOptions: { slackApiUrl: fake.url } })], ...o.extra },
  });
  const close = h.close.bind(h);
  h.close = async () => {
    await close();
    await fake.close();
  };
  await new Promise<void>((r) => h.app.server.listen(0, '127.0.0.1', r));
  return { h, fake, base: `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}` };
}

/**
 * The answer harness for the REST API: Arvidsjaur applied beside Hofors, listening on a port, with an
 * API token of each organization; `post` sends JSON with a token. `close` drops the database too.
 */
export async function startApiHarness(make: () => Promise<{ target: DatabaseTarget; drop?: () => Promise<void> }>, time: number) {
  const t = await make();
  const h = await startAnswerHarness(t.target, time);
  const admin = { directory: h.app.directory, policies: h.app.policies, now: () => h.time };
  await applyPolicyFile(admin, 'policies/arvidsjaur.yaml');
  await applyDirectoryFile(admin, 'directory/arvidsjaur.yaml');
  await new Promise<void>((r) => h.app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  const hofors = (await h.app.tokens.create('hofors', 'intranät', h.time)).token;
  const arvidsjaur = (await h.app.tokens.create('arvidsjaur', 'intranät', h.time)).token;
  const post = async (path: string, token: string, body: unknown) => {
    const res = await fetch(base + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };
  const close = async () => {
    await h.close();
    await t.drop?.();
  };
  return { h, base, hofors, arvidsjaur, post, close };
}
