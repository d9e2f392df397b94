/**
 * Meta Graph API errors → PlatformError. The body is `{"error": {message, type, code, error_subcode,
 * is_transient, fbtrace_id}}` (Graph API "Handling Errors"); the codes are Meta's documented ones:
 *   190 (OAuthException: expired 463, password changed 460, …)    → token_invalid
 *   10 with subcode 2018278 / 2018065 (outside the messaging window) → window_closed
 *   10, 200–299, 283 (permissions)                                   → permission
 *   551 ("This person isn't available right now")                    → recipient_unavailable
 *   100 with subcode 33, 33 (object does not exist / no access)      → not_found
 *   4, 17, 32, 613, 80001–80099 (rate limits)                        → rate_limited
 *   1, 2, is_transient, HTTP 5xx                                     → unavailable
 * Usage headers (`X-App-Usage`, `X-Business-Use-Case-Usage`) give the wait for rate limits.
 */
import { PlatformError, type PlatformErrorCode } from '../../../src/platform/errors.js';

export interface GraphUsage {
  /** the highest of the usage percentages the headers report (100 = throttled) */
  readonly percent: number;
  /** minutes until access is regained (Business Use Case header), converted to ms */
  readonly regainMs: number;
}

type Headers = { get(name: string): string | null };

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);
const WINDOW_SUBCODES = new Set([2018278, 2018065]);
/** when a throttled answer says nothing about the wait */
export const DEFAULT_THROTTLE_MS = 60_000;

function numbers(o: unknown): number[] {
  if (typeof o !== 'object' || o === null) return [];
  return ['call_count', 'total_time', 'total_cputime'].map((k) => (o as Record<string, unknown>)[k]).filter((v): v is number => typeof v === 'number');
}

/** Usage from the response headers; zero when absent or unreadable. */
export function graphUsage(headers: Headers): GraphUsage {
  let percent = 0;
  let regainMs = 0;
  for (const name of ['x-app-usage', 'x-page-usage']) {
    const v = headers.get(name);
    if (!v) continue;
    try {
      percent = Math.max(percent, ...numbers(JSON.parse(v)));
    } catch {
      /* unreadable header: ignore */
    }
  }
  const buc = headers.get('x-business-use-case-usage');
  if (buc) {
    try {
      for (const list of Object.values(JSON.parse(buc) as Record<string, unknown>)) {
        for (const u of Array.isArray(list) ? list : []) {
          percent = Math.max(percent, ...numbers(u));
          const minutes = (u as Record<string, unknown>).estimated_time_to_regain_access;
          if (typeof minutes === 'number' && Number.isFinite(minutes)) regainMs = Math.max(regainMs, minutes * 60_000);
        }
      }
    } catch {
      /* unreadable header: ignore */
    }
  }
  return { percent, regainMs };
}

function classify(status: number, code: number | undefined, subcode: number | undefined, transient: boolean): PlatformErrorCode {
  if (code === 190) return 'token_invalid';
  if (code === 10 && subcode !== undefined && WINDOW_SUBCODES.has(subcode)) return 'window_closed';
  if (code === 551) return 'recipient_unavailable';
  if ((code === 100 && subcode === 33) || code === 33) return 'not_found';
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80099))) return 'rate_limited';
  if (code === 10 || code === 283 || (code !== undefined && code >= 200 && code <= 299)) return 'permission';
  if (transient || code === 1 || code === 2 || status >= 500) return 'unavailable';
  if (status === 404) return 'not_found';
  if (status === 401) return 'token_invalid';
  if (status === 403) return 'permission';
  if (status === 429) return 'rate_limited';
  return 'invalid_request';
}

/** The PlatformError for a Graph API answer that is not a success. */
export function graphError(status: number, body: unknown, headers: Headers): PlatformError {
  const e = typeof body === 'object' && body !== null ? (body as { error?: Record<string, unknown> }).error : undefined;
  const code = typeof e?.code === 'number' ? e.code : undefined;
  const subcode = typeof e?.error_subcode === 'number' ? e.error_subcode : undefined;
  const kind = classify(status, code, subcode, e?.is_transient === true);
  const retryAfterMs = kind === 'rate_limited' ? Math.max(graphUsage(headers).regainMs, DEFAULT_THROTTLE_MS) : undefined;
  const what = code === undefined ? `HTTP ${status}` : `code ${code}${subcode === undefined ? '' : `/${subcode}`}`;
  return new PlatformError('meta', kind, `Graph API refused the call (${what}, ${kind})`, {
    status,
    ...(code !== undefined && { platformCode: code }),
    ...(subcode !== undefined && { subcode }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}
