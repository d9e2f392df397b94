/**
 * The HTTP server. For now: health and the deadline API. Later issues mount the ingestion webhooks
 * and chat adapters' routes here.
 *
 *   GET /health                                   -> 200 {"status":"ok","organizations":[…]}
 *   GET /api/deadline?organization=&channel=&at=  -> 200 {"arrival","deadline","allowed_working_minutes"}
 * Errors are JSON: {"error": code, "message": text}.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { deadlineFor, UnknownChannelError, type Policy } from '../policy/index.js';
import { InstantFormatError, InstantFormatter, parseInstant } from '../time/iso.js';

export interface ServerDeps {
  /** organization key (policy file name without .yaml) -> policy */
  readonly policies: ReadonlyMap<string, Policy>;
  readonly logger: Logger;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function fail(res: ServerResponse, status: number, error: string, message: string): void {
  send(res, status, { error, message });
}

function deadline(deps: ServerDeps, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const missing = ['organization', 'channel', 'at'].filter((k) => !q.get(k));
  if (missing.length) return fail(res, 400, 'missing_parameter', `missing query parameter(s): ${missing.join(', ')}`);
  const policy = deps.policies.get(q.get('organization')!);
  if (!policy) return fail(res, 404, 'unknown_organization', `no organization "${q.get('organization')}"; known: ${[...deps.policies.keys()].join(', ')}`);
  try {
    const d = deadlineFor(policy, q.get('channel')!, parseInstant(q.get('at')!, policy.timezone));
    const fmt = new InstantFormatter(policy.timezone);
    send(res, 200, { arrival: fmt.format(d.arrival), deadline: fmt.format(d.deadline), allowed_working_minutes: d.allowed / 60_000 });
  } catch (e) {
    if (e instanceof UnknownChannelError || e instanceof InstantFormatError) return fail(res, 400, e.code, e.message);
    throw e;
  }
}

export function createHttpServer(deps: ServerDeps): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method !== 'GET') return fail(res, 405, 'method_not_allowed', `${req.method} is not allowed here`);
      if (url.pathname === '/health') return send(res, 200, { status: 'ok', organizations: [...deps.policies.keys()] });
      if (url.pathname === '/api/deadline') return deadline(deps, url, res);
      return fail(res, 404, 'not_found', `no route ${url.pathname}`);
    } catch (e) {
      deps.logger.error({ err: e, path: url.pathname }, 'request failed');
      return fail(res, 500, 'internal_error', 'internal error');
    }
  });
}
