/**
 * The HTTP client the Bot Connector client uses (botbuilder's `httpClient` option): plain fetch, with
 * one change. Azure's pipeline under botbuilder retries a 429 or 503 itself, up to three times,
 * sleeping for the Retry-After it was given; inside a reminder tick that would hold the whole batch
 * (and its lease) for minutes. Here the tick owns retries (DESIGN.md: "retried after 30 s … or the
 * platform's Retry-After, without holding up the others"), so the Retry-After of a 429/503 is handed
 * on under RETRY_AFTER_HEADER, where the SDK's retry does not look, and the notifier reads it.
 */

/** where a 429's or 503's Retry-After is kept for the notifier */
export const RETRY_AFTER_HEADER = 'x-svarstid-retry-after';

const SDK_RETRY_HEADERS = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms'];
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

export function connectorHttpClient(fetchImpl: typeof fetch = fetch): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      const signals = [AbortSignal.timeout(TIMEOUT_MS), ...(request.abortSignal ? [request.abortSignal] : [])];
      const res = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers.toJson({ preserveCase: true }),
        body: bodyOf(request.body),
        signal: AbortSignal.any(signals),
        redirect: 'manual',
      });
      const text = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k] = v));
      if (res.status === 429 || res.status === 503) {
        if (headers['retry-after'] !== undefined) headers[RETRY_AFTER_HEADER] = headers['retry-after'];
        for (const h of SDK_RETRY_HEADERS) delete headers[h];
      }
      return { request, status: res.status, headers: headersLike(headers), bodyAsText: text };
    },
  };
}
