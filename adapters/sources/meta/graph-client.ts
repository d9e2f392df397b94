/**
 * A small client of Meta's Graph API, shared by the catch-up reads and the actions (answer, hide,
 * remove). One base URL with a pinned version (`META_GRAPH_API_URL`, configurable so tests run against
 * the fake in tests/fakes/graph-api), the account's page token in the Authorization header (never in
 * a URL or a log), a timeout on every call, cursor paging, and every refusal mapped to a PlatformError.
 */
import { exchangeJson } from '../platform-http.js';
import type { Secret } from '../../../src/platform/secret.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { graphError, graphUsage, type GraphUsage } from './graph-errors.js';

export const GRAPH_API_VERSION = 'v26.0';
export const DEFAULT_GRAPH_API_URL = `https://graph.facebook.com/${GRAPH_API_VERSION}`;

export interface GraphClientOptions {
  /** e.g. https://graph.facebook.com/v26.0 (no trailing slash needed) */
  readonly baseUrl?: string;
  /** per call; default 10 s */
  readonly timeoutMs?: number;
}

export interface GraphResponse<T> {
  readonly body: T;
  readonly usage: GraphUsage;
}

export type GraphParams = Readonly<Record<string, string | number | boolean | undefined>>;

export interface GraphPage<T> {
  readonly data: T[];
  readonly paging?: { readonly cursors?: { readonly before?: string; readonly after?: string }; readonly next?: string; readonly previous?: string };
}

export class GraphClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(o: GraphClientOptions = {}) {
    this.baseUrl = (o.baseUrl ?? DEFAULT_GRAPH_API_URL).replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? 10_000;
  }

  get<T>(path: string, params: GraphParams, token: Secret): Promise<GraphResponse<T>> {
    return this.call<T>('GET', this.url(path, params), token);
  }

  /** POST with a JSON body (the Graph API takes JSON as well as form bodies) */
  post<T>(path: string, body: Readonly<Record<string, unknown>>, token: Secret, params: GraphParams = {}): Promise<GraphResponse<T>> {
    return this.call<T>('POST', this.url(path, params), token, body);
  }

  delete<T>(path: string, token: Secret): Promise<GraphResponse<T>> {
    return this.call<T>('DELETE', this.url(path, {}), token);
  }

  /**
   * Every page of a list, following `paging.next` (only to this client's own host; the token in a
   * `next` URL is dropped and sent in the header instead), at most `maxPages` pages.
   */
  async *pages<T>(path: string, params: GraphParams, token: Secret, maxPages = 50): AsyncGenerator<GraphResponse<GraphPage<T>>> {
    let url: URL | undefined = this.url(path, params);
    for (let n = 0; url && n < maxPages; n++) {
      const page: GraphResponse<GraphPage<T>> = await this.call<GraphPage<T>>('GET', url, token);
      yield page;
      url = this.nextUrl(page.body.paging?.next);
    }
  }

  private nextUrl(next: string | undefined): URL | undefined {
    if (!next || !URL.canParse(next)) return undefined;
    const url = new URL(next);
    const base = new URL(this.baseUrl);
    if (url.origin !== base.origin) return undefined;
    url.searchParams.delete('access_token');
    return url;
  }

  private url(path: string, params: GraphParams): URL {
    const clean = path.replace(/^\/+/, '');
    if (!/^[A-Za-z0-9_]+(?:\/[A-Za-z0-9_]+)*$/.test(clean)) throw new PlatformError('meta', 'invalid_request', `not a Graph API path: ${JSON.stringify(path.slice(0, 80))}`);
    const url = new URL(`${this.baseUrl}/${clean}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private async call<T>(method: string, url: URL, token: Secret, body?: unknown): Promise<GraphResponse<T>> {
    const { res, parsed } = await exchangeJson('meta', 'Graph API', method, url, `Bearer ${token.reveal()}`, body, this.timeoutMs);
    if (!res.ok || parsed === undefined || (typeof parsed === 'object' && parsed !== null && 'error' in parsed)) throw graphError(res.ok ? 502 : res.status, parsed, res.headers);
    return { body: parsed as T, usage: graphUsage(res.headers) };
  }
}
