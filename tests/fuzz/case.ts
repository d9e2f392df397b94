/**
 * One fuzz case = one row: how to send it and what must come back. The builders below make a row a
 * one-liner: `{ name, send: meta(deep(5000)), status: 400, error: 'too_deep' }`. Every row is run
 * against every database target; per row the runner asserts the status (never a 5xx), the JSON
 * error format for a 4xx, how many inquiries were stored (default none) and that the server still
 * answers /healthz afterwards.
 */
import { createHash } from 'node:crypto';
import { sendRaw, requestBytes, type Answer, type RequestSpec } from './raw-client.js';
import type { FuzzApp, Signers } from './fuzz-app.js';

export interface Case {
  readonly name: string;
  readonly send: (f: FuzzApp) => Promise<Answer>;
  /** the status expected; 0 = the server closes the connection without answering (the client went away) */
  readonly status: number;
  /** the `error` code expected in a 4xx body */
  readonly error?: string;
  /** the `message` must match */
  readonly message?: RegExp;
  /** inquiries this case stores (default 0: a refused request stores nothing) */
  readonly stores?: number;
  /** events this case writes (default: one "received" per stored inquiry) */
  readonly events?: number;
  /** more to assert about the answer */
  readonly check?: (a: Answer) => void;
}

export type Body = string | Buffer | object;
export type BodyOf = Body | ((f: FuzzApp) => Body);
type Header = readonly [string, string];

const bytes = (b: Body): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(typeof b === 'string' ? b : JSON.stringify(b), 'utf8'));
const resolveBody = (b: BodyOf, f: FuzzApp): Buffer => bytes(typeof b === 'function' ? b(f) : b);

export interface PostOptions {
  readonly sign?: keyof Signers | 'none';
  /** default application/json; null sends none */
  readonly contentType?: string | null;
  readonly headers?: readonly Header[];
  /** to the app with Teams authentication on */
  readonly auth?: boolean;
  readonly method?: string;
  /** send the body with Transfer-Encoding: chunked, in chunks of this many bytes */
  readonly chunkBytes?: number;
}

/** `body` as a chunked body, with a trailer section. */
function chunkedBody(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const c = body.subarray(i, i + size);
    parts.push(Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n'));
  }
  return Buffer.concat([...parts, Buffer.from('0\r\nX-Trailer: 1\r\n\r\n')]);
}

/** Raw bytes, sent in one write (or several, `pauseMs` apart). */
export const raw = (...parts: Array<string | Buffer>) => (f: FuzzApp) => sendRaw(f.port, parts);
export const slow = (pauseMs: number, ...parts: Array<string | Buffer>) => (f: FuzzApp) => sendRaw(f.port, parts, { pauseMs });
/** A request built from parts (repeated headers allowed). */
export const request = (spec: RequestSpec | ((f: FuzzApp) => RequestSpec), o: { auth?: boolean } = {}) => (f: FuzzApp) => {
  const s = typeof spec === 'function' ? spec(f) : spec;
  return sendRaw(o.auth ? f.authPort : f.port, [requestBytes(s)], { head: s.method === 'HEAD' });
};

export const get = (target: string, headers: readonly Header[] = [], method = 'GET') => request({ method, target, headers: [...headers] });
export const api = (target: string, method = 'GET') => (f: FuzzApp) => request({ method, target, headers: Object.entries(f.sign.token()) })(f);

export const post = (path: string, body: BodyOf, o: PostOptions = {}) => (f: FuzzApp) => {
  const b = resolveBody(body, f);
  const signed = o.sign && o.sign !== 'none' ? Object.entries(f.sign[o.sign](b)) : [];
  const type = o.contentType === undefined ? 'application/json' : o.contentType;
  const headers: Header[] = [...(type === null ? [] : [['Content-Type', type] as const]), ...signed, ...(o.headers ?? []), ...(o.chunkBytes ? [['Transfer-Encoding', 'chunked'] as const] : [])];
  const sent = o.chunkBytes ? chunkedBody(b, o.chunkBytes) : b;
  return request({ method: o.method ?? 'POST', target: path, headers, body: sent }, { auth: o.auth ?? false })(f);
};

export const meta = (body: BodyOf, o: PostOptions = {}) => post('/webhooks/meta', body, { sign: 'meta', ...o });
export const x = (body: BodyOf, o: PostOptions = {}) => post('/webhooks/x', body, { sign: 'x', ...o });
export const generic = (body: BodyOf, o: PostOptions = {}) => post('/webhooks/generic', body, { sign: 'generic', ...o });
export const slack = (body: BodyOf, o: PostOptions = {}) => post('/slack/events', body, { sign: 'slack', ...o });
export const teams = (body: BodyOf, o: PostOptions = {}) => post('/api/messages', body, { sign: 'none', ...o });

/** The same request `n` times at once (e.g. identical notices to several instances): the worst answer (highest status) is returned. */
export const concurrently = (n: number, send: (f: FuzzApp) => Promise<Answer>) => async (f: FuzzApp): Promise<Answer> => {
  const answers = await Promise.all(Array.from({ length: n }, () => send(f)));
  return answers.reduce((worst, a) => (a.status > worst.status ? a : worst));
};

/** `levels` nested arrays: [[[…]]] */
export const deep = (levels: number, open = '[', close = ']'): string => open.repeat(levels) + close.repeat(levels);

/** A body of `size` bytes sent with Transfer-Encoding: chunked, in 64 KiB chunks. */
export function chunked(path: string, size: number, headers: readonly Header[] = []) {
  return (f: FuzzApp) => {
    const head = requestBytes({ method: 'POST', target: path, headers: [['Transfer-Encoding', 'chunked'], ['Content-Type', 'application/json'], ...headers] });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const parts: Buffer[] = [head];
    for (let sent = 0; sent < size; sent += chunk.length) parts.push(Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
    parts.push(Buffer.from('0\r\n\r\n'));
    return sendRaw(f.port, [Buffer.concat(parts)]);
  };
}

/** `n` characters that do not compress (a database compresses a repetitive key into an index entry; these it cannot), the same every run. */
export function noise(n: number, seed = 'svarstid'): string {
  let out = '';
  for (let h = seed; out.length < n; ) out += (h = createHash('sha256').update(h).digest('base64url'));
  return out.slice(0, n);
}

let counter = 0;
/** A fresh external id, unique in the table. */
export const uid = (prefix: string): string => `${prefix}-${++counter}`;
