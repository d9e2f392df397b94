/**
 * A fake Slack Web API on 127.0.0.1: real HTTP speaking Slack's wire format. Methods are POSTed to
 * `<url><method>` with form or JSON bodies (the WebClient JSON-encodes blocks and views inside form
 * fields) and `Authorization: Bearer xoxb-…`; answers are `{ok:true,…}` or `{ok:false,error}`; a 429
 * with Retry-After on demand. It also serves response_url endpoints and the files upload URL, and
 * records every call.
 *
 * Every message and view it receives is validated against Slack's documented limits
 * (tests/fakes/validate/slack.ts), and an updated message must bring new block_ids (Slack: "If a
 * message is updated, use a new block_id"); a payload that fails is answered as Slack answers it
 * (`invalid_blocks` / `invalid_arguments`, with the reasons) and fails the test that sent it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkSlackMessage, checkSlackView } from './validate/index.js';
import { blockIds } from './validate/slack.js';

export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, any>;
  readonly token: string | undefined;
}

export interface ResponseUrlPost {
  readonly name: string;
  readonly body: any;
}

type Failure = { readonly status: 429; readonly retryAfter: number } | { readonly error: string };

const read = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

function parse(type: string, raw: Buffer): Record<string, any> {
  if (type.startsWith('application/json')) return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
    out[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v); } catch { return v; } })() : v;
  }
  return out;
}

/** The bytes of an upload: raw, or the first part of a multipart/form-data body (what the WebClient sends). */
function fileBytes(type: string, raw: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!type.startsWith('multipart/form-data') || !boundary) return raw;
  const b = boundary[1] ?? boundary[2]!;
  const start = raw.indexOf('\r\n\r\n', raw.indexOf(`--${b}`)) + 4;
  const end = raw.indexOf(`\r\n--${b}`, start);
  return raw.subarray(start, end);
}

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly uploads: Array<{ fileId: string; bytes: Buffer }> = [];
  /** users conversations.open and users.info do not know (→ user_not_found) */
  readonly unknownUsers = new Set<string>();
  /** called with each response_url post as it arrives (benchmarks wait on it) */
  onResponse: ((r: ResponseUrlPost) => void) | undefined;
  /** where apps.connections.open points Socket Mode clients */
  socketUrl = '';
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private base = '';
  private ts = 1_700_000_000;
  /** the block_ids each message (channel + ts) has had, across its versions */
  private readonly versions = new Map<string, Set<string>>();
  private files = 0;

  constructor(
    readonly botTokens: readonly string[] = ['xoxb-test-hofors'],
    readonly appTokens: readonly string[] = ['xapp-test-hofors'],
    readonly team = { id: 'T0HOFORS', name: 'Hofors kommun' },
  ) {}

  /** the WebClient's slackApiUrl */
  get url(): string {
    return `${this.base}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.base}/response/${name}`;
  }

  /** the next `times` calls of `method` fail as given */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<Failure>(times).fill(failure)]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body, headers }) => {
          const text = typeof body === 'string' ? body : JSON.stringify(body);
          res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8', ...headers });
          res.end(text);
        },
        (e: unknown) => {
          res.writeHead(500);
          res.end(String(e));
        },
      );
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await read(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/response/')) {
      const post = { name: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8')) };
      this.responses.push(post);
      const problems = post.body?.delete_original ? [] : checkSlackMessage(`response_url ${post.name}`, post.body);
      if (problems.length > 0) return { status: 400, body: `invalid_blocks: ${problems.join('; ')}` };
      this.onResponse?.(post);
      return { status: 200, body: 'ok' };
    }
    if (path.startsWith('/upload/')) {
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: fileBytes(req.headers['content-type'] ?? '', raw) });
      return { status: 200, body: `OK - ${raw.length}` };
    }
    if (!path.startsWith('/api/')) return { status: 404, body: 'not found' };
    const method = path.slice('/api/'.length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const params = parse(req.headers['content-type'] ?? '', raw);
    this.calls.push({ method, params, token });
    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(failure.retryAfter) } };
    if (failure) return { status: 200, body: { ok: false, error: failure.error } };
    const tokens = method === 'apps.connections.open' ? this.appTokens : this.botTokens;
    if (token === undefined) return { status: 200, body: { ok: false, error: 'not_authed' } };
    if (!tokens.includes(token)) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    const refused = this.validate(method, params);
    if (refused) return { status: 200, body: refused };
    return { status: 200, body: this.answer(method, params) };
  }

  /** Slack's answer to a payload it refuses; undefined when the payload is valid. */
  private validate(method: string, p: Record<string, any>): Record<string, unknown> | undefined {
    let problems: string[] = [];
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral') problems = checkSlackMessage(method, p);
    else if (method === 'chat.update') {
      const before = this.versions.get(`${p.channel} ${p.ts}`) ?? new Set<string>();
      const reused = blockIds(p.blocks).filter((id) => before.has(id)).map((id) => `blocks: block_id ${JSON.stringify(id)} was in an earlier version of this message; an updated message needs new block_ids`);
      problems = checkSlackMessage(method, p, reused);
    } else if (method === 'views.open' || method === 'views.push' || method === 'views.update' || method === 'views.publish') problems = checkSlackView(method, p.view);
    if (problems.length === 0) return undefined;
    return { ok: false, error: method.startsWith('views.') ? 'invalid_arguments' : 'invalid_blocks', errors: problems, response_metadata: { messages: problems.map((m) => `[ERROR] ${m}`) } };
  }

  private remember(channel: unknown, ts: string, blocks: unknown): void {
    const key = `${channel} ${ts}`;
    const ids = this.versions.get(key) ?? new Set<string>();
    for (const id of blockIds(blocks)) ids.add(id);
    this.versions.set(key, ids);
  }

  private answer(method: string, p: Record<string, any>): Record<string, unknown> {
    const fail = (error: string) => ({ ok: false, error });
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://hofors.slack.com/', team: this.team.name, team_id: this.team.id, user: 'svarstid', user_id: 'U0SVARSTID', bot_id: 'B0SVARSTID' };
      case 'conversations.open': {
        const user = String(p.users ?? '');
        if (!user || user.includes(',')) return fail('invalid_arguments');
        return this.unknownUsers.has(user) ? fail('user_not_found') : { ok: true, channel: { id: `D${user}` } };
      }
      case 'users.info':
        return this.unknownUsers.has(p.user) ? fail('user_not_found') : { ok: true, user: { id: p.user, name: String(p.user).toLowerCase(), deleted: false } };
      case 'chat.postMessage': {
        if (!p.channel || (!p.text && !p.blocks)) return fail('no_text');
        const ts = `${++this.ts}.000100`;
        this.remember(p.channel, ts, p.blocks);
        return { ok: true, channel: p.channel, ts, message: { text: p.text, blocks: p.blocks } };
      }
      case 'chat.update':
        if (!p.channel || !p.ts) return fail('message_not_found');
        this.remember(p.channel, p.ts, p.blocks);
        return { ok: true, channel: p.channel, ts: p.ts, text: p.text };
      case 'views.publish':
        if (!p.user_id || p.view?.type !== 'home') return fail('invalid_arguments');
        return { ok: true, view: { id: `V${++this.ts}`, type: 'home' } };
      case 'views.open':
        if (!p.trigger_id) return fail('invalid_trigger_id');
        if (p.view?.type !== 'modal') return fail('invalid_arguments');
        return { ok: true, view: { id: `V${++this.ts}`, type: 'modal', callback_id: p.view.callback_id } };
      case 'files.getUploadURLExternal': {
        if (!p.filename || !(Number(p.length) > 0)) return fail('invalid_arguments');
        const id = `F${++this.files}`;
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        if (!p.channel_id) return fail('invalid_arguments');
        return { ok: true, files: (p.files as Array<{ id: string; title?: string }>).map((f) => ({ id: f.id, title: f.title })) };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return fail('unknown_method');
    }
  }
}
