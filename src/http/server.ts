/**
 * The HTTP server: reads each body (at most 1 MiB, else 413), matches a route, and writes JSON.
 * Routes come from the composition root: the core's API and the adapters' webhooks.
 * Every error is JSON {"error": code, "message": text}; an unexpected one is a logged 500.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { problem, type HttpResponse, type Route } from './routes.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerDeps {
  readonly routes: readonly Route[];
  readonly logger: Logger;
  readonly maxBodyBytes?: number;
}

function write(res: ServerResponse, r: HttpResponse): void {
  const text = r.text ?? JSON.stringify(r.body ?? {});
  const type = r.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(r.status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve('too_large');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

export function createHttpServer(deps: ServerDeps): Server {
  const limit = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      const candidates = deps.routes.map((r) => ({ r, params: match(r.path, url.pathname) })).filter((c) => c.params !== undefined);
      const found = candidates.find((c) => c.r.method === req.method);
      if (!found) {
        req.resume();
        if (candidates.length) return write(res, problem(405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}; use ${candidates.map((c) => c.r.method).join(' or ')}`));
        return write(res, problem(404, 'not_found', `no route ${url.pathname}`));
      }
      const body = await readBody(req, limit);
      if (body === 'too_large') return write(res, problem(413, 'payload_too_large', `the body is larger than ${limit} bytes`));
      write(res, await found.r.handle({ method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body, params: found.params! }));
    } catch (e) {
      deps.logger.error({ err: e, path: url.pathname }, 'request failed');
      if (!res.headersSent) write(res, problem(500, 'internal_error', 'internal error; nothing was stored'));
    }
  });
}
