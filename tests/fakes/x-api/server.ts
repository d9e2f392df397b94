/**
 * A fake of the X API v2 on 127.0.0.1: real HTTP speaking X's wire format, for catch-up reads
 * (issue 12) and actions (issue 13). `url` is what X_API_URL points at.
 *
 * - Auth: OAuth 1.0a user context (the app's consumer key with an account's access token, signature
 *   checked) or the app's Bearer token (public reads only); anything else is 401 as X answers it.
 * - Rate limits per endpoint and user in 15-minute windows, with `x-rate-limit-limit/-remaining/-reset`
 *   on every answer and 429 when spent (`limit(endpoint, n)` sets a budget; unlimited otherwise).
 * - `failNext(…)` injects any status and body (or a dropped connection); every call is recorded.
 * - `selfServe` (default true) applies the self-serve reply rule of 2026-02-23.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X_PROBLEMS } from './errors.js';
import { verifyOAuth } from './oauth.js';
import { route, type XAnswer } from './routes.js';
import { XState } from './state.js';

export const FAKE_X_APP = { consumerKey: 'x-consumer-key', consumerSecret: 'x-consumer-secret', bearer: 'x-app-bearer-token' } as const;

export interface RecordedXCall {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: Record<string, any>;
  readonly userId: string | undefined;
}

const WINDOW_MS = 15 * 60_000;

/** "GET /2/users/:id/mentions" for "/2/users/1400/mentions" */
const template = (method: string, path: string): string => `${method} /2${path.slice(2).replace(/\/\d+(?:-\d+)?(?=\/|$)/g, '/:id')}`;

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });

export class FakeXApi {
  readonly state = new XState();
  readonly requests: RecordedXCall[] = [];
  selfServe = true;
  private readonly budgets = new Map<string, number>();
  private readonly windows = new Map<string, { used: number; resetAt: number }>();
  private readonly injected: Array<{ method?: string; path?: RegExp; answer: XAnswer | 'drop'; times: number; after?: boolean }> = [];
  private server: Server | undefined;
  private origin = '';

  constructor(private readonly now: () => number) {}

  get url(): string {
    return this.origin;
  }

  /** at most `n` calls per 15 minutes and user (or app) to an endpoint template such as "GET /2/users/:id/mentions" */
  limit(endpoint: string, n: number): void {
    this.budgets.set(endpoint, n);
  }

  failNext(answer: XAnswer | 'drop', match: { method?: string; path?: RegExp } = {}, times = 1): void {
    this.injected.push({ ...match, answer, times });
  }

  /** the next matching calls are carried out, and then answered with `answer` (a lost confirmation: a 5xx or a dropped connection after the write) */
  failAfterNext(answer: XAnswer | 'drop', match: { method?: string; path?: RegExp } = {}, times = 1): void {
    this.injected.push({ ...match, answer, times, after: true });
  }

  calls(method?: string, path?: RegExp): RecordedXCall[] {
    return this.requests.filter((c) => (method === undefined || c.method === method) && (path === undefined || path.test(c.path)));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ answer, headers }) => {
          if (answer === 'drop') return req.socket.destroy();
          const problem = answer.status >= 400 && typeof answer.body === 'object' && answer.body !== null && 'title' in answer.body;
          res.writeHead(answer.status, { 'content-type': problem ? 'application/problem+json' : 'application/json; charset=utf-8', ...headers });
          res.end(JSON.stringify(answer.body));
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ title: 'Internal Error', detail: `fake X API bug: ${(e as Error).message}`, type: 'about:blank', status: 500 }));
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

  private async handle(req: IncomingMessage): Promise<{ answer: XAnswer | 'drop'; headers: Record<string, string> }> {
    const url = new URL(req.url ?? '/', this.origin);
    const raw = await readBody(req);
    let body: Record<string, any> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    } catch {
      return { answer: { status: 400, body: X_PROBLEMS.invalid('The request body is not valid JSON.') }, headers: {} };
    }
    const auth = req.headers.authorization ?? '';
    const bearer = auth === `Bearer ${FAKE_X_APP.bearer}`;
    const token = bearer
      ? undefined
      : verifyOAuth(auth, req.method!, url, {
          ...FAKE_X_APP,
          tokenSecret: (t) => [...this.state.accounts.values()].find((a) => a.accessToken === t)?.accessTokenSecret,
        });
    const account = [...this.state.accounts.values()].find((a) => token !== undefined && a.accessToken === token);
    this.requests.push({ method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams), body, userId: account?.user.id });
    const inj = this.injected.find((i) => i.times > 0 && (i.method === undefined || i.method === req.method) && (i.path === undefined || i.path.test(url.pathname)));
    if (inj && !inj.after) {
      inj.times--;
      return { answer: inj.answer, headers: {} };
    }
    if (!bearer && !account) return { answer: { status: 401, body: X_PROBLEMS.unauthorized }, headers: {} };
    const endpoint = template(req.method!, url.pathname);
    const key = `${endpoint}|${account?.user.id ?? 'app'}`;
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) this.windows.set(key, (w = { used: 0, resetAt: now + WINDOW_MS }));
    const budget = this.budgets.get(endpoint) ?? 1_000_000;
    const headers = { 'x-rate-limit-limit': String(budget), 'x-rate-limit-remaining': String(Math.max(0, budget - w.used - 1)), 'x-rate-limit-reset': String(Math.ceil(w.resetAt / 1000)) };
    if (w.used >= budget) return { answer: { status: 429, body: X_PROBLEMS.tooManyRequests }, headers: { ...headers, 'x-rate-limit-remaining': '0' } };
    w.used++;
    const answer = route(this.state, { method: req.method!, path: url.pathname, query: url.searchParams, body, userId: account?.user.id, now, selfServe: this.selfServe });
    if (inj?.after) {
      inj.times--;
      return { answer: inj.answer, headers };
    }
    return { answer: answer ?? { status: 404, body: { title: 'Not Found', type: 'about:blank', status: 404, detail: 'Not Found' } }, headers };
  }
}
