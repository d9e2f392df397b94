/**
 * One request, start to end, every step inside the guard: the request target, the method, the
 * headers, the route, the body (size and time limited), the route's handler, and the answer. A
 * problem with the request is a JSON 4xx naming it; the database being away is a 503 with
 * Retry-After; anything else a logged 500 (see failure.ts). Nothing a client sends escapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { declaresBody, lingerAfterAnswer, readBody } from './body.js';
import { failureResponse } from './failure.js';
import type { HttpLimits } from './limits.js';
import { parseRequestTarget } from './request-target.js';
import { matchRoute } from './router.js';
import { problem, type HttpResponse, type Route } from './routes.js';

export interface RequestDeps {
  readonly routes: readonly Route[];
  readonly logger: Logger;
  readonly limits: HttpLimits;
}

export const SERVED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** Headers whose repetition makes the request ambiguous: which one would be checked? */
const SINGLE = new Set(['host', 'authorization', 'content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'expect']);
const isSingle = (name: string): boolean => SINGLE.has(name) || /signature|timestamp|^x-svarstid-/.test(name);

const noop = (): void => {};
/** how long the rest of a refused body is discarded so that the client can read the 413 or 408 */
const LINGER_MS = 2_000;

function headerProblem(req: IncomingMessage): HttpResponse | undefined {
  if (req.httpVersion === '1.1' && !req.headers.host) return problem(400, 'missing_host', 'an HTTP/1.1 request must carry a Host header');
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values !== undefined && values.length > 1 && isSingle(name)) return problem(400, 'duplicate_header', `the ${name} header is sent ${values.length} times; send it once`);
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') return problem(415, 'unsupported_content_encoding', `Content-Encoding ${JSON.stringify(encoding.slice(0, 40))} is not accepted; send the body uncompressed`);
  return undefined;
}

/** Writes the answer unless one is already on its way. `close` ends the connection after it. */
export function writeResponse(res: ServerResponse, r: HttpResponse, close: boolean): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  let text: string;
  let type: string;
  try {
    text = r.text ?? JSON.stringify(r.body ?? {});
    type = r.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  } catch {
    text = JSON.stringify({ error: 'internal_error', message: 'internal error (the answer could not be written)' });
    type = 'application/json; charset=utf-8';
    r = { status: 500 };
  }
  res.writeHead(r.status, {
    ...r.headers,
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    ...(close && { connection: 'close' }),
  });
  res.end(text);
}

export async function handleRequest(deps: RequestDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.on('error', noop);
  let path = '(not parsed)';
  // an answer given before the body is read closes the connection: what follows would be read as the next request
  let unread = declaresBody(req);
  const send = (r: HttpResponse, close = false): void => writeResponse(res, r, close || unread);
  try {
    const method = req.method ?? '';
    if (!(SERVED_METHODS as readonly string[]).includes(method)) {
      return send({ ...problem(405, 'method_not_allowed', `${method} is not served; svarstid serves ${SERVED_METHODS.join(', ')}`), headers: { allow: SERVED_METHODS.join(', ') } });
    }
    const target = parseRequestTarget(req.url);
    if (!target.ok) return send(target.response);
    path = target.target.path;
    const bad = headerProblem(req);
    if (bad) return send(bad);
    const match = matchRoute(deps.routes, method, target.target.segments);
    if (match.kind === 'none') return send(problem(404, 'not_found', `no route ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`));
    if (match.kind === 'wrong_method') {
      return send({ ...problem(405, 'method_not_allowed', `${method} is not allowed on ${path}; use ${match.allowed.join(' or ')}`), headers: { allow: match.allowed.join(', ') } });
    }
    const { maxBodyBytes, bodyTimeoutMs } = deps.limits;
    const body = await readBody(req, maxBodyBytes, bodyTimeoutMs);
    if (!body.ok) {
      if (body.reason !== 'aborted') lingerAfterAnswer(req, LINGER_MS);
      if (body.reason === 'too_large') return send(problem(413, 'payload_too_large', `the body is larger than ${maxBodyBytes} bytes`), true);
      if (body.reason === 'timeout') return send(problem(408, 'request_timeout', `the body did not arrive within ${bodyTimeoutMs / 1000} seconds`), true);
      res.destroy(); // the client is gone: no one to answer
      return;
    }
    unread = false;
    const answer = await match.route.handle({ method, path, query: target.target.query, headers: req.headers, body: body.body, params: match.params });
    send(answer);
  } catch (e) {
    send(failureResponse(e, path, deps.logger));
  }
}
