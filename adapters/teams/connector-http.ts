/**
 * The HTTP client the Bot Connector client uses (botbuilder's `httpClient` option): plain fetch, with
 * one change. Azure's pipeline under botbuilder retries a 429, a 5xx or a 408 itself — three times,
 * sleeping for the Retry-After or 1, 2, 4 s — so inside a reminder tick one slow or throttled send
 * would hold the whole batch (and its lease) for seconds to minutes. Here the tick owns retries
 * (DESIGN.md: "retried after 30 s … or the platform's Retry-After, without holding up the others"):
 * such an answer is thrown at once as a ConnectorHttpError, which that pipeline does not retry, and
 * the notifier turns it into a NotifyError with the Retry-After. With authentication off, it calls
 * loopback addresses only (loopback.ts) and refuses any other without sending anything.
 */
import { hostOf, ServiceUrlRefused } from './loopback.js';

/** A retryable answer from the Bot Connector, handed straight up (not retried inside botbuilder). */
export class ConnectorHttpError extends Error {
  override readonly name = 'ConnectorHttpError';
  constructor(
    readonly statusCode: number,
    /** the Retry-After header as given (seconds or an HTTP date) */
    readonly retryAfter: string | undefined,
    detail: string,
  ) {
    super(`the Bot Connector answered ${statusCode}${detail ? `: ${detail}` : ''}`);
  }
}

/** what the SDK would retry itself: throttling, timeouts and server errors */
const retryable = (status: number): boolean => status === 429 || status === 408 || status >= 500;
const TIMEOUT_MS = 30_000;

/** The parts of @azure/core-http-compat's WebResourceLike this client reads. */
interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly body?: unknown;
  readonly headers: { toJson(options?: { preserveCase?: boolean }): Record<string, string> };
  readonly abortSignal?: AbortSignal;
}

/** The parts of a compat response botbuilder's pipeline reads (status, body, headers.toJson). */
function headersLike(values: Record<string, string>) {
  const lower = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v] as const));
  return {
    get: (name: string) => lower.get(name.toLowerCase()),
    contains: (name: string) => lower.has(name.toLowerCase()),
    toJson: () => ({ ...values }),
    rawHeaders: () => ({ ...values }),
  };
}

/** The connector's operations send JSON text; anything else is serialized. */
function bodyOf(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

export interface ConnectorHttpClient {
  sendRequest(request: OutgoingRequest): Promise<unknown>;
}

export function connectorHttpClient(fetchImpl: typeof fetch = fetch, allowed: (url: string) => boolean = () => true): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      if (!allowed(request.url)) throw new ServiceUrlRefused(hostOf(request.url));
      const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(request.abortSignal ? [request.abortSignal] : [])];
      const res = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        body: bodyOf(request.body),
        signal: AbortSignal.any(signals),
        redirect: 'manual',
      });
      const text = await res.text();
      if (retryable(res.status)) throw new ConnectorHttpError(res.status, res.headers.get('retry-after') ?? undefined, text.slice(0, 300));
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      return { request, status: res.status, headers: headersLike(headers), bodyAsText: text };
    },
  };
}
