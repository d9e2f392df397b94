/**
 * Reads a request body, and stops: at the size limit (a declared Content-Length over it is refused
 * before a byte is read; a chunked body is refused at the chunk that passes it), at the body
 * timeout, or when the client goes away. Whatever stops it, nothing more is read: the caller
 * answers 413 or 408 with `Connection: close` and the socket is closed after the answer.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly reason: 'too_large' | 'timeout' | 'aborted' };

/** True when the request says a body follows (a Content-Length above 0, or Transfer-Encoding). */
export function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too_large' });
  if (req.complete && req.readableLength === 0 && !declaresBody(req)) return Promise.resolve({ ok: true, body: Buffer.alloc(0) });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (r: BodyResult): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('aborted', onAbort).off('close', onClose);
      if (!r.ok) req.pause();
      resolve(r);
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(c);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    timer.unref();
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('aborted', onAbort).on('close', onClose);
  });
}

/**
 * After an answer that ends the connection while the client is still sending (413, 408): the rest
 * of the body is discarded, not stored, for at most `lingerMs` after the answer, so that the client
 * reads the answer instead of a reset (closing a socket with unread input sends RST, and the client's
 * system then drops the answer it has not read yet); then the socket is closed.
 */
export function lingerAfterAnswer(req: IncomingMessage, lingerMs: number): void {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    const timer = setTimeout(() => this.destroy(), lingerMs);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.once('end', () => this.destroy());
  };
  req.resume();
}
