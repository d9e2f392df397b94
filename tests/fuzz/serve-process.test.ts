/**
 * The real `svarstid serve` (what `npm start` runs) as a child process, sent raw bytes that used to
 * end it (item 1) and other socket-level abuse: it must answer each, stay alive, and keep serving.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { portOf, spawnServe } from '../support/serve-process.js';
import { sendRaw } from './raw-client.js';

const TOKEN = 'serve-process-token';
const SECRET = 'serve-process-secret';
const H = 'Host: 127.0.0.1\r\n';

function signedGeneric(body: string): string {
  const headers = signGeneric(body, SECRET, Math.floor(Date.now() / 1000), 'hofors-blogg');
  return `POST /webhooks/generic HTTP/1.1\r\n${H}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

const CASES: ReadonlyArray<{ name: string; parts: Array<string | Buffer>; status: number; pauseMs?: number }> = [
  { name: 'item 1: GET http://[ HTTP/1.1', parts: [`GET http://[ HTTP/1.1\r\n${H}\r\n`], status: 400 },
  { name: 'item 1 without headers', parts: ['GET http://[ HTTP/1.1\r\n\r\n'], status: 400 },
  { name: 'item 2: a malformed percent-escape, with the token', parts: [`GET /api/inquiries/%E0%A4%A HTTP/1.1\r\n${H}Authorization: Bearer ${TOKEN}\r\n\r\n`], status: 400 },
  { name: 'item 2: organization=%00, with the token', parts: [`GET /api/inquiries?organization=%00 HTTP/1.1\r\n${H}Authorization: Bearer ${TOKEN}\r\n\r\n`], status: 400 },
  { name: 'item 5: the deadline of 9999-12-31T23:00:00Z', parts: [`GET /api/deadline?organization=hofors&channel=x&at=9999-12-31T23:00:00Z HTTP/1.1\r\n${H}\r\n`], status: 400 },
  { name: 'item 5: a signed blog comment of 9999', parts: [signedGeneric(JSON.stringify({ account: 'hofors-blogg', external_id: 'k-9999', author: 'Kalle', text: 'Hej', received_at: '9999-12-31T23:00:00Z' }))], status: 400 },
  { name: 'item 6: a signed body 5,000 levels deep', parts: [signedGeneric('['.repeat(5000) + ']'.repeat(5000))], status: 400 },
  { name: 'CL.TE smuggling', parts: [`POST /webhooks/meta HTTP/1.1\r\n${H}Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG`], status: 400 },
  { name: 'a TLS ClientHello', parts: [Buffer.from('16030100a5010000a10303', 'hex')], status: 400 },
  { name: 'CONNECT', parts: [`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`], status: 405 },
  { name: 'headers of 100 KB', parts: [`GET /healthz HTTP/1.1\r\n${H}X-A: ${'a'.repeat(100_000)}\r\n\r\n`], status: 431 },
  { name: 'item 10: headers trickling in (answered 408 within SVARSTID_HTTP_HEADERS_TIMEOUT_MS)', parts: ['GET /healthz HTTP/1.1\r\n', ...Array.from({ length: 12 }, (_, i) => `X-${i}: 1\r\n`)], pauseMs: 300, status: 408 },
  { name: 'item 10: a body trickling in (408 within SVARSTID_HTTP_BODY_TIMEOUT_MS)', parts: [`POST /webhooks/x HTTP/1.1\r\n${H}Content-Length: 50\r\n\r\n`, ...Array.from({ length: 12 }, () => 'a')], pauseMs: 300, status: 408 },
  { name: 'item 10: a 64 MiB chunked body', parts: [`POST /webhooks/generic HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n`, Buffer.concat(Array.from({ length: 1024 }, () => Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(65536, 0x20), Buffer.from('\r\n')])))], status: 413 },
];

describe('svarstid serve as a process, under raw-socket abuse', () => {
  let child: ChildProcessWithoutNullStreams;
  let port = 0;
  let output = '';
  beforeAll(async () => {
    child = spawnServe([], {
      SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-fuzz-')),
      SVARSTID_API_TOKEN: TOKEN,
      SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET,
      SVARSTID_HTTP_HEADERS_TIMEOUT_MS: '1500',
      SVARSTID_HTTP_BODY_TIMEOUT_MS: '1500',
      SVARSTID_HTTP_TIMEOUT_CHECK_INTERVAL_MS: '250',
    });
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    port = await portOf(child);
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: answered, and the process serves on', async (_n, c) => {
    const a = await sendRaw(port, c.parts, c.pauseMs ? { pauseMs: c.pauseMs } : {});
    expect(a.status, a.text).toBe(c.status);
    expect(a.json).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect(child.exitCode).toBeNull();
    expect((await sendRaw(port, [`GET /healthz HTTP/1.1\r\n${H}\r\n`])).status).toBe(200);
  });

  it('is alive at the end, logged no uncaught error, and stops cleanly on SIGTERM', async () => {
    expect(child.exitCode).toBeNull();
    expect(output).not.toMatch(/uncaught exception|unhandled promise rejection|"level":60/);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
