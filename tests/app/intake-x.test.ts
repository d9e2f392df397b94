/**
 * End to end, X: the Account Activity API and the X Activity API side by side on /webhooks/x, signed
 * as X signs (sha256 HMAC of the raw body with the consumer secret, base64), through the running server
 * on PGlite and PostgreSQL; inquiries and their event trails read back from the REST API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reminders } from '../../src/db/schema.js';
import { at } from '../support/calendar-builder.js';
import { fixture, startHarness, TARGETS, xHeaders, type Harness } from '../support/app-harness.js';

describe.each(TARGETS)('X intake on $name', ({ target }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(target, at('2026-03-10T10:00'));
  });
  afterAll(() => h.close());
  const post = (name: string) => {
    const body = fixture(`x/${name}`);
    return h.post('/webhooks/x', body, xHeaders(body));
  };
  const inquiry = async (id: number) => (await h.api(`/api/inquiries/${id}`)).body;
  const pending = async (id: number) => (await h.app.database.db.select().from(reminders).where(eq(reminders.inquiryId, id))).filter((r) => r.status === 'pending').length;

  describe('when the same mention arrives through XAA and then through AAA (a migration overlap)', () => {
    let id = 0;
    it('stores it once: the post id is the key, not the event_uuid', async () => {
      const first = await post('xaa-mention.json');
      expect(first).toMatchObject({ status: 200, body: { received: 1, duplicates: 0 } });
      id = first.body.inquiries[0];
      expect(await post('mention.json')).toMatchObject({ status: 200, body: { received: 0, duplicates: 1, inquiries: [id] } });
      expect(await inquiry(id)).toMatchObject({ channel: 'x', state: 'open', external_id: '2031274411103091250', author: { handle: 'annalindqvist_' } });
    });

    it('takes the citizen’s edit: new text, the earlier version whole in the trail, the deadline kept; a redelivery changes nothing', async () => {
      const before = await inquiry(id);
      expect(await post('xaa-mention-edited.json')).toMatchObject({ status: 200, body: { edited: 1, received: 0 } });
      const after = await inquiry(id);
      expect(after.text).toBe('@hoforskommun när öppnar badhuset igen? Barnen undrar 🏊 Och gäller årskorten fortfarande?');
      expect(after.deadline).toBe(before.deadline);
      const edited = after.events.filter((e: { type: string }) => e.type === 'edited');
      expect(edited).toMatchObject([{ actor: 'source:x', at: '2026-03-10T07:48:35.000Z', data: { previousText: before.text } }]);
      expect(await post('xaa-mention-edited.json')).toMatchObject({ status: 200, body: { edited: 0 } });
      expect((await inquiry(id)).events.filter((e: { type: string }) => e.type === 'edited')).toHaveLength(1);
    });

    it('is answered by the account’s reply post, whose text is kept in the answer’s event', async () => {
      expect(await post('xaa-own-reply.json')).toMatchObject({ status: 200, body: { answered: 1 } });
      const got = await inquiry(id);
      expect(got.state).toBe('answered');
      const answered = got.events.find((e: { type: string }) => e.type === 'answered');
      expect(answered.data).toMatchObject({ replyId: '2031295444213677128', replyText: expect.stringContaining('/Maria, kommunikationsavdelningen') });
      // the same reply through AAA: one answer, no second record
      expect(await post('own-reply.json')).toMatchObject({ status: 200, body: { answered: 0 } });
      expect((await inquiry(id)).events.map((e: { type: string }) => e.type)).toEqual(['received', 'edited', 'answered']);
    });

    it('answers 200 and stores nothing for the account deleting its own post', async () => {
      expect(await post('xaa-post-delete.json')).toMatchObject({ status: 200, body: { received: 0, removed: 0 } });
      expect((await inquiry(id)).state).toBe('answered');
    });
  });

  describe('when a citizen writes both publicly and in a DM, and the account answers the DM', () => {
    let publicId = 0;
    let dmId = 0;
    it('answers the DM conversation only: the citizen’s public reply stays open', async () => {
      publicId = (await post('xaa-reply.json')).body.inquiries[0];
      dmId = (await post('dm.json')).body.inquiries[0];
      expect(await post('xaa-dm-received.json')).toMatchObject({ body: { received: 0, duplicates: 1, inquiries: [dmId] } });
      expect(await post('xaa-dm-sent.json')).toMatchObject({ status: 200, body: { answered: 1 } });
      expect((await inquiry(dmId)).state).toBe('answered');
      expect((await inquiry(publicId)).state).toBe('open');
      const answered = (await inquiry(dmId)).events.find((e: { type: string }) => e.type === 'answered');
      expect(answered.data.replyText).toMatch(/^Hej Karin!/);
      // the same DM through AAA: already answered
      expect(await post('dm-own-reply.json')).toMatchObject({ body: { answered: 0 } });
    });

    it('closes the public reply as removed by its author when she deletes it, stops its reminders, keeps the original', async () => {
      expect(await pending(publicId)).toBeGreaterThan(0);
      const del = JSON.stringify({ for_user_id: '289337474', tweet_delete_events: [{ status: { id: '2031402211990056961', user_id: '1402957371048787970' }, timestamp_ms: String(at('2026-03-10T16:30')) }] });
      expect(await h.post('/webhooks/x', del, xHeaders(del))).toMatchObject({ status: 200, body: { removed: 1 } });
      const got = await inquiry(publicId);
      expect(got).toMatchObject({ state: 'closed', close_reason: 'borttagen av skribenten', closed_at: '2026-03-10T15:30:00.000Z', removed: false, text: '@hoforskommun Gäller det även simhallen i Bergsäng?' });
      expect(got.events.at(-1)).toMatchObject({ type: 'closed', actor: 'source:x', data: { reason: 'borttagen av skribenten', removedBy: 'author', how: 'deleted' } });
      expect(await pending(publicId)).toBe(0);
      expect(await h.post('/webhooks/x', del, xHeaders(del))).toMatchObject({ status: 200, body: { removed: 0 } });
    });
  });

  describe('when X sends what svarstid does not read', () => {
    it('answers 200 with nothing stored: an AAA app revoke (no for_user_id), an XAA oauth.revoke, a like', async () => {
      const before = (await h.api('/api/inquiries?limit=1000')).body.inquiries.length;
      const revoke = JSON.stringify({ user_event: { revoke: { date_time: '2018-05-24T09:48:12+00:00', target: { app_id: '13090192' }, source: { user_id: '63046977' } } } });
      expect(await h.post('/webhooks/x', revoke, xHeaders(revoke))).toMatchObject({ status: 200, body: { received: 0 } });
      expect(await post('xaa-oauth-revoke.json')).toMatchObject({ status: 200, body: { received: 0 } });
      expect(await post('xaa-like.json')).toMatchObject({ status: 200, body: { received: 0 } });
      expect((await h.api('/api/inquiries?limit=1000')).body.inquiries.length).toBe(before);
    });
    it('401s an XAA delivery signed with another secret', async () => {
      const body = fixture('x/xaa-mention.json');
      expect((await h.post('/webhooks/x', body, xHeaders(body, 'not-the-secret'))).status).toBe(401);
    });
  });
});
