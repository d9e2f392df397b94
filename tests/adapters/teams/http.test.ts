/**
 * POST /api/messages against bad input: malformed JSON, a body that is no activity, an oversized
 * body, a request without a valid token when authentication is on, and the same activity delivered
 * twice. None of them crashes the server or acts twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { events, reminders } from '../../../src/db/schema.js';
import { connectorHttpClient } from '../../../adapters/teams/connector-http.js';
import { isLoopbackUrl } from '../../../adapters/teams/loopback.js';
import { at } from '../../support/calendar-builder.js';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { ANNA, ERIK, startTeamsHarness, type TeamsHarness } from './teams-harness.js';

describe('POST /api/messages with authentication off (local testing)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());

  it('malformed JSON: 400 malformed_json', async () => {
    const res = await h.post('{"type": "message",');
    expect(res).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
  });

  it('an empty body: 400', async () => {
    expect((await h.post('')).status).toBe(400);
  });

  it.each([
    ['[1, 2]', 'the body must be a JSON object'],
    ['"hej"', 'the body must be a JSON object'],
  ])('%s: 400 invalid_activity', async (body, message) => {
    const res = await h.post(body);
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_activity' } });
    expect(res.body.message).toContain(message);
  });

  it('an activity without type or serviceUrl: 400 naming each', async () => {
    const { type: _t, serviceUrl: _s, ...rest } = h.activity(ERIK, { text: 'lista' }) as any;
    const res = await h.post(rest);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('type is required; serviceUrl is required');
  });

  it('a serviceUrl that is not http(s), a missing conversation and sender: 400', async () => {
    const res = await h.post({ ...h.activity(ERIK), serviceUrl: 'file:///etc/passwd', conversation: {}, from: null });
    expect(res.body.message).toBe('serviceUrl must be an http(s) URL; conversation.id is required; from.id is required');
  });

  it('a card value that is not an object: 400', async () => {
    expect((await h.post(h.activity(ERIK, { value: 'claim 1' }))).status).toBe(400);
  });

  it('a body over 1 MiB: 413 from the server, before any parsing', async () => {
    const res = await h.post(JSON.stringify({ ...h.activity(ERIK), text: 'x'.repeat(1024 * 1024) }));
    expect(res).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('an activity type the bot does not handle is accepted and ignored', async () => {
    h.connector.clear();
    expect((await h.post(h.activity(ERIK, { type: 'typing' }))).status).toBe(200);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('after all that the server still answers', async () => {
    h.connector.clear();
    expect((await h.say(ERIK, 'hjälp')).status).toBe(200);
    expect(h.connector.sentTo(ERIK.conversation)).toHaveLength(1);
  });

  describe('the same activity delivered twice', () => {
    it('is run once: one forward, one notice, one reply', async () => {
      await h.say(ANNA, 'hej');
      const id = await h.comment('dup-forward');
      h.connector.clear();
      const activity = h.activity(ERIK, { text: `skicka ${id} @anna.berg` });
      expect((await h.post(activity)).status).toBe(200);
      expect((await h.post(activity)).status).toBe(200);
      const forwarded = await h.app.database.db.select().from(events).where(eq(events.inquiryId, id));
      expect(forwarded.filter((e) => e.type === 'forwarded')).toHaveLength(1);
      expect(h.connector.sentTo(ANNA.conversation)).toHaveLength(1);
      expect(h.connector.sentTo(ERIK.conversation)).toHaveLength(1);
    });

    it('the same command in a new activity is run, and a second claim is refused by the use case', async () => {
      const id = await h.comment('dup-claim');
      const activity = h.activity(ERIK, { text: `ta ${id}` });
      await h.post(activity);
      h.connector.clear();
      await h.post({ ...activity, id: `${activity.id as string}-elsewhere` }); // another activity with the same text: run, and refused
      const claims = (await h.app.database.db.select().from(events).where(eq(events.inquiryId, id))).filter((e) => e.type === 'claimed');
      expect(claims).toHaveLength(1);
      expect(h.connector.sentTo(ERIK.conversation)[0]!.body.text).toBe(`Fråga #${id} är redan din.`);
    });
  });
});

describe('with authentication off, the bot talks to loopback addresses only (issue 11, item 13)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());

  it.each(['http://169.254.169.254/latest/meta-data/', 'https://smba.trafficmanager.net/emea/', 'http://10.0.0.5:3978/', 'http://127.0.0.1.nip.io/'])('an activity whose serviceUrl is %s: 403, nothing run and nothing sent', async (serviceUrl) => {
    h.connector.clear();
    const id = await h.comment(`loopback-${serviceUrl.length}`);
    const res = await h.post(h.activity(ERIK, { text: `ta ${id}`, serviceUrl }));
    expect(res).toMatchObject({ status: 403, body: { error: 'service_url_not_allowed' } });
    expect(res.body.message).toContain(new URL(serviceUrl).host);
    expect((await h.app.inquiries.get(id))!.state).toBe('open');
    expect(h.connector.calls).toHaveLength(0);
    expect(await h.app.conversations.find('teams', [ERIK.id])).toBeUndefined();
  });

  it('a reminder to a reference stored with another serviceUrl is not sent, and fails at once (the manager is told)', async () => {
    await h.app.conversations.save('teams', ERIK.id, { conversation: { id: ERIK.conversation }, serviceUrl: 'http://169.254.169.254/', channelId: 'msteams', bot: { id: '28:svarstid-bot' } }, h.time);
    const id = await h.comment('stored-elsewhere');
    h.connector.clear();
    h.time = at('2026-11-24T14:00');
    const result = await h.app.tick(h.time);
    const rows = await h.app.database.db.select().from(reminders).where(eq(reminders.inquiryId, id));
    expect(result.sent).toBe(0);
    expect(rows.find((r) => r.status === 'failed')!.lastError).toContain('the bot calls loopback addresses only, not 169.254.169.254');
    expect(h.connector.calls).toHaveLength(0);
  });

  it('the HTTP client itself refuses before fetching', async () => {
    const seen: string[] = [];
    const client = connectorHttpClient(async (url) => (seen.push(String(url)), new Response('{}')), isLoopbackUrl);
    const request = { url: 'http://169.254.169.254/v3/conversations/a/activities', method: 'POST', body: '{}', headers: { toJson: () => ({}) } };
    await expect(client.sendRequest(request)).rejects.toThrow('loopback addresses only');
    expect(seen).toEqual([]);
  });
});

describe('POST /api/messages with authentication on (SingleTenant)', () => {
  let h: TeamsHarness;
  let connector: FakeTeamsConnector;
  beforeAll(async () => {
    connector = await startFakeTeamsConnector();
    h = await startTeamsHarness({ time: at('2026-11-24T09:00'), connector, config: { appId: '00000000-0000-0000-0000-000000000001', appPassword: 'secret', tenantId: '11111111-1111-1111-1111-111111111111' } });
  });
  afterAll(async () => {
    await h.close();
    await connector.close();
  });

  it('a request without a token: 401, nothing run', async () => {
    const res = await h.say(ERIK, 'lista');
    expect(res).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(connector.calls).toHaveLength(0);
    expect(await h.app.conversations.find('teams', [ERIK.id])).toBeUndefined();
  });

  it('a request with a token that is not a JWT: 401, nothing run', async () => {
    const res = await h.post(h.activity(ERIK, { text: 'lista' }), { authorization: 'Bearer not-a-jwt' });
    expect(res.status).toBe(401);
    expect(connector.calls).toHaveLength(0);
  });
});
