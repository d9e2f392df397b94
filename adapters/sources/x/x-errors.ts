/**
 * X API v2 errors → PlatformError. v2 answers problems as `application/problem+json`
 * (`{title, detail, type: "https://api.x.com/2/problems/<name>" | "about:blank", status}`), rate limits
 * with 429 and `x-rate-limit-reset` (Unix seconds). Mapping:
 *   401                                    → token_invalid
 *   403 client-forbidden / client-not-enrolled / unsupported-authentication → permission
 *   403 otherwise (e.g. a reply the author did not summon, DM settings) → not_allowed
 *   404, resource-not-found                → not_found
 *   429, rate-limit-exceeded, usage-capped → rate_limited (wait until the reset)
 *   5xx                                    → unavailable
 *   other 4xx                              → invalid_request
 */
import { PlatformError, type PlatformErrorCode } from '../../../src/platform/errors.js';

type Headers = { get(name: string): string | null };

export interface XRateLimit {
  readonly limit?: number;
  readonly remaining?: number;
  /** epoch ms when the window resets */
  readonly resetAt?: number;
}

const num = (v: string | null): number | undefined => (v !== null && /^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);

export function xRateLimit(headers: Headers): XRateLimit {
  const reset = num(headers.get('x-rate-limit-reset'));
  const limit = num(headers.get('x-rate-limit-limit'));
  const remaining = num(headers.get('x-rate-limit-remaining'));
  return { ...(limit !== undefined && { limit }), ...(remaining !== undefined && { remaining }), ...(reset !== undefined && { resetAt: reset * 1000 }) };
}

/** when a 429 carries no reset header */
export const DEFAULT_X_WAIT_MS = 60_000;

const problemName = (body: unknown): string => {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type.slice(type.lastIndexOf('/') + 1) : '';
};

function classify(status: number, problem: string, reason: string): PlatformErrorCode {
  if (status === 429 || problem === 'rate-limit-exceeded' || problem === 'usage-capped') return 'rate_limited';
  if (status === 401) return 'token_invalid';
  if (status === 403) return problem === 'client-forbidden' || problem === 'unsupported-authentication' || reason === 'client-not-enrolled' ? 'permission' : 'not_allowed';
  if (status === 404 || problem === 'resource-not-found') return 'not_found';
  if (status >= 500) return 'unavailable';
  return 'invalid_request';
}

export function xError(status: number, body: unknown, headers: Headers, now: number): PlatformError {
  const problem = problemName(body);
  const reason = typeof body === 'object' && body !== null && typeof (body as { reason?: unknown }).reason === 'string' ? (body as { reason: string }).reason : '';
  const kind = classify(status, problem, reason);
  const reset = xRateLimit(headers).resetAt;
  const retryAfterMs = kind === 'rate_limited' ? (reset !== undefined ? Math.max(reset - now, 1000) : DEFAULT_X_WAIT_MS) : undefined;
  return new PlatformError('x', kind, `X API refused the call (HTTP ${status}${problem ? ` ${problem}` : ''}, ${kind})`, {
    status,
    ...(problem && { platformCode: problem }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  });
}
