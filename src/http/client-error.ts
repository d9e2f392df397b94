/**
 * Requests Node's HTTP parser refuses before any route sees them — a malformed request line or
 * header, an unknown method, conflicting Content-Length and Transfer-Encoding (the request-smuggling
 * shapes), headers past the size limit, headers too slow — and CONNECT, which has no route. Each is
 * answered with the JSON error format where the socket can still take an answer, and closed.
 */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly message: string;
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 405: 'Method Not Allowed', 408: 'Request Timeout', 413: 'Content Too Large', 431: 'Request Header Fields Too Large' };

/** The error codes of what Node's parser (llhttp) refuses, by kind. */
const KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^HPE_(?:INVALID_TRANSFER_ENCODING|INVALID_CONTENT_LENGTH|UNEXPECTED_CONTENT_LENGTH|INVALID_CHUNK_SIZE|STRICT|CR_EXPECTED|LF_EXPECTED)$/, 'bad_framing'],
  [/^HPE_INVALID_METHOD$/, 'bad_method'],
  [/^HPE_INVALID_(?:URL|CONSTANT)$/, 'bad_request_target'],
  [/^HPE_INVALID_VERSION$/, 'bad_http_version'],
  [/^HPE_INVALID_HEADER_TOKEN$/, 'bad_header'],
];

/**
 * What to answer for a parser error: its code (llhttp's HPE_*, or Node's ERR_HTTP_REQUEST_TIMEOUT)
 * and llhttp's reason, a fixed English phrase ("Transfer-Encoding can't be present with Content-Length").
 */
export function refusalFor(code: string | undefined, reason: unknown, limits: { maxHeaderBytes: number; headersTimeoutMs: number }): Refusal {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, error: 'headers_too_large', message: `the request line and headers are larger than ${limits.maxHeaderBytes} bytes` };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, error: 'request_timeout', message: `the request did not arrive in time (the request line and headers within ${limits.headersTimeoutMs / 1000} seconds)` };
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return { status: 413, error: 'payload_too_large', message: 'the chunk extensions are too large' };
  const why = typeof reason === 'string' && /^[\x20-\x7e]{1,120}$/.test(reason) ? reason : (code ?? 'parse error');
  const error = KINDS.find(([pattern]) => pattern.test(code ?? ''))?.[1] ?? 'bad_request';
  return { status: 400, error, message: `the request is not valid HTTP/1.1: ${why}` };
}

/** A whole HTTP/1.1 response with a JSON error body, closing the connection. */
export function rawResponse(r: Refusal, extraHeaders = ''): string {
  const body = JSON.stringify({ error: r.error, message: r.message });
  return (
    `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? 'Error'}\r\n` +
    `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extraHeaders}connection: close\r\n\r\n${body}`
  );
}

/**
 * Writes the refusal when nothing of a response has been written on this socket yet (an answer in
 * the middle of another would corrupt it), then closes the socket.
 */
export function refuse(socket: Duplex, r: Refusal, extraHeaders = ''): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !socket.destroyed && !inFlight?.headersSent) {
    socket.end(rawResponse(r, extraHeaders));
    // a client that never reads must not keep the socket: destroy shortly after the answer is out
    setTimeout(() => socket.destroy(), 1000).unref();
  } else {
    socket.destroy();
  }
}
