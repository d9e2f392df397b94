import { describe, expect, it } from 'vitest';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { at, edited, fixture, rawOf } from './support.js';

const PAGE = '104857331234567';
const ANNAS_COMMENT = '812345678901234_1523847561234987';
const PERMALINK = 'https://www.facebook.com/HoforsKommun/posts/pfbid02XkLm9vQeR7Tz3sBn4HyPq';

describe('a Facebook Page feed webhook', () => {
  describe('when a citizen comments on a post', () => {
    it('is a message to the page, timed by created_time, linked to the comment on the post', () => {
      expect(parseMetaPayload(fixture('feed-comment'))).toStrictEqual([
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'facebook',
            accountExternalId: PAGE,
            externalId: ANNAS_COMMENT,
            author: { id: '7391028475610293', name: 'Anna Lindqvist' },
            text: 'Hej! När töms soporna på Storgatan? Kärlet har inte tömts på två veckor.',
            url: `${PERMALINK}?comment_id=1523847561234987`,
            receivedAt: at('2026-03-10T09:41:12+01:00'),
            raw: rawOf('feed-comment', 'changes'),
          },
        },
      ]);
    });

    describe('and the payload has no post permalink (older Graph API versions)', () => {
      it('links to the comment id on facebook.com', () => {
        const [event] = parseMetaPayload(edited('feed-comment', (p) => delete p.entry[0].changes[0].value.post));
        expect(event).toMatchObject({ message: { url: `https://www.facebook.com/${ANNAS_COMMENT}` } });
      });
    });

    describe('and Meta withholds who wrote it (no from)', () => {
      it('is still a message, with an unknown author', () => {
        const [event] = parseMetaPayload(edited('feed-comment', (p) => delete p.entry[0].changes[0].value.from));
        expect(event).toMatchObject({ kind: 'message', message: { author: {}, externalId: ANNAS_COMMENT } });
      });
    });

    describe('and the comment is a photo without text', () => {
      it('is a message with empty text', () => {
        const [event] = parseMetaPayload(edited('feed-comment', (p) => delete p.entry[0].changes[0].value.message));
        expect(event).toMatchObject({ kind: 'message', message: { text: '' } });
      });
    });
  });

  describe('when a citizen replies to a comment', () => {
    it('is a message in reply to that comment', () => {
      const body = edited('feed-comment', (p) => (p.entry[0].changes[0].value.parent_id = '812345678901234_1523000000000001'));
      expect(parseMetaPayload(body)).toMatchObject([{ kind: 'message', message: { inReplyTo: '812345678901234_1523000000000001' } }]);
    });
  });

  describe('when the page itself replies to a comment', () => {
    it('is the page’s own reply to that comment', () => {
      expect(parseMetaPayload(fixture('feed-page-reply'))).toStrictEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'meta',
            channel: 'facebook',
            accountExternalId: PAGE,
            externalId: '812345678901234_1523901234567890',
            inReplyTo: ANNAS_COMMENT,
            answeredAt: at('2026-03-10T13:05:40+01:00'),
            text: fixture('feed-page-reply').entry[0].changes[0].value.message,
            raw: rawOf('feed-page-reply', 'changes'),
          },
        },
      ]);
    });
  });

  describe('when the page comments on its own post, not in reply to anyone', () => {
    it('is ignored', () => {
      const body = edited('feed-page-reply', (p) => (p.entry[0].changes[0].value.parent_id = p.entry[0].changes[0].value.post_id));
      expect(parseMetaPayload(body)).toEqual([]);
    });
  });

  describe('when the change asks nothing', () => {
    it('ignores a reaction, a share and an unhide', () => {
      expect(parseMetaPayload(fixture('feed-reaction'))).toEqual([]);
      expect(parseMetaPayload(edited('feed-comment', (p) => Object.assign(p.entry[0].changes[0].value, { item: 'share' })))).toEqual([]);
      expect(parseMetaPayload(edited('feed-comment', (p) => Object.assign(p.entry[0].changes[0].value, { verb: 'unhide' })))).toEqual([]);
    });
  });

  describe('when a citizen edits a comment (verb edited)', () => {
    it('is an edit of that comment with its new text, carrying the comment whole', () => {
      const body = edited('feed-comment', (p) => Object.assign(p.entry[0].changes[0].value, { verb: 'edited', message: 'Hej! När töms soporna på Storgatan 5?' }));
      expect(parseMetaPayload(body)).toMatchObject([
        { kind: 'edit', edit: { channel: 'facebook', accountExternalId: PAGE, externalId: ANNAS_COMMENT, text: 'Hej! När töms soporna på Storgatan 5?', message: { externalId: ANNAS_COMMENT, author: { id: '7391028475610293' } } } },
      ]);
    });
  });

  describe('when a comment is removed or hidden', () => {
    const removal = { item: 'comment', verb: 'remove', post_id: '104857331234567_812345678901234', comment_id: ANNAS_COMMENT, created_time: 1773150000 };
    it('is a removal by its author when the author removed it, or when Meta does not say who', () => {
      expect(parseMetaPayload(edited('feed-comment', (p) => (p.entry[0].changes[0].value = { ...removal, from: { id: '7391028475610293', name: 'Anna Lindqvist' } })))).toMatchObject([
        { kind: 'removal', removal: { externalId: ANNAS_COMMENT, by: 'author', how: 'deleted', removedAt: 1773150000_000 } },
      ]);
      expect(parseMetaPayload(edited('feed-comment', (p) => (p.entry[0].changes[0].value = removal)))).toMatchObject([{ kind: 'removal', removal: { by: 'author' } }]);
    });
    it('is a removal by the page when the page deleted or hid it', () => {
      expect(parseMetaPayload(edited('feed-comment', (p) => (p.entry[0].changes[0].value = { ...removal, from: { id: PAGE } })))).toMatchObject([{ kind: 'removal', removal: { by: 'account', how: 'deleted' } }]);
      expect(parseMetaPayload(edited('feed-comment', (p) => (p.entry[0].changes[0].value = { ...removal, verb: 'hide' })))).toMatchObject([{ kind: 'removal', removal: { by: 'account', how: 'hidden' } }]);
    });
  });

  describe('when a visitor posts on the page (item status or post, verb add)', () => {
    const visitorPost = (item: string, from = { id: '7391028475610293', name: 'Anna Lindqvist' }) =>
      edited('feed-comment', (p) => (p.entry[0].changes[0].value = { from, message: 'Hej! Var kan jag hämta ut säckar till trädgårdsavfall?', post_id: '104857331234567_812399999999999', created_time: 1773132072, item, published: 1, verb: 'add' }));
    it.each(['status', 'post'])('is a message keyed by the post id, linked to the post (item %s)', (item) => {
      expect(parseMetaPayload(visitorPost(item))).toMatchObject([
        { kind: 'message', message: { channel: 'facebook', externalId: '104857331234567_812399999999999', author: { id: '7391028475610293', name: 'Anna Lindqvist' }, text: 'Hej! Var kan jag hämta ut säckar till trädgårdsavfall?', url: 'https://www.facebook.com/104857331234567_812399999999999', receivedAt: at('2026-03-10T09:41:12+01:00') } },
      ]);
    });
    it('is nothing when the page posts itself', () => {
      expect(parseMetaPayload(visitorPost('status', { id: PAGE, name: 'Hofors kommun' }))).toEqual([]);
    });
  });

  describe('when another Page field changes (ratings)', () => {
    it('ignores it', () => {
      expect(parseMetaPayload(edited('feed-comment', (p) => (p.entry[0].changes[0].field = 'ratings')))).toEqual([]);
    });
  });
});
