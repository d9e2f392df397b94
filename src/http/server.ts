/**
 * The HTTP server: total at the edge. Every request gets a JSON answer or, where the socket can no
 * longer take one, is closed; nothing a client sends ends the process or yields a 5xx. Routes come
 * from the composition root (the core's API and the adapters' webhooks); each request runs through
 * handle-request.ts; what Node's parser refuses is answered by client-error.ts. Limits and timeouts
 * are in limits.ts, their reasons in docs/http-edge.md.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { declaresBody } from './body.js';
import { refusalFor, refuse } from './client-error.js';
import { summarizeError } from './failure.js';
import { handleRequest, SERVED_METHODS, writeResponse, type RequestDeps } from './handle-request.js';
import { httpLimits, type HttpLimits } from './limits.js';
import { problem, type Route } from './routes.js';

export interface ServerDeps {
  readonly routes: readonly Route[];
  readonly logger: Logger;
  /** shorthand for limits.maxBodyBytes */
  readonly maxBodyBytes?: number;
  readonly limits?: Partial<HttpLimits>;
}

export function createHttpServer(deps: ServerDeps): Server {
  const limits = httpLimits({ ...deps.limits, ...(deps.maxBodyBytes !== undefined && { maxBodyBytes: deps.maxBodyBytes }) });
  const request: RequestDeps = { routes: deps.routes, logger: deps.logger, limits };
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    handleRequest(request, req, res).catch((e: unknown) => {
      // handleRequest answers its own errors; this is the guard around the guard
      deps.logger.error({ error: summarizeError(e) }, 'request handling failed');
      if (!res.headersSent) writeResponse(res, problem(500, 'internal_error', 'internal error (logged); the request was not carried out'), true);
      else res.destroy();
    });
  };
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      // Node's own limit on the whole request is a backstop behind the body timeout of readBody
      requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs + 5_000,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
      // a missing Host is answered by handleRequest, in JSON (Node's own answer has no body)
      requireHostHeader: false,
    },
    serve,
  );
  server.on('clientError', (e: NodeJS.ErrnoException & { reason?: unknown }, socket) => {
    if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return socket.destroy();
    refuse(socket, refusalFor(e.code, e.reason, limits));
  });
  // Expect: 100-continue — refuse an announced body over the limit before the client sends it
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      return writeResponse(res, problem(413, 'payload_too_large', `the body is larger than ${limits.maxBodyBytes} bytes`), true);
    }
    res.writeContinue();
    serve(req, res);
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    writeResponse(res, problem(417, 'expectation_failed', `Expect: ${JSON.stringify(String(req.headers.expect).slice(0, 60))} is not supported; only 100-continue is`), declaresBody(req));
  });
  server.on('connect', (_req: IncomingMessage, socket) => {
    refuse(socket, { status: 405, error: 'method_not_allowed', message: `CONNECT is not served; svarstid serves ${SERVED_METHODS.join(', ')}` }, `allow: ${SERVED_METHODS.join(', ')}\r\n`);
  });
  return server;
}
