/** The small interface between the HTTP server and whatever mounts routes on it (bolt-js Receiver style). */
import type { IncomingHttpHeaders } from 'node:http';
import { parseJson } from './json.js';

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
  /** extra response headers (e.g. Retry-After); content-type and content-length are set by the server */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** "/webhooks/meta" or "/api/inquiries/:id" */
  readonly path: string;
  handle(req: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

export const json = (status: number, body: unknown): HttpResponse => ({ status, body });
export const problem = (status: number, error: string, message: string): HttpResponse => ({ status, body: { error, message } });

/**
 * What is wrong with the request's Content-Type for a JSON body, or undefined: none given, or
 * application/json (or a +json type) in UTF-8, is fine; a form, multipart, text or another charset is not.
 */
export function jsonContentTypeProblem(headers: IncomingHttpHeaders): string | undefined {
  const given = headers['content-type'];
  if (given === undefined || given.trim() === '') return undefined;
  const [type = '', ...params] = given.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return `the body must be JSON (Content-Type: application/json), not ${JSON.stringify(given.slice(0, 100))}`;
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return `JSON is UTF-8; charset ${JSON.stringify(charset.slice(0, 40))} is not supported`;
  return undefined;
}

/** Parses a JSON body, or returns the 4xx response that says what is wrong (415 wrong type, 400 empty, malformed or too deep). */
export function parseJsonBody(req: HttpRequest): { ok: true; value: unknown } | { ok: false; response: HttpResponse } {
  const wrongType = jsonContentTypeProblem(req.headers);
  if (wrongType !== undefined) return { ok: false, response: problem(415, 'unsupported_media_type', wrongType) };
  if (req.body.length === 0) return { ok: false, response: problem(400, 'empty_body', 'the request has no body; send JSON') };
  const parsed = parseJson(req.body.toString('utf8'));
  return parsed.ok ? parsed : { ok: false, response: problem(400, parsed.error, parsed.message) };
}
