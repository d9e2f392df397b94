/** /slack/events: only Slack's signed, fresh, well-formed requests are processed, and each only once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, FORM, interactionBody, JSON_TYPE, postSigned, signedHeaders, slackSignature } from '../../fakes/slack-signing.js';
import { buttonPayload, ERIK, eventually, SECRET, startSlackHarness, type SlackHarness } from './support.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

const url = () => `${h.base}/slack/events`;
const raw = (body: string, headers: Record<string, string>) => fetch(url(), { method: 'POST', body, headers }).then(async (r) => ({ status: r.status, body: await r.text() }));
const listBody = () => commandBody({ text: 'lista', userId: ERIK, responseUrl: h.fake.responseUrl('recv') });

describe('POST /slack/events', () => {
  describe('when the request is not signed by Slack', () => {
    it('refuses a request without signature headers (401) and does nothing', async () => {
      const r = await raw(listBody(), { 'content-type': FORM });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error).toBe('missing_signature');
    });

    it('refuses a forged signature (401)', async () => {
      const body = listBody();
      const r = await raw(body, { ...signedHeaders('not-the-secret', body, h.time, FORM) });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body).error).toBe('bad_signature');
    });

    it('refuses a body changed after signing (401)', async () => {
      const body = listBody();
      const r = await raw(body.replace('lista', 'ta+1'), signedHeaders(SECRET, body, h.time, FORM));
      expect(JSON.parse(r.body).error).toBe('bad_signature');
    });

    it.each([
      ['six minutes old', -6 * 60_000],
      ['six minutes in the future', 6 * 60_000],
    ])('refuses a timestamp %s (401, replay protection on the injected clock)', async (_, skew) => {
      const r = await postSigned(url(), listBody(), { secret: SECRET, nowMs: h.time + skew, contentType: FORM });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.text).error).toBe('stale_request');
    });

    it('accepts a timestamp four minutes old', async () => {
      const r = await postSigned(url(), listBody(), { secret: SECRET, nowMs: h.time - 4 * 60_000, contentType: FORM });
      expect(r.status).toBe(200);
    });

    it('refuses a non-numeric timestamp and a signature of another version', async () => {
      const body = listBody();
      expect((await raw(body, { 'content-type': FORM, 'x-slack-request-timestamp': 'soon', 'x-slack-signature': 'v0=00' })).status).toBe(401);
      const ts = Math.floor(h.time / 1000);
      const v1 = slackSignature(SECRET, body, ts).replace('v0=', 'v1=');
      expect(JSON.parse((await raw(body, { 'content-type': FORM, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': v1 })).body).error).toBe('bad_signature');
    });
  });

  describe('when the request is signed but malformed', () => {
    it.each([
      ['an empty body', '', FORM],
      ['payload= that is not JSON', 'payload=%7Bnot', FORM],
      ['a form that is neither a command nor an interaction', 'hello=world', FORM],
      ['JSON that is not an object', '[1,2]', JSON_TYPE],
      ['broken JSON', '{"type":', JSON_TYPE],
    ])('answers 400 for %s', async (_, body, type) => {
      const r = await postSigned(url(), body, { secret: SECRET, nowMs: h.time, contentType: type });
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text).error).toBe('malformed_body');
    });

    it('answers 415 for another content type', async () => {
      const r = await postSigned(url(), 'text', { secret: SECRET, nowMs: h.time, contentType: 'text/plain' });
      expect(r.status).toBe(415);
    });

    it('answers 413 for a body over 1 MiB, before looking at the signature', async () => {
      const body = `payload=${'x'.repeat(1024 * 1024 + 10)}`;
      const r = await postSigned(url(), body, { secret: SECRET, nowMs: h.time, contentType: FORM });
      expect(r.status).toBe(413);
    });

    it('answers 404 for a well-formed interaction no listener handles', async () => {
      const r = await postSigned(url(), interactionBody({ type: 'shortcut', callback_id: 'other', trigger_id: 't-unhandled', user: { id: ERIK }, team: { id: 'T0HOFORS' } }), { secret: SECRET, nowMs: h.time, contentType: FORM });
      expect(r.status).toBe(404);
    });
  });

  it('answers Slack’s url_verification with the challenge', async () => {
    const r = await h.event({ type: 'url_verification', token: 't', challenge: 'abc123' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ challenge: 'abc123' });
  });

  describe('when Slack delivers the same request twice', () => {
    it('claims once for a repeated slash command (same trigger)', async () => {
      const id = await h.inquiry();
      const first = await h.command(ERIK, `ta ${id}`, { name: 'dup-cmd', triggerId: 'trigger-dup-1' });
      const again = await h.command(ERIK, `ta ${id}`, { name: 'dup-cmd', triggerId: 'trigger-dup-1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
      expect([first.status, again.status]).toEqual([200, 200]);
      await eventually(() => h.replies('dup-cmd').length >= 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(h.replies('dup-cmd')).toHaveLength(1);
      expect(h.replies('dup-cmd')[0].text).toContain(`#${id} – Erik Lind tog frågan.`);
    });

    it('acts once for a repeated button press (same trigger)', async () => {
      const id = await h.inquiry();
      const payload = buttonPayload({ userId: ERIK, actionId: 'svarstid:claim', inquiryId: id, triggerId: 'trigger-dup-2', ts: '1700000099.000100' });
      await h.interact(payload);
      await h.interact(payload);
      await eventually(() => h.fake.callsTo('chat.update').some((c) => c.params.ts === '1700000099.000100'));
      await new Promise((r) => setTimeout(r, 100));
      expect(h.fake.callsTo('chat.update').filter((c) => c.params.ts === '1700000099.000100')).toHaveLength(1);
    });

    it('processes an event once when Slack retries it (X-Slack-Retry-Num, same event_id)', async () => {
      const before = h.fake.callsTo('views.publish').length;
      const event = { type: 'event_callback', team_id: 'T0HOFORS', api_app_id: 'A0SVARSTID', event_id: 'Ev-dup-1', event_time: 1, event: { type: 'app_home_opened', user: ERIK, channel: `D${ERIK}`, tab: 'home' } };
      expect((await h.event(event)).status).toBe(200);
      expect((await h.event(event, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
      await eventually(() => h.fake.callsTo('views.publish').length > before);
      await new Promise((r) => setTimeout(r, 100));
      expect(h.fake.callsTo('views.publish').length).toBe(before + 1);
    });
  });
});

describe('POST /slack/events when Slack itself cannot be reached', () => {
  let s: SlackHarness;
  beforeAll(async () => {
    s = await startSlackHarness();
  });
  afterAll(() => s.close());

  it('answers 503 with Retry-After when auth.test fails, does nothing, and handles Slack’s retry of the same request', async () => {
    s.fake.failNext('auth.test', { error: 'fatal_error' });
    const first = await s.command(ERIK, 'lista', { name: 'down', triggerId: 'trigger-down-1' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('10');
    expect(JSON.parse(first.text).error).toBe('slack_unavailable');
    expect(s.replies('down')).toHaveLength(0);
    const again = await s.command(ERIK, 'lista', { name: 'down', triggerId: 'trigger-down-1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    expect(again.status).toBe(200);
    await eventually(() => s.replies('down').length >= 1);
  });

  it('answers 503 when Slack’s API does not answer at all (connection refused), never 500', async () => {
    const cold = await startSlackHarness();
    try {
      await cold.fake.close();
      const r = await cold.command(ERIK, 'lista', { name: 'gone', triggerId: 'trigger-down-2' });
      expect(r.status).toBe(503);
      expect(JSON.parse(r.text).error).toBe('slack_unavailable');
    } finally {
      await cold.close();
    }
  });
});
