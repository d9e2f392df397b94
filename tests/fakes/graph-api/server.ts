/**
 * A fake of Meta's Graph API on 127.0.0.1: real HTTP speaking the Graph API's wire format, for the
 * catch-up reads (issue 12) and the actions (issue 13). `url` is what META_GRAPH_API_URL points at
 * (`http://127.0.0.1:<port>/v26.0`).
 *
 * - Auth: `Authorization: Bearer <page token>` or `access_token=`; an unknown token is 190, an
 *   expired one (`expire(token)`) 190/463, another page's token on an object 100/33 (as Meta: "does
 *   not exist, cannot be loaded due to missing permissions").
 * - Every answer carries `X-App-Usage` and `X-Business-Use-Case-Usage` (set `usage`).
 * - `failNext(…)` makes the next matching calls fail with any status, body and headers (rate limits,
 *   5xx, a dropped connection), for retry and backoff tests.
 * - Every call is recorded in `requests` (method, path after the version, query, body, token).
 * - `beforeCall` (optional) runs when a call arrives, before the fake answers it: a test can look at
 *   svarstid's database at that moment (the archive is stored before the platform is asked).
 * - Errors are the documented bodies in errors.ts; the time is the test's simulated clock.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GRAPH_ERRORS } from './errors.js';
import { read } from './reads.js';
import { GraphState } from './state.js';
import type { Answer, GraphRequest } from './types.js';
import { write } from './writes.js';

export const FAKE_GRAPH_VERSION = 'v26.0';

export interface RecordedGraphCall {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: Record<string, any>;
  readonly token: string | undefined;
  /** the token was sent in the URL rather than the Authorization header */
  readonly tokenInUrl: boolean;
}

export interface Injected {
  readonly method?: string;
  readonly path?: RegExp;
  /** HTTP status and body to answer, or 'drop' to destroy the connection */
  readonly answer: Answer | 'drop';
  times: number;
  /** carry the call out first, then answer with `answer` */
  readonly after?: boolean;
}

export interface Usage {
  readonly call_count: number;
  readonly total_time: number;
  readonly total_cputime: number;
  /** minutes, in X-Business-Use-Case-Usage */
  readonly estimated_time_to_regain_access?: number;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

function parseBody(type: string | undefined, raw: string): Record<string, any> {
  if (!raw) return {};
  if (type?.startsWith('application/json')) return JSON.parse(raw) as Record<string, any>;
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
  return out;
}

export class FakeGraphApi {
  readonly state = new GraphState();
  readonly requests: RecordedGraphCall[] = [];
  usage: Usage = { call_count: 5, total_time: 3, total_cputime: 2 };
  beforeCall: ((call: RecordedGraphCall) => Promise<void> | void) | undefined;
  private readonly injected: Injected[] = [];
  private readonly expired = new Set<string>();
  private server: Server | undefined;
  private origin = '';

  constructor(private readonly now: () => number) {}

  get url(): string {
    return `${this.origin}/${FAKE_GRAPH_VERSION}`;
  }

  /** the token stops working with 190/463 (an expired page token) */
  expire(token: string): void {
    this.expired.add(token);
  }

  failNext(answer: Answer | 'drop', match: { method?: string; path?: RegExp } = {}, times = 1): void {
    this.injected.push({ ...match, answer, times });
  }

  /** the next matching calls are carried out, and then answered with `answer` (a lost confirmation: a 5xx or a dropped connection after the write) */
  failAfterNext(answer: Answer | 'drop', match: { method?: string; path?: RegExp } = {}, times = 1): void {
    this.injected.push({ ...match, answer, times, after: true });
  }

  /** calls that reached the fake, optionally of one method and path pattern */
  calls(method?: string, path?: RegExp): RecordedGraphCall[] {
    return this.requests.filter((c) => (method === undefined || c.method === method) && (path === undefined || path.test(c.path)));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (a) => {
          if (a === 'drop') return req.socket.destroy();
          res.writeHead(a.status, {
            'content-type': 'application/json; charset=UTF-8',
            'x-app-usage': JSON.stringify({ call_count: this.usage.call_count, total_time: this.usage.total_time, total_cputime: this.usage.total_cputime }),
            'x-business-use-case-usage': JSON.stringify({ '104000000000001': [{ type: 'pages', ...this.usage, estimated_time_to_regain_access: this.usage.estimated_time_to_regain_access ?? 0 }] }),
            ...a.headers,
          });
          res.end(JSON.stringify(a.body));
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `fake Graph API bug: ${(e as Error).message}`, type: 'FakeError', code: 1 } }));
        },
      );
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage): Promise<Answer | 'drop'> {
    const url = new URL(req.url ?? '/', this.origin);
    const raw = await readBody(req);
    const body = parseBody(req.headers['content-type'], raw);
    const header = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = header ?? url.searchParams.get('access_token') ?? (typeof body.access_token === 'string' ? body.access_token : undefined);
    const [version, ...segments] = url.pathname.split('/').filter(Boolean);
    const path = segments.join('/');
    const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'access_token'));
    const call: RecordedGraphCall = { method: req.method!, path, query, body, token, tokenInUrl: header === undefined && token !== undefined };
    this.requests.push(call);
    await this.beforeCall?.(call);
    const inj = this.injected.find((i) => i.times > 0 && (i.method === undefined || i.method === req.method) && (i.path === undefined || i.path.test(path)));
    if (inj && !inj.after) {
      inj.times--;
      return inj.answer;
    }
    const done = await this.carryOut(req, url, version, segments, token, body);
    if (inj?.after) {
      inj.times--;
      return inj.answer;
    }
    return done;
  }

  private async carryOut(req: IncomingMessage, url: URL, version: string | undefined, segments: string[], token: string | undefined, body: Record<string, any>): Promise<Answer> {
    if (version !== FAKE_GRAPH_VERSION || segments.length === 0 || segments.length > 2) {
      return { status: 400, body: { error: { message: `Unknown path components: /${segments.join('/')}`, type: 'OAuthException', code: 2500, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } } };
    }
    if (token === undefined) return { status: 400, body: { error: { message: 'An active access token must be used to query information about the current user.', type: 'OAuthException', code: 2500, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } } };
    if (this.expired.has(token)) return { status: 400, body: GRAPH_ERRORS.expiredToken };
    const holder = [...this.state.pages.values()].find((p) => p.tokens.has(token));
    if (!holder) return { status: 400, body: GRAPH_ERRORS.invalidToken };
    const id = segments[0] === 'me' ? holder.id : segments[0]!;
    const owner = this.state.ownerOf(id);
    if (!owner || owner.id !== holder.id) return { status: 400, body: GRAPH_ERRORS.notFound(id) };
    const r: GraphRequest = { method: req.method!, segments: [id, ...segments.slice(1)], query: url.searchParams, body, url, base: this.url, pageId: holder.id, now: this.now() };
    const answer = req.method === 'GET' ? read(this.state, r) : write(this.state, r);
    return answer ?? { status: 400, body: { error: { message: `Unsupported ${req.method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, type: 'GraphMethodException', code: 100, error_subcode: 33, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } } };
  }
}
