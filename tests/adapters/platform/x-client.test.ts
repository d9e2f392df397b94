/**
 * The X API client against the fake X API over real HTTP: OAuth 1.0a user context signed as X checks
 * it, the app's Bearer token for public reads, rate-limit headers and 429s, and every documented
 * problem body mapped to the PlatformError code the core acts on.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XClient, type XAuth } from '../../../adapters/sources/x/x-client.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { Secret } from '../../../src/platform/secret.js';
import { FAKE_X_APP, FakeXApi } from '../../fakes/x-api/server.js';

const T0 = Date.parse('2026-12-01T09:00:00+01:00');
let now = T0;
let fake: FakeXApi;
let client: XClient;
const hofors = { id: '1400000000000000001', username: 'hoforskommun', name: 'Hofors kommun' };
const citizen = { id: '2200000000000000001', username: 'invanare', name: 'Anna Invånare' };
const user: XAuth = { kind: 'oauth1', consumerKey: new Secret(FAKE_X_APP.consumerKey), consumerSecret: new Secret(FAKE_X_APP.consumerSecret), accessToken: new Secret('1400-hofors-token'), accessTokenSecret: new Secret('hofors-token-secret') };
const app: XAuth = { kind: 'bearer', token: new Secret(FAKE_X_APP.bearer) };

beforeAll(async () => {
  fake = new FakeXApi(() => now);
  await fake.start();
  fake.state.addAccount(hofors, '1400-hofors-token', 'hofors-token-secret');
  fake.state.addUser(citizen);
  client = new XClient({ baseUrl: fake.url, now: () => now });
});
afterAll(() => fake.stop());

const refusal = async (p: Promise<unknown>): Promise<PlatformError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PlatformError);
  return e as PlatformError;
};

describe('the X API client', () => {
  it('reads mentions since an id with the app token, newest first, with X\'s meta', async () => {
    const old = fake.state.addPost(citizen.id, '@hoforskommun när töms soporna?', T0 - 7200_000);
    const recent = fake.state.addPost(citizen.id, 'Hej @hoforskommun, är badhuset öppet?', T0 - 600_000);
    fake.state.addPost(citizen.id, 'inget omnämnande här', T0 - 500_000);
    const r = await client.get<{ data: Array<{ id: string; text: string }>; meta: { newest_id: string; result_count: number } }>(`/2/users/${hofors.id}/mentions`, { since_id: old.id, expansions: 'author_id' }, app);
    expect(r.body.data.map((p) => p.id)).toEqual([recent.id]);
    expect(r.body.meta).toMatchObject({ newest_id: recent.id, result_count: 1 });
  });

  it('signs user-context calls with OAuth 1.0a so X accepts them (query parameters included)', async () => {
    const r = await client.get<{ meta: { result_count: number } }>('/2/dm_events', { max_results: 50, 'dm_event.fields': 'id,text,sender_id,created_at' }, user);
    expect(r.status).toBe(200);
    expect(fake.calls('GET', /dm_events/).at(-1)!.userId).toBe(hofors.id);
  });

  it('answers 401 for a wrong token secret, mapped to token_invalid', async () => {
    const wrong: XAuth = { ...user, accessTokenSecret: new Secret('nope') } as XAuth;
    expect((await refusal(client.get('/2/dm_events', {}, wrong))).code).toBe('token_invalid');
  });

  it('posts a reply and reads the new id (201)', async () => {
    const mention = fake.state.addPost(citizen.id, '@hoforskommun var lämnar jag grovsopor?', T0 - 60_000);
    const r = await client.post<{ data: { id: string } }>('/2/tweets', { text: 'Hej! På återvinningscentralen. /Maria, webbredaktör', reply: { in_reply_to_tweet_id: mention.id } }, user);
    expect(r.status).toBe(201);
    expect(fake.state.posts.get(r.body.data.id)!.inReplyToTweetId).toBe(mention.id);
  });

  it('maps a reply X refuses because the author did not summon the account (self-serve) to not_allowed', async () => {
    const own = fake.state.addPost(hofors.id, 'Vinterväghållningen börjar', T0 - 3600_000);
    const reply = fake.state.addPost(citizen.id, 'Plogar ni min gata?', T0 - 60_000, own.id);
    const other = fake.state.addPost(citizen.id, 'Plogningen är dålig', T0 - 30_000);
    expect((await refusal(client.post('/2/tweets', { text: 'Svar', reply: { in_reply_to_tweet_id: other.id } }, user))).code).toBe('not_allowed');
    // a reply to the account's own post is answered (the citizen replied into its conversation)
    expect((await client.post('/2/tweets', { text: 'Ja, i dag.', reply: { in_reply_to_tweet_id: reply.id } }, user)).status).toBe(201);
  });

  it('waits until x-rate-limit-reset after a 429', async () => {
    fake.limit('GET /2/users/:id/mentions', 1);
    await client.get(`/2/users/${hofors.id}/mentions`, {}, user);
    const e = await refusal(client.get(`/2/users/${hofors.id}/mentions`, {}, user));
    expect(e.code).toBe('rate_limited');
    expect(e.detail.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(e.detail.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
    now += 15 * 60_000;
    expect((await client.get(`/2/users/${hofors.id}/mentions`, {}, user)).status).toBe(200);
  });

  describe('every documented problem body maps to its code', () => {
    const cases: Array<[string, number, string]> = [
      ['401-unauthorized.json', 401, 'token_invalid'],
      ['403-client-forbidden.json', 403, 'permission'],
      ['429-too-many-requests.json', 429, 'rate_limited'],
      ['doc-429-v1-style.json', 429, 'rate_limited'],
      ['doc-problem-invalid-request.json', 400, 'invalid_request'],
    ];
    for (const [file, status, code] of cases) {
      it(`${file} (HTTP ${status}) → ${code}`, async () => {
        fake.failNext({ status, body: JSON.parse(readFileSync(`tests/fixtures/x-api/errors/${file}`, 'utf8')) }, { path: /probe/ });
        expect((await refusal(client.get('/2/probe', {}, user))).code).toBe(code);
      });
    }
    it('a 200 with partial errors is a success the caller reads', async () => {
      fake.failNext({ status: 200, body: JSON.parse(readFileSync('tests/fixtures/x-api/errors/doc-partial-error-resource-not-found.json', 'utf8')) }, { path: /probe/ });
      const r = await client.get<{ errors: unknown[] }>('/2/probe', {}, user);
      expect(r.body.errors).toHaveLength(1);
    });
    it('a dropped connection is unavailable', async () => {
      fake.failNext('drop', { path: /probe/ });
      expect((await refusal(client.get('/2/probe', {}, user))).code).toBe('unavailable');
    });
  });
});
