/**
 * End to end, Meta: deliveries signed as Meta signs them (X-Hub-Signature-256: sha256=HMAC(app secret,
 * raw body)), in both forms Meta's raw body may take (non-ASCII escaped as \uXXXX, and plain UTF-8),
 * through the running server on PGlite and PostgreSQL; inquiries and event trails read back from the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../support/calendar-builder.js';
import { fixture, metaHeaders, startHarness, TARGETS, type Harness } from '../support/app-harness.js';

/** JSON as Meta's raw body carries it: every non-ASCII character escaped as \uXXXX. */
const escaped = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const json = (name: string): any => JSON.parse(fixture(`meta/${name}.json`).toString('utf8'));
type Event = { type: string; data: Record<string, unknown> };

describe.each(TARGETS)('Meta intake on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-03-12T12:00'));
  });
  afterAll(() => h.close());
  const send = (body: string | Buffer) => h.post('/webhooks/meta', body, metaHeaders(body));
  const inquiry = async (id: number) => (await h.api(`/api/inquiries/${id}`)).body;

  describe('when a visitor posts on the page, in Meta’s escaped form and then in plain UTF-8', () => {
    it('verifies both signatures over the exact bytes and stores the post once, with its text decoded', async () => {
      const value = json('feed-visitor-status');
      const ascii = escaped(value);
      expect(ascii).toContain('h\\u00e4mta');
      const first = await send(ascii);
      expect(first).toMatchObject({ status: 200, body: { received: 1 } });
      expect(await send(JSON.stringify(value))).toMatchObject({ status: 200, body: { duplicates: 1, inquiries: first.body.inquiries } });
      expect(await inquiry(first.body.inquiries[0])).toMatchObject({
        channel: 'facebook', state: 'open', external_id: '104857331234567_812399999999999', text: 'Hej! Var kan jag hämta säckar för trädgårdsavfall i år?', author: { name: 'Erik Sundberg' },
      });
    });
    it('closes it as removed by its author when he removes the post; a repeat changes nothing', async () => {
      const r = await send(fixture('meta/feed-visitor-status-removed.json'));
      expect(r).toMatchObject({ status: 200, body: { removed: 1 } });
      const id = (await send(escaped(json('feed-visitor-status')))).body.inquiries[0];
      expect(await inquiry(id)).toMatchObject({ state: 'closed', close_reason: 'borttagen av skribenten', text: 'Hej! Var kan jag hämta säckar för trädgårdsavfall i år?' });
      expect((await send(fixture('meta/feed-visitor-status-removed.json'))).body).toMatchObject({ removed: 0 });
    });
  });

  describe('when a citizen comments, edits the comment, and the page hides it', () => {
    let id = 0;
    it('updates the text, keeps each earlier version whole in the trail, re-runs personal-data detection, keeps the deadline', async () => {
      id = (await send(fixture('meta/feed-comment.json'))).body.inquiries[0];
      const first = await inquiry(id);
      expect((await send(fixture('meta/feed-comment-edited.json'))).body).toMatchObject({ edited: 1 });
      const second = json('feed-comment-edited');
      second.entry[0].changes[0].value.message = 'Ring mig på 070-123 45 67 om soporna.';
      second.entry[0].changes[0].value.created_time = 1773150400;
      expect((await send(escaped(second))).body).toMatchObject({ edited: 1 });
      const got = await inquiry(id);
      expect(got).toMatchObject({ text: 'Ring mig på 070-123 45 67 om soporna.', personal_data: ['phone'], deadline: first.deadline, state: 'open' });
      const edits = got.events.filter((e: Event) => e.type === 'edited');
      expect(edits.map((e: Event) => e.data.previousText)).toEqual([first.text, json('feed-comment-edited').entry[0].changes[0].value.message]);
      expect(edits[1].data).toMatchObject({ previousPersonalData: [], personalData: ['phone'] });
    });
    it('records the page’s hiding as a removal by the account: closed as such, marked removed, not as the author’s', async () => {
      expect((await send(fixture('meta/feed-comment-hidden.json'))).body).toMatchObject({ removed: 1 });
      const got = await inquiry(id);
      expect(got).toMatchObject({ state: 'closed', close_reason: 'borttagen av kontot', removed: true, removed_reason: 'borttagen av kontot' });
      expect(got.events.at(-1)).toMatchObject({ type: 'closed', data: { removedBy: 'account', how: 'hidden' } });
    });
  });

  describe('when the page is mentioned elsewhere (mention: no text in the notification)', () => {
    it('is an inquiry on the Facebook account with empty text, a link to the post, and a note in its receipt saying why', async () => {
      const r = await send(fixture('meta/page-mention.json'));
      const got = await inquiry(r.body.inquiries[0]);
      expect(got).toMatchObject({ channel: 'facebook', organization: 'hofors', text: '', url: 'https://www.facebook.com/100012345678901_998877665544332', author: { name: 'Karin Öberg' } });
      expect(got.events[0].data.note).toMatch(/without their text/);
    });
  });

  describe('when a citizen writes to the Instagram account and the account answers', () => {
    it('is an inquiry of channel instagram_dm on the Instagram account, answered by the echo, whose text is kept', async () => {
      const id = (await send(fixture('meta/instagram-dm.json'))).body.inquiries[0];
      expect(await inquiry(id)).toMatchObject({ channel: 'instagram_dm', organization: 'hofors', state: 'open', text: 'Hej! Har ni öppet på biblioteket i sportlovet?' });
      expect((await send(fixture('meta/instagram-dm-echo.json'))).body).toMatchObject({ answered: 1 });
      const got = await inquiry(id);
      expect(got.state).toBe('answered');
      expect(got.events.find((e: Event) => e.type === 'answered').data).toMatchObject({ replyText: 'Hej! Ja, 10–16 alla dagar. /Biblioteket' });
    });
    it('makes an Instagram mention an inquiry of channel instagram_mention', async () => {
      const r = await send(fixture('meta/instagram-mention.json'));
      expect(await inquiry(r.body.inquiries[0])).toMatchObject({ channel: 'instagram_mention', organization: 'hofors', external_id: '17894227972186120', text: '' });
    });
  });

  describe('when a citizen unsends a Messenger message', () => {
    it('creates no inquiry: the message it names is closed as removed by its author', async () => {
      const id = (await send(fixture('meta/messenger-message.json'))).body.inquiries[0];
      const before = (await h.api('/api/inquiries?limit=1000')).body.inquiries.length;
      expect(await send(fixture('meta/messenger-unsend.json'))).toMatchObject({ status: 200, body: { received: 0, removed: 1 } });
      expect((await h.api('/api/inquiries?limit=1000')).body.inquiries.length).toBe(before);
      expect(await inquiry(id)).toMatchObject({ state: 'closed', close_reason: 'borttagen av skribenten' });
    });
    it('stores nothing for an unsend of a message never seen', async () => {
      const unknown = json('messenger-unsend');
      unknown.entry[0].messaging[0].message.mid = 'm_never_seen';
      expect(await send(JSON.stringify(unknown))).toMatchObject({ status: 200, body: { received: 0, removed: 0 } });
    });
  });
});

describe.each(TARGETS)('a Meta batch mixing every event type, on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-03-12T12:00'));
  });
  afterAll(() => h.close());
  const entry = (name: string, i = 0) => json(name).entry[i];

  it('takes what it reads, ignores a change without value and the fields it does not read, and answers 200 with what happened', async () => {
    const comment = entry('feed-comment');
    const page = {
      object: 'page',
      entry: [
        comment,
        { id: '104857331234567', time: 1773150000, changes: [{ field: 'feed' }, { field: 'ratings', value: { verb: 'add', item: 'rating', rating: 5 } }] },
        entry('feed-visitor-status'),
        entry('page-mention'),
        entry('feed-reaction'),
        entry('messenger-message'),
        entry('messenger-read'),
        entry('feed-comment-edited'),
        entry('feed-page-reply'),
        entry('messenger-echo'),
      ],
    };
    const body = escaped(page);
    const r = await h.post('/webhooks/meta', body, metaHeaders(body));
    expect(r).toMatchObject({ status: 200, body: { received: 4, duplicates: 0, edited: 1, answered: 2 } });
    const ig = { object: 'instagram', entry: [entry('instagram-comment'), entry('instagram-dm'), entry('instagram-mention'), entry('instagram-dm-echo')] };
    const igBody = JSON.stringify(ig);
    const r2 = await h.post('/webhooks/meta', igBody, metaHeaders(igBody));
    expect(r2).toMatchObject({ status: 200, body: { received: 3, answered: 1 } });
    // the Instagram comment reached another Instagram account than the directory's: kept, unrouted
    const all = (await h.api('/api/inquiries?limit=1000')).body.inquiries as Array<{ channel: string; state: string }>;
    expect(all.map((i) => `${i.channel}:${i.state}`).sort()).toEqual(
      ['facebook:answered', 'facebook:open', 'facebook:open', 'instagram:unrouted', 'instagram_dm:answered', 'instagram_mention:open', 'messenger:answered'].sort(),
    );
  });
});
