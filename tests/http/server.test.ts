import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyFolder } from '../../src/cli/serve-command.js';
import { createHttpServer } from '../../src/http/server.js';

describe('the HTTP server', () => {
  const server = createHttpServer({ policies: loadPolicyFolder('policies'), logger: pino({ level: 'silent' }) });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(base + path, init);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };

  it('answers /health with the loaded organizations', async () => {
    expect(await get('/health')).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: { status: 'ok', organizations: ['arvidsjaur', 'hofors', 'hultsfred', 'nassjo', 'region-gotland'] },
    });
  });

  describe('GET /api/deadline', () => {
    it('computes a deadline', async () => {
      // Region Gotland, facebook = 1 arbetsdag; Mon 2026-11-23 10:00 -> Tue 10:00.
      const r = await get('/api/deadline?organization=region-gotland&channel=facebook&at=2026-11-23T10:00%2B01:00');
      expect(r).toMatchObject({ status: 200, body: { arrival: '2026-11-23T10:00:00+01:00', deadline: '2026-11-24T10:00:00+01:00' } });
    });
    it('says which parameters are missing (400)', async () => {
      expect(await get('/api/deadline?organization=hofors')).toMatchObject({ status: 400, body: { error: 'missing_parameter', message: 'missing query parameter(s): channel, at' } });
    });
    it('rejects an unknown organization (404), an unknown channel and a bad instant (400)', async () => {
      expect(await get('/api/deadline?organization=gävle&channel=x&at=2026-11-23T10:00Z')).toMatchObject({ status: 404, body: { error: 'unknown_organization' } });
      expect(await get('/api/deadline?organization=hofors&channel=tiktok&at=2026-11-23T10:00Z')).toMatchObject({ status: 400, body: { error: 'unknown_channel' } });
      expect(await get('/api/deadline?organization=hofors&channel=x&at=igår')).toMatchObject({ status: 400, body: { error: 'bad_instant' } });
    });
    it('refuses other methods (405) and unknown routes (404)', async () => {
      expect(await get('/api/deadline', { method: 'POST', body: '{}' })).toMatchObject({ status: 405, body: { error: 'method_not_allowed' } });
      expect(await get('/nowhere')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });
  });
});

describe('svarstid serve (npm start)', () => {
  it('starts on a free port, logs it, answers /health and stops on SIGTERM', async () => {
    const child = spawn('node', ['bin/svarstid.js', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const line = out.split('\n').find((l) => l.includes('svarstid is running'));
        if (line) resolve(JSON.parse(line).port);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
    expect(health.status).toBe('ok');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('does not start with an invalid policy, and names the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-'));
    writeFileSync(join(dir, 'testby.yaml'), 'organization: Testby\ncalendar: { hours: { monday: "08:00-17:00" } }\nchannels: { x: { respond_within: "4 timmar" } }\n');
    const child = spawn('node', ['bin/svarstid.js', 'serve', '--port', '0', '--policies', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(1);
    expect(err).toContain(`${join(dir, 'testby.yaml')}: invalid policy`);
    expect(err).toContain('channels.x.respond_within: "timmar" is not a unit of working time');
  });
});
