/**
 * An HTTP/1.1 client on a bare TCP socket, for sending exactly the bytes a case describes (a broken
 * request line, repeated headers, a body that trickles in) and reading the first answer back.
 * `status: 0` means the server closed the connection without answering.
 */
import { connect } from 'node:net';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** the body parsed as JSON, or undefined */
  readonly json: any;
  /** milliseconds from the first byte sent to the answer (or the close) */
  readonly ms: number;
}

export interface RawOptions {
  /** the request is HEAD: the answer has headers only */
  readonly head?: boolean;
  /** sends `parts` one after the other with this pause between them (a slow client) */
  readonly pauseMs?: number;
  /** gives up after this long (the answer is then status -1) */
  readonly timeoutMs?: number;
}

function parse(buf: Buffer, head: boolean): { status: number; headers: Record<string, string>; body: Buffer } | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
  const first = lines.shift()!;
  const rest = end + 4;
  // 100 Continue is an interim answer: skip it
  if (/^HTTP\/1\.[01] 100 /.test(first)) return parse(buf.subarray(rest), head);
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(first)?.[1] ?? NaN);
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = head ? 0 : Number(headers['content-length'] ?? 0);
  if (buf.length - rest < length) return undefined;
  return { status, headers, body: buf.subarray(rest, rest + length) };
}

const toAnswer = (r: { status: number; headers: Record<string, string>; body: Buffer } | undefined, started: number, fallback: number): Answer => {
  const text = r?.body.toString('utf8') ?? '';
  let json: any;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: r?.status ?? fallback, headers: r?.headers ?? {}, text, json, ms: performance.now() - started };
};

/** Sends `parts` (one write each) to 127.0.0.1:`port` and resolves with the first answer. */
export function sendRaw(port: number, parts: ReadonlyArray<string | Buffer>, o: RawOptions = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (a: Answer): void => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      socket.destroy();
      resolve(a);
    };
    socket.on('connect', () => {
      parts.forEach((p, i) => {
        const write = (): void => {
          if (!socket.destroyed && socket.writable) socket.write(typeof p === 'string' ? Buffer.from(p, 'latin1') : p, () => {});
        };
        if (!o.pauseMs || i === 0) write();
        else timers.push(setTimeout(write, i * o.pauseMs));
      });
    });
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      const r = parse(received, o.head ?? false);
      if (r) finish(toAnswer(r, started, 0));
    });
    // a reset after the answer (the server closes while we still send) is no failure: use what arrived
    socket.on('error', () => finish(toAnswer(parse(received, o.head ?? false), started, 0)));
    socket.on('close', () => finish(toAnswer(parse(received, o.head ?? false), started, 0)));
    timers.push(setTimeout(() => finish(toAnswer(undefined, started, -1)), o.timeoutMs ?? 15_000));
  });
}

export interface RequestSpec {
  readonly method?: string;
  readonly target: string;
  /** in order, repeats allowed; Host and Content-Length are added unless given (or `bare`) */
  readonly headers?: ReadonlyArray<readonly [string, string]>;
  readonly body?: string | Buffer;
  readonly version?: string;
  /** no automatic Host / Content-Length */
  readonly bare?: boolean;
}

/** The bytes of a request. */
export function requestBytes(r: RequestSpec): Buffer {
  const body = r.body === undefined ? Buffer.alloc(0) : typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const headers = [...(r.headers ?? [])];
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  if (!r.bare && !has('host')) headers.unshift(['Host', '127.0.0.1']);
  if (!r.bare && !has('content-length') && !has('transfer-encoding') && (body.length > 0 || r.method === 'POST')) headers.push(['Content-Length', String(body.length)]);
  const head = `${r.method ?? 'GET'} ${r.target} ${r.version ?? 'HTTP/1.1'}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}
