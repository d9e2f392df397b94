/**
 * A fake Bot Connector (the Teams service a bot calls back): a real HTTP server on 127.0.0.1 that
 * records what the bot sends — POST /v3/conversations/{id}/activities (a new message),
 * POST /v3/conversations/{id}/activities/{replyToId} (a reply), PUT …/activities/{activityId} (an
 * update in place), POST /v3/conversations (a new conversation) — and answers `{ id }` like the
 * real one. It can answer 429 with a Retry-After, or any other status, on demand.
 *
 * Every activity it receives is validated as Teams would (tests/fakes/validate/teams.ts: Microsoft's
 * Adaptive Cards SDK on every card, the message size limit); one that fails is answered 400
 * BadArgument (413 MessageSizeTooBig when too large), recorded, and fails the test that sent it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkTeamsActivity } from './validate/index.js';

export interface ConnectorCall {
  readonly method: 'POST' | 'PUT';
  readonly kind: 'send' | 'reply' | 'update' | 'create';
  readonly conversationId: string;
  /** replyToId for a reply, the updated activity's id for an update */
  readonly activityId?: string;
  readonly authorization?: string;
  readonly body: any;
  /** the id answered for a send or reply */
  readonly id?: string;
}

export interface FakeTeamsConnector {
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** the next `times` calls answer `status` (429 gets Retry-After `retryAfter`), with `message` as the error's message if given */
  failNext(status: number, times?: number, retryAfter?: string, message?: string): void;
  /** the activities sent (send and reply) to a conversation, oldest first */
  sentTo(conversationId: string): ConnectorCall[];
  clear(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/;

export async function startFakeTeamsConnector(): Promise<FakeTeamsConnector> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ status: number; retryAfter?: string; message?: string }> = [];
  let counter = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = ROUTE.exec(new URL(req.url ?? '/', 'http://x').pathname);
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (!m || (req.method !== 'POST' && req.method !== 'PUT')) return answer(404, { error: { code: 'NotFound', message: `no route ${req.method} ${req.url}` } });
      const failure = failures.shift();
      if (failure) return answer(failure.status, { error: { code: failure.status === 429 ? 'Throttled' : 'Failed', message: failure.message ?? `fake failure ${failure.status}` } }, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
      let body: any;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return answer(400, { error: { code: 'BadSyntax', message: 'not JSON' } });
      }
      const conversationId = decodeURIComponent(m[1] ?? '');
      const activityId = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
      const kind = m[1] === undefined ? 'create' : req.method === 'PUT' ? 'update' : activityId ? 'reply' : 'send';
      const id = kind === 'update' ? activityId : kind === 'create' ? `a:conv-${++counter}` : `act-${++counter}`;
      const activity = kind === 'create' ? body?.activity : body;
      const problems = activity === undefined ? [] : checkTeamsActivity(`${req.method} ${req.url}`, activity);
      if (problems.length > 0) {
        const tooBig = problems.some((p) => p.includes('MessageSizeTooBig'));
        return answer(tooBig ? 413 : 400, { error: { code: tooBig ? 'MessageSizeTooBig' : 'BadArgument', message: problems.join('; ') } });
      }
      calls.push({ method: req.method as 'POST' | 'PUT', kind, conversationId, ...(activityId && { activityId }), ...(req.headers.authorization && { authorization: req.headers.authorization }), body, ...(id && { id }) });
      answer(kind === 'create' ? 201 : 200, { id });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    calls,
    failNext: (status, times = 1, retryAfter, message) => {
      for (let i = 0; i < times; i++) failures.push({ status, ...(retryAfter !== undefined && { retryAfter }), ...(message !== undefined && { message }) });
    },
    sentTo: (conversationId) => calls.filter((c) => c.conversationId === conversationId && (c.kind === 'send' || c.kind === 'reply')),
    clear: () => {
      calls.length = 0;
      failures.length = 0;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
