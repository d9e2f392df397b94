/**
 * The HTTP edge's limits: how much a client may send and how long it may take. A platform never
 * comes near them (Meta, X, Slack, Teams and generic senders deliver a few kilobytes from data
 * centres in well under a second); a slowloris or a flood does, and is cut off with a JSON 4xx.
 * The reasoning behind each number is in docs/http-edge.md. Tests pass smaller ones.
 */

export interface HttpLimits {
  /** largest body read; a larger one is answered 413 and the connection closed (reading stops at the limit) */
  readonly maxBodyBytes: number;
  /** request line and headers together; more is answered 431 by the parser */
  readonly maxHeaderBytes: number;
  /** the request line and every header must arrive within this long after the connection opens (or the previous request ends); else 408 and closed */
  readonly headersTimeoutMs: number;
  /** the whole body must arrive within this long after the headers; else 408 and closed */
  readonly bodyTimeoutMs: number;
  /** an idle keep-alive connection (between requests) is closed after this long */
  readonly keepAliveTimeoutMs: number;
  /** how often the server looks for connections past the headers timeout (Node's default, 30 s, would let a slow sender stay up to 30 s longer) */
  readonly timeoutCheckIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
};

/** The defaults with some replaced (tests, and the environment in the composition root). */
export function httpLimits(overrides: Partial<HttpLimits> = {}): HttpLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) throw new RangeError(`HTTP limit ${name} must be a positive whole number, got ${value}`);
  }
  return limits;
}

/** The environment variable of each limit: SVARSTID_HTTP_HEADERS_TIMEOUT_MS=… (whole numbers, ms or bytes). */
export const LIMIT_VARIABLES: Readonly<Record<keyof HttpLimits, string>> = {
  maxBodyBytes: 'SVARSTID_HTTP_MAX_BODY_BYTES',
  maxHeaderBytes: 'SVARSTID_HTTP_MAX_HEADER_BYTES',
  headersTimeoutMs: 'SVARSTID_HTTP_HEADERS_TIMEOUT_MS',
  bodyTimeoutMs: 'SVARSTID_HTTP_BODY_TIMEOUT_MS',
  keepAliveTimeoutMs: 'SVARSTID_HTTP_KEEP_ALIVE_TIMEOUT_MS',
  timeoutCheckIntervalMs: 'SVARSTID_HTTP_TIMEOUT_CHECK_INTERVAL_MS',
};

/** The limits the environment sets (unset ones keep their defaults); an Error naming a variable that is not a positive whole number. */
export function httpLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): HttpLimits {
  const overrides: Partial<Record<keyof HttpLimits, number>> = {};
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as Array<[keyof HttpLimits, string]>) {
    const raw = env[variable]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new Error(`${variable}=${JSON.stringify(raw)} is not a positive whole number`);
    overrides[key] = Number(raw);
  }
  return httpLimits(overrides);
}
