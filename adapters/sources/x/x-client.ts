/**
 * A small client of the X API v2, shared by the catch-up reads and the actions (reply, DM, hide).
 * One base URL (`X_API_URL`, default https://api.x.com, configurable so tests run against the fake in
 * tests/fakes/x-api), OAuth 1.0a user context for an account (the app's consumer key and secret with
 * the account's access token and secret: long-lived, so nothing to refresh) or the app's Bearer token
 * for public reads, a timeout on every call, and every refusal mapped to a PlatformError.
 */
import { exchangeJson } from '../platform-http.js';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { PlatformError } from '../../../src/platform/errors.js';
import type { Secret } from '../../../src/platform/secret.js';
import { xError, xRateLimit, type XRateLimit } from './x-errors.js';

export const DEFAULT_X_API_URL = 'https://api.x.com';

export type XAuth =
  | { readonly kind: 'oauth1'; readonly consumerKey: Secret; readonly consumerSecret: Secret; readonly accessToken: Secret; readonly accessTokenSecret: Secret }
  | { readonly kind: 'bearer'; readonly token: Secret };

export interface XClientOptions {
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  /** for the wait after a 429 (x-rate-limit-reset is absolute) */
  readonly now?: () => number;
}

export interface XResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly rate: XRateLimit;
}

export type XQuery = Readonly<Record<string, string | number | undefined>>;

export class XClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(o: XClientOptions = {}) {
    this.baseUrl = (o.baseUrl ?? DEFAULT_X_API_URL).replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  get<T>(path: string, query: XQuery, auth: XAuth): Promise<XResponse<T>> {
    return this.call<T>('GET', this.url(path, query), auth);
  }

  post<T>(path: string, body: unknown, auth: XAuth): Promise<XResponse<T>> {
    return this.call<T>('POST', this.url(path, {}), auth, body);
  }

  put<T>(path: string, body: unknown, auth: XAuth): Promise<XResponse<T>> {
    return this.call<T>('PUT', this.url(path, {}), auth, body);
  }

  delete<T>(path: string, auth: XAuth): Promise<XResponse<T>> {
    return this.call<T>('DELETE', this.url(path, {}), auth);
  }

  private url(path: string, query: XQuery): URL {
    if (!/^\/2(?:\/[A-Za-z0-9_.:-]+)+$/.test(path)) throw new PlatformError('x', 'invalid_request', `not an X API v2 path: ${JSON.stringify(path.slice(0, 80))}`);
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private authorization(method: string, url: URL, auth: XAuth): string {
    if (auth.kind === 'bearer') return `Bearer ${auth.token.reveal()}`;
    // a JSON body is not part of the OAuth 1.0a signature base string; query parameters are
    const oauth = new OAuth({
      consumer: { key: auth.consumerKey.reveal(), secret: auth.consumerSecret.reveal() },
      signature_method: 'HMAC-SHA1',
      hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    });
    const signed = oauth.authorize({ url: url.toString(), method }, { key: auth.accessToken.reveal(), secret: auth.accessTokenSecret.reveal() });
    return oauth.toHeader(signed).Authorization;
  }

  private async call<T>(method: string, url: URL, auth: XAuth, body?: unknown): Promise<XResponse<T>> {
    const { res, parsed } = await exchangeJson('x', 'X API', method, url, this.authorization(method, url, auth), body, this.timeoutMs);
    if (!res.ok || parsed === undefined) throw xError(res.ok ? 502 : res.status, parsed, res.headers, this.now());
    return { status: res.status, body: parsed as T, rate: xRateLimit(res.headers) };
  }
}
