/** The small interface between the HTTP server and whatever mounts routes on it (bolt-js Receiver style). */
import type { IncomingHttpHeaders } from 'node:http';

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** the raw body, exactly as received (signatures are computed over it) */
  readonly body: Buffer;
  /** path parameters from a pattern route */
  readonly params: Readonly<Record<string, string>>;
}

export interface HttpResponse {
  readonly status: number;
  /** JSON-serialized unless `text` is set */
  readonly body?: unknown;
  readonly text?: string;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** "/webhooks/meta" or "/api/inquiries/:id" */
  readonly path: string;
  handle(req: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

export const json = (status: number, body: unknown): HttpResponse => ({ status, body });
export const problem = (status: number, error: string, message: string): HttpResponse => ({ status, body: { error, message } });

/** Parses a JSON body, or returns the 400 response that says what is wrong. */
export function parseJsonBody(req: HttpRequest): { ok: true; value: unknown } | { ok: false; response: HttpResponse } {
  if (req.body.length === 0) return { ok: false, response: problem(400, 'empty_body', 'the request has no body; send JSON') };
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8')) };
  } catch (e) {
    return { ok: false, response: problem(400, 'malformed_json', `the body is not valid JSON: ${(e as Error).message}`) };
  }
}
