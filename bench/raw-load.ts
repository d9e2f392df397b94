/**
 * The ingestion benchmark's load generator: signed generic deliveries over keep-alive HTTP/1.1, one
 * request at a time on each of `workers` connections, as wrk or autocannon drive a server. Every
 * request is written out whole (request line, headers, signature, body) before the phase starts, so
 * the client spends its CPU on the socket and on reading the answer's status line and length, not on
 * building requests (node:http cost 0.5–0.7 ms of CPU per request on the 2-core machine, taken from
 * the server it shares the cores with). The signature is the real one (signGeneric, the timestamp of
 * the phase's start: well inside the 300 s the server accepts).
 */
import net from 'node:net';
import { signGeneric } from '../adapters/sources/generic/index.js';
import type { Delivery } from '../tests/support/delivery-load.js';

export interface RawOutcome {
  readonly status: number | string;
  readonly ms: number;
  /** the answer's JSON body (for the counts) */
  readonly body: unknown;
}

/** The delivery as the bytes of one POST /webhooks/generic, signed for `source`. */
export function requestBytes(d: Delivery, host: string, secret: string, source: string, timestampSeconds: number): Buffer {
  const body = Buffer.from(d.body);
  const headers = { host, 'content-type': 'application/json', 'content-length': String(body.length), ...signGeneric(body, secret, timestampSeconds, source) };
  const head = `POST /webhooks/generic HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** One keep-alive connection: sends a request, resolves with the answer's status and body. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (r: { status: number; body: string }) => void; reject: (e: Error) => void };
  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.answer();
    });
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Connection(s)));
      s.once('error', reject);
    });
  }

  send(bytes: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(e);
  }

  /** a whole answer in the buffer (svarstid always sends Content-Length): hand it over */
  private answer(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve({ status: Number(head.slice(9, 12)), body });
  }
}

/** Sends every request once, `workers` at a time, each worker on its own keep-alive connection; the outcomes in the requests' order. */
export async function runRawLoad(port: number, workers: number, requests: readonly Buffer[]): Promise<RawOutcome[]> {
  const outcomes: RawOutcome[] = new Array(requests.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      let c = await Connection.open(port);
      try {
        while (next < requests.length) {
          const k = next++;
          const bytes = requests[k]!;
          const started = performance.now();
          try {
            const r = await c.send(bytes);
            let body: unknown = r.body;
            try {
              body = JSON.parse(r.body);
            } catch {
              /* not JSON */
            }
            outcomes[k] = { status: r.status, ms: performance.now() - started, body };
          } catch (e) {
            outcomes[k] = { status: (e as Error).message, ms: performance.now() - started, body: null };
            c.close();
            c = await Connection.open(port);
          }
        }
      } finally {
        c.close();
      }
    }),
  );
  return outcomes;
}
