/**
 * The Graph API client against the fake Graph API over real HTTP: the token travels in the header,
 * paging follows Meta's cursors, usage headers are read, and every documented error body maps to the
 * PlatformError code the core acts on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../../../adapters/sources/meta/graph-client.js';
import { DEFAULT_THROTTLE_MS } from '../../../adapters/sources/meta/graph-errors.js';
import { PlatformError, type PlatformErrorCode } from '../../../src/platform/errors.js';
import { Secret } from '../../../src/platform/secret.js';
import { FakeGraphApi } from '../../fakes/graph-api/server.js';

const T0 = Date.parse('2026-12-01T09:00:00+01:00');
const PAGE = '104000000000001';
const TOKEN = new Secret('EAAG-hofors-page-token');

let fake: FakeGraphApi;
let client: GraphClient;

beforeAll(async () => {
  fake = new FakeGraphApi(() => T0);
  await fake.start();
  fake.state.addPage({ id: PAGE, name: 'Hofors kommun', token: TOKEN.reveal() });
  fake.state.addPage({ id: '104000000000002', name: 'Arvidsjaurs kommun', token: 'EAAG-arvidsjaur' });
  client = new GraphClient({ baseUrl: fake.url, timeoutMs: 2000 });
});
afterAll(() => fake.stop());

const refusal = async (p: Promise<unknown>): Promise<PlatformError> => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(PlatformError);
  return e as PlatformError;
};

describe('the Graph API client', () => {
  it('sends the page token in the Authorization header, never in the URL', async () => {
    await client.get(PAGE, { fields: 'id,name' }, TOKEN);
    const call = fake.calls('GET').at(-1)!;
    expect(call.token).toBe(TOKEN.reveal());
    expect(call.tokenInUrl).toBe(false);
  });

  it('follows paging.next through every page of a post\'s comments, in order', async () => {
    const post = fake.state.addPost(PAGE, { id: PAGE, name: 'Hofors kommun' }, 'Sophämtningen flyttas', T0 - 3600_000);
    for (let i = 0; i < 7; i++) fake.state.addComment(post.id, { id: `58200000000000${i}`, name: `Invånare ${i}` }, `Fråga ${i}`, T0 - 3000_000 + i * 60_000);
    const seen: string[] = [];
    for await (const p of client.pages<{ message: string }>(`${post.id}/comments`, { filter: 'stream', order: 'chronological', limit: 3 }, TOKEN)) seen.push(...p.body.data.map((c) => c.message));
    expect(seen).toEqual(['Fråga 0', 'Fråga 1', 'Fråga 2', 'Fråga 3', 'Fråga 4', 'Fråga 5', 'Fråga 6']);
    expect(fake.calls('GET', /comments$/).every((c) => !c.tokenInUrl)).toBe(true);
  });

  it('does not follow a paging.next that points at another host', async () => {
    fake.failNext({ status: 200, body: { data: [{ id: '1' }], paging: { next: 'https://evil.example/v26.0/x?after=1' } } }, { path: /^evilpaging$/ });
    const pages = [];
    for await (const p of client.pages<{ id: string }>('evilpaging', {}, TOKEN)) pages.push(p);
    expect(pages).toHaveLength(1);
  });

  it('reads the usage headers', async () => {
    fake.usage = { call_count: 97, total_time: 23, total_cputime: 23, estimated_time_to_regain_access: 3 };
    const r = await client.get(PAGE, {}, TOKEN);
    fake.usage = { call_count: 5, total_time: 3, total_cputime: 2 };
    expect(r.usage).toEqual({ percent: 97, regainMs: 180_000 });
  });

  it("refuses another page's token on this page's objects as Meta does (100/33: not found)", async () => {
    const e = await refusal(client.get(PAGE, {}, new Secret('EAAG-arvidsjaur')));
    expect([e.code, e.detail.platformCode, e.detail.subcode]).toEqual(['not_found', 100, 33]);
  });

  it('maps an expired token (190/463) to token_invalid, and never puts the token in the message', async () => {
    fake.expire('EAAG-expired');
    fake.state.pages.get(PAGE)!.tokens.add('EAAG-expired');
    const e = await refusal(client.get(PAGE, {}, new Secret('EAAG-expired')));
    expect([e.code, e.detail.platformCode, e.detail.subcode]).toEqual(['token_invalid', 190, 463]);
    expect(e.message).not.toContain('EAAG');
  });

  it('maps a dropped connection and a timeout to unavailable', async () => {
    fake.failNext('drop', { path: new RegExp(`^${PAGE}$`) });
    expect((await refusal(client.get(PAGE, {}, TOKEN))).code).toBe('unavailable');
  });

  describe('every documented error body maps to its code', () => {
    const expected: Record<string, PlatformErrorCode> = {
      '10-2018065-outside-window-legacy.json': 'window_closed',
      'INFERRED-10-2018278-outside-window.json': 'window_closed',
      '100-33-graphmethodexception.json': 'not_found',
      '100-33-object-not-found.json': 'not_found',
      '33-object-does-not-exist.json': 'not_found',
      '190-460-password-changed.json': 'token_invalid',
      '190-463-expired.json': 'token_invalid',
      '190-invalid-token-messenger-doc.json': 'token_invalid',
      'doc-generic-190-460.json': 'token_invalid',
      '283-permission.json': 'permission',
      'INFERRED-10-permission-denied.json': 'permission',
      'INFERRED-200-permission.json': 'permission',
      '32-page-request-limit.json': 'rate_limited',
      '80001-page-buc-limit.json': 'rate_limited',
      'INFERRED-17-user-limit.json': 'rate_limited',
      'INFERRED-4-app-limit.json': 'rate_limited',
      'INFERRED-613-custom-limit.json': 'rate_limited',
      '551-1545041-person-unavailable.json': 'recipient_unavailable',
    };
    const files = readdirSync('tests/fixtures/graph-api/errors').filter((f) => f.endsWith('.json'));
    it('covers every fixture', () => expect(files.sort()).toEqual(Object.keys(expected).sort()));
    for (const file of files) {
      it(`${file} → ${expected[file]}`, async () => {
        const body = JSON.parse(readFileSync(`tests/fixtures/graph-api/errors/${file}`, 'utf8'));
        fake.failNext({ status: 400, body }, { path: /^errorprobe$/ });
        const e = await refusal(client.get('errorprobe', {}, TOKEN));
        expect(e.code).toBe(expected[file]);
        if (e.code === 'rate_limited') expect(e.detail.retryAfterMs).toBeGreaterThanOrEqual(DEFAULT_THROTTLE_MS);
      });
    }
  });
});
