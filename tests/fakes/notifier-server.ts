/**
 * A fake chat platform over real HTTP, for multi-instance, crash and benchmark runs: it accepts
 * POST /deliveries with JSON { key, to, type, … } and counts accepted deliveries per key, so a test can
 * tell exactly which reminder reached whom how often. It can be told to fail the first N requests
 * (500, or 429 with Retry-After) and to answer after a delay (platform latency).
 *
 * A failed request is recorded as an attempt but is not a delivery. For a fake running in another
 * process, GET /stats answers { total, failed, duplicates, byWorker } and POST /control
 * { reset?, delayMs?, failFirst?, failStatus?, retryAfterSeconds? } changes the settings.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeliveryRequest {
  readonly key: string;
  readonly to: number;
  readonly type: string;
  /** the instance that sent it, when the notifier says */
  readonly worker?: string;
  /** the sender's (simulated) time of the send, epoch ms, when the notifier says */
  readonly at?: number;
  readonly [more: string]: unknown;
}

export interface Attempt {
  readonly delivery: DeliveryRequest;
  /** the HTTP status the fake answered */
  readonly status: number;
}

export interface FailOptions {
  /** 500 (default) or 429 */
  readonly status?: number;
  /** sent as Retry-After (seconds) */
  readonly retryAfterSeconds?: number;
}

/** POST /control */
export interface Control {
  readonly reset?: boolean;
  readonly delayMs?: number;
  readonly failFirst?: number;
  readonly failStatus?: number;
  readonly retryAfterSeconds?: number;
}

export class NotifierServer {
  /** accepted deliveries per key */
  readonly counts = new Map<string, number>();
  /** every well-formed request, accepted or failed, in arrival order */
  readonly attempts: Attempt[] = [];
  /** accepted deliveries per sending instance */
  readonly byWorker = new Map<string, number>();
  /** milliseconds to wait before answering each request */
  delayMs = 0;
  private failLeft = 0;
  private failWith: FailOptions = {};
  private acceptedTotal = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<NotifierServer> {
    const server = createServer();
    const fake = new NotifierServer(server);
    server.keepAliveTimeout = 30_000;
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** the base URL, e.g. http://127.0.0.1:43121 */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** where a notifier POSTs */
  get deliveriesUrl(): string {
    return `${this.url}/deliveries`;
  }

  /** fail the next `n` requests (500 by default) */
  failFirst(n: number, options: FailOptions = {}): void {
    this.failLeft = n;
    this.failWith = options;
  }

  /** accepted deliveries, all keys */
  get total(): number {
    return this.acceptedTotal;
  }

  /** keys delivered more than once, with their counts */
  get duplicates(): Array<[string, number]> {
    return [...this.counts].filter(([, n]) => n > 1);
  }

  /** failed requests so far */
  get failed(): number {
    return this.attempts.filter((a) => a.status >= 300).length;
  }

  /** the accepted deliveries (one entry per accepted request) */
  accepted(): DeliveryRequest[] {
    return this.attempts.filter((a) => a.status < 300).map((a) => a.delivery);
  }

  /** forgets all counts (the fail and delay settings stay) */
  reset(): void {
    this.counts.clear();
    this.byWorker.clear();
    this.attempts.length = 0;
    this.acceptedTotal = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** the counts, as GET /stats answers them */
  stats(): { total: number; failed: number; duplicates: number; byWorker: Record<string, number> } {
    return { total: this.total, failed: this.failed, duplicates: this.duplicates.length, byWorker: Object.fromEntries(this.byWorker) };
  }

  private control(c: Control): { ok: true } {
    if (c.reset) this.reset();
    if (c.delayMs !== undefined) this.delayMs = c.delayMs;
    if (c.failFirst !== undefined) this.failFirst(c.failFirst, { status: c.failStatus, retryAfterSeconds: c.retryAfterSeconds });
    return { ok: true };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method === 'GET' && req.url === '/stats') return answer(res, 200, this.stats());
    const route = `${req.method} ${req.url}`;
    if (route !== 'POST /deliveries' && route !== 'POST /control') return answer(res, 404, { error: 'not_found' });
    let d: DeliveryRequest;
    try {
      d = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DeliveryRequest;
    } catch {
      return answer(res, 400, { error: 'malformed_json' });
    }
    if (route === 'POST /control') return answer(res, 200, this.control(d as unknown as Control));
    if (typeof d?.key !== 'string' || typeof d.to !== 'number' || typeof d.type !== 'string') {
      return answer(res, 400, { error: 'invalid_payload', message: 'key (string), to (number) and type (string) are required' });
    }
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failLeft > 0) {
      this.failLeft--;
      const status = this.failWith.status ?? 500;
      this.attempts.push({ delivery: d, status });
      const headers: Record<string, string> = this.failWith.retryAfterSeconds !== undefined ? { 'retry-after': String(this.failWith.retryAfterSeconds) } : {};
      return answer(res, status, { error: status === 429 ? 'rate_limited' : 'fake_platform_error' }, headers);
    }
    this.attempts.push({ delivery: d, status: 200 });
    this.counts.set(d.key, (this.counts.get(d.key) ?? 0) + 1);
    const worker = d.worker ?? '(unnamed)';
    this.byWorker.set(worker, (this.byWorker.get(worker) ?? 0) + 1);
    this.acceptedTotal++;
    answer(res, 200, { ok: true });
  }
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
