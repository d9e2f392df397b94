import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { CalendarRangeError } from '../../src/calendar/index.js';
import { markDatabaseError } from '../../src/db/unavailable.js';
import { DEFAULT_LIMITS, httpLimitsFromEnv } from '../../src/http/limits.js';
import { json, type Route } from '../../src/http/routes.js';
import { createHttpServer } from '../../src/http/server.js';
import { portOf, spawnServe } from '../support/serve-process.js';
import { sendRaw } from '../fuzz/raw-client.js';

describe('the HTTP server', () => {
  const seen: number[] = [];
  const routes: Route[] = [
    { method: 'POST', path: '/echo', handle: (req) => (seen.push(req.body.length), json(200, { bytes: req.body.length })) },
    { method: 'GET', path: '/items/:id', handle: (req) => json(200, { id: req.params.id }) },
    { method: 'GET', path: '/boom', handle: () => { throw new Error('kaboom'); } },
  ];
  const server = createHttpServer({ routes, logger: pino({ level: 'silent' }), maxBodyBytes: 1024 });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(base + path, init);
    return { status: res.status, body: await res.json() };
  };

  it('hands the raw body and path parameters to the route', async () => {
    expect(await call('/echo', { method: 'POST', body: 'x'.repeat(1024) })).toEqual({ status: 200, body: { bytes: 1024 } });
    expect(await call('/items/42')).toEqual({ status: 200, body: { id: '42' } });
  });
  it('answers 413 for a body over the limit, without calling the route', async () => {
    const before = seen.length;
    expect(await call('/echo', { method: 'POST', body: 'x'.repeat(1025) })).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(seen.length).toBe(before);
  });
  it('answers 413 for a chunked body that grows past the limit', async () => {
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode('y'.repeat(300))); c.close(); } });
    expect(await call('/echo', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)).toMatchObject({ status: 413 });
  });
  it('answers 405 for a known path with another method, 404 for an unknown path', async () => {
    expect(await call('/echo')).toMatchObject({ status: 405, body: { error: 'method_not_allowed', message: 'GET is not allowed on /echo; use POST' } });
    expect(await call('/nowhere')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
  it('answers 500 as JSON when a route fails', async () => {
    expect(await call('/boom')).toEqual({ status: 500, body: { error: 'internal_error', message: 'internal error (logged); the request was not carried out' } });
  });
});

describe('the HTTP server when a route throws', () => {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }));
  const driverError = (): Error => {
    // what drizzle throws over a driver error: the message lists every bound value (the cause marked
    // as the driver's, as src/db/postgres.ts marks what node-postgres throws)
    const e = new Error('Failed query: insert into "inquiries" ... params: Mitt personnummer är 811228-9874', { cause: markDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) });
    e.name = 'DrizzleQueryError';
    return e;
  };
  const routes: Route[] = [
    { method: 'POST', path: '/down', handle: () => { throw driverError(); } },
    { method: 'GET', path: '/terminated', handle: () => Promise.reject(markDatabaseError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))) },
    { method: 'GET', path: '/calendar', handle: () => { throw new CalendarRangeError('svarstid calendars cover the years 1900–9999; the result lies after 9999'); } },
    { method: 'POST', path: '/bug', handle: () => { throw new TypeError('cannot read "Karin Svensson, 070-123 45 67"'); } },
    { method: 'GET', path: '/unserializable', handle: () => json(200, { n: 1n }) },
  ];
  const server = createHttpServer({ routes, logger });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const send = (method: string, path: string, body = '') => sendRaw(port, [`${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`]);

  describe('because the database is away', () => {
    it('answers 503 database_unavailable with Retry-After, for a wrapped driver error', async () => {
      const a = await send('POST', '/down', '{"text":"Mitt personnummer 811228-9874"}');
      expect(a.status).toBe(503);
      expect(a.headers['retry-after']).toBe('10');
      expect(a.json).toEqual({ error: 'database_unavailable', message: 'the database is not reachable right now; the request was not carried out, send it again in 10 seconds', retry_after: 10 });
    });
    it('and for a terminated connection (SQLSTATE 57P01)', async () => {
      expect((await send('GET', '/terminated')).status).toBe(503);
    });
  });
  it('answers 400 for an instant the calendar cannot compute', async () => {
    expect((await send('GET', '/calendar')).json).toMatchObject({ error: 'calendar_out_of_range', message: expect.stringMatching(/1900–9999/) });
  });
  it('answers 500 for anything else, and for an answer that cannot be serialized', async () => {
    expect((await send('POST', '/bug', '{"author":"Karin Svensson"}')).status).toBe(500);
    expect((await send('GET', '/unserializable')).json).toMatchObject({ error: 'internal_error' });
  });
  it('logs the class, code and path of the error, never its message nor the body', () => {
    const logged = lines.join('');
    expect(logged).toContain('"path":"/down"');
    expect(logged).toContain('"type":"DrizzleQueryError"');
    expect(logged).toContain('"code":"ECONNREFUSED"');
    expect(logged).toContain('"type":"TypeError"');
    for (const secret of ['811228-9874', 'personnummer', 'Karin', '070-123', 'Failed query']) expect(logged).not.toContain(secret);
  });
});

describe('the HTTP limits', () => {
  it('default to 1 MiB bodies, 16 KiB headers, headers within 10 s, bodies within 30 s, idle keep-alive 5 s', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxBodyBytes: 1_048_576, maxHeaderBytes: 16_384, headersTimeoutMs: 10_000, bodyTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, timeoutCheckIntervalMs: 1_000 });
  });
  it('are read from SVARSTID_HTTP_* and refused when not positive whole numbers', () => {
    expect(httpLimitsFromEnv({ SVARSTID_HTTP_HEADERS_TIMEOUT_MS: '2000', SVARSTID_HTTP_MAX_BODY_BYTES: ' 4096 ' })).toMatchObject({ headersTimeoutMs: 2_000, maxBodyBytes: 4_096, bodyTimeoutMs: 30_000 });
    expect(() => httpLimitsFromEnv({ SVARSTID_HTTP_BODY_TIMEOUT_MS: '0' })).toThrow('SVARSTID_HTTP_BODY_TIMEOUT_MS="0" is not a positive whole number');
    expect(() => httpLimitsFromEnv({ SVARSTID_HTTP_BODY_TIMEOUT_MS: '1e3' })).toThrow(/not a positive whole number/);
  });

  describe('when a client is slow', () => {
    const server = createHttpServer({
      routes: [{ method: 'POST', path: '/echo', handle: (req) => json(200, { bytes: req.body.length }) }],
      logger: pino({ level: 'silent' }),
      limits: { headersTimeoutMs: 600, bodyTimeoutMs: 600, keepAliveTimeoutMs: 400, timeoutCheckIntervalMs: 100 },
    });
    let port = 0;
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('answers 408 when the headers do not arrive in time, and closes', async () => {
      const a = await sendRaw(port, ['POST /echo HTTP/1.1\r\n', 'Host: x\r\n', 'X-1: 1\r\n', 'X-2: 1\r\n', 'X-3: 1\r\n', 'X-4: 1\r\n'], { pauseMs: 250 });
      expect(a).toMatchObject({ status: 408, headers: { connection: 'close' }, json: { error: 'request_timeout' } });
      expect(a.ms).toBeGreaterThanOrEqual(550);
    });
    it('answers 408 when the body does not arrive in time, and closes', async () => {
      const a = await sendRaw(port, ['POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n', 'a', 'b', 'c', 'd', 'e'], { pauseMs: 250 });
      expect(a).toMatchObject({ status: 408, headers: { connection: 'close' }, json: { error: 'request_timeout', message: 'the body did not arrive within 0.6 seconds' } });
    });
    it('serves a body that arrives in parts within the time', async () => {
      const a = await sendRaw(port, ['POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n', 'a', 'b', 'c'], { pauseMs: 100 });
      expect(a).toMatchObject({ status: 200, json: { bytes: 3 } });
    });
    it('closes a connection that says nothing', async () => {
      const a = await sendRaw(port, [''], { timeoutMs: 5_000 });
      expect(a.status).toBe(408);
    });
  });
});

describe('svarstid serve (npm start)', () => {
  const start = spawnServe;

  it('starts on the embedded database, applies the folders, answers /health and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'svarstid-data-'));
    const child = start([], { SVARSTID_DATA_DIR: dataDir });
    const port = await portOf(child);
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    // no Slack or Teams credentials in the environment: the console adapter; without a token, no organizations
    expect(health).toEqual({ status: 'ok', database: 'pglite', chat: ['console'] });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('does not start with an invalid policy, and names the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-'));
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies', 'testby.yaml'), 'organization: Testby\ncalendar: { hours: { monday: "08:00-17:00" } }\nchannels: { x: { respond_within: "4 timmar" } }\n');
    const child = start(['--policies', join(dir, 'policies')], { SVARSTID_DATA_DIR: join(dir, 'data') });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain(`${join(dir, 'policies', 'testby.yaml')}: invalid policy`);
    expect(err).toContain('channels.x.respond_within: "timmar" is not a unit of working time');
  });
});
