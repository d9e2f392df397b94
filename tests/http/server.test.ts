import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type Route } from '../../src/http/routes.js';
import { createHttpServer } from '../../src/http/server.js';
import { portOf, spawnServe } from '../support/serve-process.js';

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
    expect(await call('/boom')).toEqual({ status: 500, body: { error: 'internal_error', message: 'internal error; nothing was stored' } });
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
