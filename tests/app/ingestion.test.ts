/**
 * End to end: signed webhooks over real HTTP into the app, inquiries read back from the REST API.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../support/calendar-builder.js';
import { fixture, genericHeaders, metaHeaders, startHarness, TARGETS, xHeaders, type Harness, SECRETS } from '../support/app-harness.js';

describe.each(TARGETS)('ingestion on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-03-10T10:00'));
  });
  afterAll(() => h.close());
  const count = async () => (await h.api('/api/inquiries?limit=1000')).body.inquiries.length;

  describe('when Meta delivers a Facebook comment', () => {
    const body = fixture('meta/feed-comment.json');
    let id = 0;
    it('stores it with the deadline from the policy and shows it in the API', async () => {
      const r = await h.post('/webhooks/meta', body, metaHeaders(body));
      expect(r).toMatchObject({ status: 200, body: { received: 1, duplicates: 0, answered: 0 } });
      id = r.body.inquiries[0];
      const got = await h.api(`/api/inquiries/${id}`);
      // Tue 2026-03-10 09:41:12 CET; Hofors facebook = 1 working day: 1 h 41 min 12 s into Tuesday ->
      // the same position on Wednesday = 09:41:12 CET = 08:41:12Z
      expect(got.body).toMatchObject({
        organization: 'hofors', channel: 'facebook', state: 'open', external_id: '812345678901234_1523847561234987',
        received_at: '2026-03-10T08:41:12.000Z', deadline: '2026-03-11T08:41:12.000Z', allowed_working_minutes: 450, overdue: false,
        author: { id: '7391028475610293', name: 'Anna Lindqvist' },
      });
      expect(got.body.raw.entry[0].changes[0].value.comment_id).toBe('812345678901234_1523847561234987');
      expect(got.body.events).toMatchObject([{ type: 'received', actor: 'source:meta' }]);
    });
    it('counts a redelivery as a duplicate and changes nothing', async () => {
      const before = await count();
      const r = await h.post('/webhooks/meta', body, metaHeaders(body));
      expect(r).toMatchObject({ status: 200, body: { received: 0, duplicates: 1, inquiries: [id] } });
      expect(await count()).toBe(before);
    });
    it('marks it answered when the page replies to the comment', async () => {
      const reply = fixture('meta/feed-page-reply.json');
      expect((await h.post('/webhooks/meta', reply, metaHeaders(reply))).body).toMatchObject({ answered: 1 });
      const got = (await h.api(`/api/inquiries/${id}`)).body;
      expect(got.state).toBe('answered');
      expect(got.events.map((e: { type: string }) => e.type)).toEqual(['received', 'answered']);
    });
    it('answers the subscription handshake', async () => {
      const ok = await h.get(`/webhooks/meta?hub.mode=subscribe&hub.verify_token=${SECRETS.metaVerify}&hub.challenge=1158201444`);
      expect(ok).toEqual({ status: 200, body: 1158201444 });
      expect((await h.get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1')).status).toBe(403);
    });
  });

  describe('when a webhook request is bad', () => {
    const body = fixture('meta/messenger-message.json');
    it('401s an unsigned or wrongly signed body and stores nothing', async () => {
      const before = await count();
      expect(await h.post('/webhooks/meta', body)).toMatchObject({ status: 401, body: { error: 'invalid_signature' } });
      expect((await h.post('/webhooks/meta', body, metaHeaders(body, 'other-secret'))).status).toBe(401);
      const tampered = Buffer.from(body.toString().replace('Hej', 'Hallå'));
      expect((await h.post('/webhooks/meta', tampered, metaHeaders(body))).status).toBe(401);
      expect(await count()).toBe(before);
    });
    it('400s malformed JSON and a payload of the wrong shape, saying what is wrong', async () => {
      const broken = '{"object":"page","entry":[';
      expect(await h.post('/webhooks/meta', broken, metaHeaders(broken))).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
      const wrong = JSON.stringify({ object: 'page', entry: [{ id: '104857331234567', time: 1, changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', post_id: 'p', created_time: 1773132072 } }] }] });
      const r = await h.post('/webhooks/meta', wrong, metaHeaders(wrong));
      expect(r).toMatchObject({ status: 400, body: { error: 'invalid_payload' } });
      expect(r.body.message).toMatch(/entry\[0\]\.changes\[0\]\.value\.comment_id/);
    });
    it('413s a body over 1 MiB before checking anything', async () => {
      const huge = Buffer.alloc(1024 * 1024 + 1, 32);
      expect(await h.post('/webhooks/meta', huge, metaHeaders(huge))).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    });
  });

  describe('when X delivers a mention and then the account\'s reply', () => {
    it('stores the mention with a 4-working-hour deadline, and the reply answers it', async () => {
      const mention = fixture('x/mention.json');
      const r = await h.post('/webhooks/x', mention, xHeaders(mention));
      expect(r).toMatchObject({ status: 200, body: { received: 1 } });
      const got = (await h.api(`/api/inquiries/${r.body.inquiries[0]}`)).body;
      // timestamp_ms: Tue 2026-03-10 08:42:13.517 CET: 3 h 17 min 46.483 s until the 12:00 lunch,
      // the remaining 42 min 13.517 s from 13:00 -> 13:42:13.517 CET
      expect(got).toMatchObject({ channel: 'x', state: 'open', deadline: '2026-03-10T12:42:13.517Z', allowed_working_minutes: 240 });
      const reply = fixture('x/own-reply.json');
      expect((await h.post('/webhooks/x', reply, xHeaders(reply))).body).toMatchObject({ answered: 1 });
      expect((await h.api(`/api/inquiries/${got.id}`)).body.state).toBe('answered');
    });
    it('answers the CRC check and 401s a bad signature', async () => {
      expect((await h.get('/webhooks/x?crc_token=abc')).body.response_token).toMatch(/^sha256=/);
      const mention = fixture('x/mention.json');
      expect((await h.post('/webhooks/x', mention, xHeaders(mention, 'nope'))).status).toBe(401);
    });
  });

  describe('when a blog posts through the generic webhook', () => {
    it('stores the comment with its deadline and flags personal data', async () => {
      h.time = at('2026-11-25T09:15');
      const text = JSON.stringify({
        account: 'hofors-bloggen', external_id: 'kommentar-9001', author: 'Per Persson',
        text: 'Mitt personnummer är 811228-9874, ring mig på 070-123 45 67.', received_at: '2026-11-25T09:14:00+01:00',
      });
      const r = await h.post('/webhooks/generic', text, genericHeaders(text, h.time));
      expect(r).toMatchObject({ status: 200, body: { received: 1 } });
      const got = (await h.api(`/api/inquiries/${r.body.inquiries[0]}`)).body;
      // Wed 09:14 + 1 working day = Thu 2026-11-26 09:14 CET
      expect(got).toMatchObject({ channel: 'blog', source: 'generic', deadline: '2026-11-26T08:14:00.000Z' });
      expect([...got.personal_data].sort()).toEqual(['personnummer', 'phone']);
    });
    it('401s an unknown source and a stale timestamp', async () => {
      const text = fixture('generic/blog-comment.json');
      expect((await h.post('/webhooks/generic', text, genericHeaders(text, h.time, 'okänd-källa'))).status).toBe(401);
      expect((await h.post('/webhooks/generic', text, genericHeaders(text, h.time - 301_000))).status).toBe(401);
    });
    it('refuses a message for an account the directory does not bind to the source, and stores nothing', async () => {
      const before = await count();
      const text = fixture('generic/web-chat.json');
      const r = await h.post('/webhooks/generic', text, genericHeaders(text, h.time));
      expect(r).toMatchObject({ status: 403, body: { error: 'account_not_bound' } });
      expect(r.body.message).toContain('"nassjo-webbchatt"');
      expect(await count()).toBe(before);
    });
  });

  describe('when the same delivery arrives ten times at once', () => {
    it('creates one inquiry', async () => {
      const text = JSON.stringify({ account: 'hofors-bloggen', external_id: 'samtidigt-1', author: 'A', text: 'Hej?', received_at: '2026-11-25T09:14:00+01:00' });
      const rs = await Promise.all(Array.from({ length: 10 }, () => h.post('/webhooks/generic', text, genericHeaders(text, h.time))));
      expect(rs.map((r) => r.status)).toEqual(Array(10).fill(200));
      expect(rs.reduce((n, r) => n + r.body.received, 0)).toBe(1);
      expect(new Set(rs.map((r) => r.body.inquiries[0])).size).toBe(1);
    });
  });

  describe.each([
    { source: 'meta', path: '/webhooks/meta', good: () => fixture('meta/instagram-comment.json'), sign: (b: Buffer | string) => metaHeaders(b) },
    { source: 'x', path: '/webhooks/x', good: () => fixture('x/dm.json'), sign: (b: Buffer | string) => xHeaders(b) },
    { source: 'generic', path: '/webhooks/generic', good: () => fixture('generic/batch.json'), sign: (b: Buffer | string) => genericHeaders(b, h.time) },
  ])('every webhook ($source) when the input is bad or repeated', ({ path, good, sign }) => {
    // the e-mail bridge's message was written 2026-12-18 16:45; a message more than 24 hours ahead of the clock is refused
    beforeAll(() => {
      h.time = at('2026-12-18T17:00');
    });
    it('401s unsigned input, 400s malformed JSON, 413s oversized input, and stores nothing for any of them', async () => {
      const before = await count();
      expect((await h.post(path, good())).status).toBe(401);
      const broken = '{"oops": ';
      expect(await h.post(path, broken, sign(broken))).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
      const huge = Buffer.alloc(1024 * 1024 + 10, 32);
      expect((await h.post(path, huge, sign(huge))).status).toBe(413);
      const wrongShape = JSON.stringify({ hello: 'world' });
      expect(await h.post(path, wrongShape, sign(wrongShape))).toMatchObject({ status: 400, body: { error: 'invalid_payload' } });
      expect(await count()).toBe(before);
    });
    it('stores a valid delivery once and counts the redelivery as a duplicate', async () => {
      const body = good();
      const first = await h.post(path, body, sign(body));
      expect(first.status).toBe(200);
      expect(first.body.received).toBeGreaterThan(0);
      const again = await h.post(path, body, sign(body));
      expect(again.body).toMatchObject({ received: 0, duplicates: first.body.received });
    });
  });

  describe('the REST API', () => {
    it('needs the bearer token', async () => {
      expect(await h.get('/api/inquiries')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
      expect((await h.get('/api/inquiries', { authorization: 'Bearer wrong' })).status).toBe(401);
    });
    it('lists overdue inquiries by the clock, and rejects bad filters', async () => {
      h.time = at('2026-11-27T12:00');
      const overdue = (await h.api('/api/inquiries?overdue=true')).body.inquiries;
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
      expect(await h.api('/api/inquiries?state=gone')).toMatchObject({ status: 400, body: { error: 'bad_filter' } });
      // a page larger than 1000 is refused naming the range, never cut to 1000 silently
      expect(await h.api('/api/inquiries?limit=5000')).toMatchObject({ status: 400, body: { error: 'bad_filter', message: 'limit must be a whole number from 1 to 1000' } });
      expect((await h.api('/api/inquiries?limit=1000')).status).toBe(200);
      expect(await h.api('/api/inquiries/abc')).toMatchObject({ status: 400, body: { error: 'bad_id' } });
      expect(await h.api('/api/inquiries/999999')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });
    it('answers /healthz', async () => {
      expect((await h.get('/healthz')).body).toMatchObject({ status: 'ok' });
    });
  });
});
