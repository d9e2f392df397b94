import { describe, expect, it } from 'vitest';
import { parseXPayload } from '../../../../adapters/sources/x/parse.js';
import { eventItem } from '../../../../src/inquiries/inbound.js';
import { at } from '../../../support/calendar-builder.js';
import { ANNA, fixture, HOFORS } from './support.js';

const KARIN = '1402957371048787970';

describe('parsing an X Activity API (XAA) delivery', () => {
  describe('when someone mentions the account (post.mention.create)', () => {
    const body = fixture('xaa-mention.json');
    it('gives a citizen message keyed by the post id, with the author from includes and the delivery’s data as raw', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'x', channel: 'x', accountExternalId: HOFORS, externalId: '2031274411103091250',
            author: { id: ANNA.id, name: ANNA.name, handle: ANNA.handle },
            text: '@hoforskommun när öppnar badhuset igen? Barnen undrar 🏊',
            url: 'https://x.com/annalindqvist_/status/2031274411103091250',
            receivedAt: at('2026-03-10T08:42:13+01:00'),
            raw: body.data,
          },
        },
      ]);
    });
    it('is the same message, by id, text and author, as the Account Activity API’s delivery of that post', () => {
      const [xaa] = parseXPayload(body).map(eventItem);
      const [aaa] = parseXPayload(fixture('mention.json')).map(eventItem);
      expect([xaa!.externalId, xaa!.accountExternalId, xaa!.channel]).toEqual([aaa!.externalId, aaa!.accountExternalId, aaa!.channel]);
    });
  });

  describe('when someone replies to the account’s post (post.reply.create)', () => {
    it('gives a citizen message replying to that post; with includes empty (as documented), the author by id and an id-only link', () => {
      const [e] = parseXPayload(fixture('xaa-reply.json'));
      expect(e).toMatchObject({ kind: 'message', message: { externalId: '2031402211990056961', inReplyTo: '2031390000000000001', author: { id: KARIN }, url: 'https://x.com/i/status/2031402211990056961' } });
    });
  });

  describe('when the account replies (post.create with in_reply_to_tweet_id)', () => {
    it('gives an own reply to that post, with its text', () => {
      const body = fixture('xaa-own-reply.json');
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'x', channel: 'x', accountExternalId: HOFORS, externalId: '2031295444213677128', inReplyTo: '2031274411103091250',
            answeredAt: at('2026-03-10T10:05:48+01:00'), text: body.data.payload.text, raw: body.data,
          },
        },
      ]);
    });
    it('gives nothing for the account’s post that replies to nothing, or a repost', () => {
      const body = fixture('xaa-own-reply.json');
      const { in_reply_to_tweet_id: _drop, referenced_tweets: _refs, ...standalone } = body.data.payload;
      expect(parseXPayload({ data: { ...body.data, payload: standalone } })).toEqual([]);
      expect(parseXPayload({ data: { ...body.data, payload: { ...standalone, referenced_tweets: [{ type: 'retweeted', id: '1' }] } } })).toEqual([]);
    });
  });

  describe('when a citizen edits the mention (two ids in edit_history_tweet_ids)', () => {
    it('gives an edit of the first id, carrying the whole message for a post never seen', () => {
      const [e] = parseXPayload(fixture('xaa-mention-edited.json'));
      expect(e).toMatchObject({
        kind: 'edit',
        edit: { externalId: '2031274411103091250', text: '@hoforskommun när öppnar badhuset igen? Barnen undrar 🏊 Och gäller årskorten fortfarande?', editedAt: at('2026-03-10T08:48:35+01:00'), message: { externalId: '2031274411103091250' } },
      });
    });
  });

  describe('when a direct message arrives or is sent (dm.received, dm.sent)', () => {
    it('gives the same events as the Account Activity API’s, with the DM event id as key', () => {
      const [received] = parseXPayload(fixture('xaa-dm-received.json'));
      expect(received).toMatchObject({
        kind: 'message',
        message: { externalId: '2031375147914565503', author: { id: KARIN, name: 'Karin Holm', handle: 'karinholm' }, privateConversation: KARIN, receivedAt: at('2026-03-10T15:22:31.045+01:00') },
      });
      const [sent] = parseXPayload(fixture('xaa-dm-sent.json'));
      expect(sent).toMatchObject({ kind: 'own_reply', reply: { externalId: '2031384884093642980', inReplyTo: KARIN, conversationWith: true } });
      expect(eventItem(sent!).raw).toMatchObject({ event_type: 'dm.sent', payload: { direct_message_events: [{ id: '2031384884093642980' }] } });
    });
  });

  describe('when the account deletes its own post (post.delete)', () => {
    it('gives a removal by the account, undated (the payload has no time)', () => {
      expect(parseXPayload(fixture('xaa-post-delete.json'))).toEqual([
        { kind: 'removal', removal: { source: 'x', channel: 'x', accountExternalId: HOFORS, externalId: '2031295444213677128', by: 'account', how: 'deleted', raw: fixture('xaa-post-delete.json').data } },
      ]);
    });
  });

  describe('when the event is of a type svarstid does not read', () => {
    it.each(['xaa-oauth-revoke.json', 'xaa-like.json'])('gives nothing for %s, not an error', (name) => {
      expect(parseXPayload(fixture(name))).toEqual([]);
    });
    it('gives nothing for encrypted chat and reposts', () => {
      for (const type of ['chat.received', 'post.repost.create', 'dm.read', 'follow.follow']) {
        expect(parseXPayload({ data: { event_uuid: '1', filter: { user_id: HOFORS }, event_type: type, payload: {} } })).toEqual([]);
      }
    });
  });

  describe('when a read event is malformed', () => {
    it('400s naming the field: the filter’s user id, the post’s id, a DM’s time', () => {
      const body = fixture('xaa-mention.json');
      expect(() => parseXPayload({ data: { ...body.data, filter: {} } })).toThrow('data.filter.user_id is required');
      const { id: _id, ...noId } = body.data.payload;
      expect(() => parseXPayload({ data: { ...body.data, payload: noId } })).toThrow('data.payload.id is required');
      expect(() => parseXPayload({ data: { ...body.data, payload: { ...body.data.payload, created_at: 'igår' } } })).toThrow('data.payload.created_at must be an ISO 8601 time');
      expect(() => parseXPayload({ data: { ...body.data, payload: { ...body.data.payload, created_at: '1960-01-01T00:00:00Z' } } })).toThrow(/data\.payload\.created_at/);
      const dm = fixture('xaa-dm-received.json');
      dm.data.payload.direct_message_events[0].created_timestamp = 'soon';
      expect(() => parseXPayload(dm)).toThrow(/data\.payload\.direct_message_events\[0\]\.created_timestamp/);
    });
  });
});

describe('parsing an Account Activity API tweet_delete_events item', () => {
  it('gives a removal by the author when a citizen deleted the tweet, by the account when it was its own', () => {
    const item = (user: string) => ({ for_user_id: HOFORS, tweet_delete_events: [{ status: { id: '2031274411103091250', user_id: user }, timestamp_ms: '1773159044902' }] });
    expect(parseXPayload(item(ANNA.id))).toMatchObject([{ kind: 'removal', removal: { externalId: '2031274411103091250', by: 'author', how: 'deleted', removedAt: 1773159044902 } }]);
    expect(parseXPayload(item(HOFORS))).toMatchObject([{ kind: 'removal', removal: { by: 'account' } }]);
  });
});
