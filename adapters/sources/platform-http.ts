/**
 * One HTTP exchange with a platform's API, shared by the Graph API and X API clients: a JSON body,
 * the given Authorization header, a timeout, and the answer's text parsed as JSON. A request that
 * never got an answer (timeout, refused or dropped connection) is a PlatformError `unavailable`
 * naming the method and path only (never the query, which may carry ids, nor a token); what the
 * platform answered is for the caller's own error mapping.
 */
import { PlatformError, type PlatformName } from '../../src/platform/errors.js';

export interface PlatformAnswer {
  readonly res: Response;
  /** the body as JSON ({} when empty), or undefined when it is not JSON */
  readonly parsed: unknown;
}

export async function exchangeJson(platform: PlatformName, label: string, method: string, url: URL, authorization: string, body: unknown, timeoutMs: number): Promise<PlatformAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { authorization, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name);
    throw new PlatformError(platform, 'unavailable', `${label} ${method} ${url.pathname} failed: ${why}`);
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = undefined;
  }
  return { res, parsed };
}
