/**
 * Load for svarstid's webhooks as the platforms make it: signed generic deliveries over real HTTP,
 * many at once, each redelivered on 503 (and on a dropped connection) as Meta and X redeliver, until
 * it is acknowledged (2xx) or refused for good. Used by the fault tests and by bench/ingest.ts.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { signGeneric } from '../../adapters/sources/generic/index.js';

export interface LoadMessage {
  readonly externalId: string;
  readonly text?: string;
  readonly author?: string;
  /** ISO 8601 with offset (default 2026-11-25T09:14:00+01:00) */
  readonly receivedAt?: string;
}

export interface Delivery {
  readonly body: string;
  readonly externalIds: readonly string[];
}

/** One delivery: a single message, or a batch ({"messages": […]}) when given several. */
export function genericDelivery(messages: readonly LoadMessage[], account = 'hofors-blogg'): Delivery {
  const items = messages.map((m) => ({ account, external_id: m.externalId, author: m.author ?? 'Anna', text: m.text ?? 'Hej! När plogas Storgatan?', received_at: m.receivedAt ?? '2026-11-25T09:14:00+01:00' }));
  return { body: JSON.stringify(items.length === 1 ? items[0] : { messages: items }), externalIds: messages.map((m) => m.externalId) };
}

/** Unique external ids for a run: `<prefix>-<random>-<n>`. */
export function idMaker(prefix: string): () => string {
  const run = randomBytes(4).toString('hex');
  let n = 0;
  return () => `${prefix}-${run}-${n++}`;
}

export interface Attempt {
  /** HTTP status, or the connection error's code ("ECONNRESET", "timeout") */
  readonly status: number | string;
  readonly retryAfter: string | null;
  readonly ms: number;
  readonly body: unknown;
}

export interface Outcome {
  readonly delivery: Delivery;
  readonly attempts: readonly Attempt[];
  /** the final answer was 2xx */
  readonly acknowledged: boolean;
}

export interface DeliverOptions {
  readonly base: string;
  readonly secret: string;
  readonly source?: string;
  /** give up after this many attempts (default 200) */
  readonly maxAttempts?: number;
  /** wait before a redelivery (ms; default 100): the platforms wait longer, the tests compress time */
  readonly retryDelayMs?: number;
  /** abort one attempt after this long (default 20 s, Meta's limit) */
  readonly timeoutMs?: number;
  /** stop redelivering when this returns true (the run is over) */
  readonly stopped?: () => boolean;
  /**
   * `http`: node:http with a keep-alive agent instead of fetch (the benchmarks: about half the
   * client's CPU per request, which shares the machine's cores with the server)
   */
  readonly client?: 'fetch' | 'http';
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** one POST over node:http keep-alive: status, Retry-After and body text; rejects like fetch (TimeoutError, or the socket's error) */
function httpPost(url: string, body: string | Buffer, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; retryAfter: string | null; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: keepAlive, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ra = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter: typeof ra === 'string' ? ra : null, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', (e: Error & { code?: string }) => reject(e.name === 'TimeoutError' ? e : Object.assign(new Error(e.message), { cause: { code: e.code } })));
    req.end(body);
  });
}

/** Posts a delivery, redelivering on 503 and on connection errors, as a platform does. */
export async function deliver(d: Delivery, o: DeliverOptions): Promise<Outcome> {
  const attempts: Attempt[] = [];
  const most = o.maxAttempts ?? 200;
  for (let k = 0; k < most; k++) {
    const headers = { 'content-type': 'application/json', ...signGeneric(d.body, o.secret, Math.floor(Date.now() / 1000), o.source ?? 'hofors-blogg') };
    const started = performance.now();
    let attempt: Attempt;
    try {
      const url = `${o.base}/webhooks/generic`;
      const timeoutMs = o.timeoutMs ?? 20_000;
      const res =
        o.client === 'http'
          ? await httpPost(url, d.body, headers, timeoutMs)
          : await fetch(url, { method: 'POST', body: d.body, headers, signal: AbortSignal.timeout(timeoutMs) }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), text: await r.text() }));
      const text = res.text;
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      attempt = { status: res.status, retryAfter: res.retryAfter, ms: performance.now() - started, body };
    } catch (e) {
      const err = e as { name?: string; cause?: { code?: string }; message: string };
      attempt = { status: err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.message), retryAfter: null, ms: performance.now() - started, body: null };
    }
    attempts.push(attempt);
    const s = attempt.status;
    if (typeof s === 'number' && s >= 200 && s < 300) return { delivery: d, attempts, acknowledged: true };
    if (typeof s === 'number' && s !== 503) return { delivery: d, attempts, acknowledged: false };
    // no wait after the last attempt (a refused connection after a shutdown is then over at once)
    if (o.stopped?.() || k + 1 === most) break;
    await new Promise((r) => setTimeout(r, o.retryDelayMs ?? 100));
  }
  return { delivery: d, attempts, acknowledged: false };
}

/** Runs `workers` clients, each taking the next delivery from `next()` until it returns undefined. */
export async function runLoad(workers: number, next: () => Delivery | undefined, o: DeliverOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let d = next(); d !== undefined; d = next()) outcomes.push(await deliver(d, o));
    }),
  );
  return outcomes;
}

/** Attempts by status over all outcomes: { "200": 812, "503": 17, "ECONNRESET": 2 } */
export function statusCounts(outcomes: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) for (const a of o.attempts) counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
  return counts;
}
