import { describe, expect, it } from 'vitest';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { at, edited, fixture, rawOf } from './support.js';

const ACCOUNT = '17841405822304914';
const ELINS_COMMENT = '17985612345678901';

describe('an Instagram comments webhook', () => {
  describe('when a citizen comments on the account’s media', () => {
    it('is a message to the account, timed by entry.time (seconds), with no url', () => {
      expect(parseMetaPayload(fixture('instagram-comment'))).toStrictEqual([
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'instagram',
            accountExternalId: ACCOUNT,
            externalId: ELINS_COMMENT,
            author: { id: '8123947561029384', handle: 'elin.hofors' },
            text: 'Hur länge har badhuset öppet under sportlovet? 🏊',
            receivedAt: at('2026-02-16T16:03:27+01:00'),
            raw: rawOf('instagram-comment', 'changes'),
          },
        },
      ]);
    });

    describe('and entry.time arrives in milliseconds', () => {
      it('is not multiplied again', () => {
        const [event] = parseMetaPayload(edited('instagram-comment', (p) => (p.entry[0].time = 1771254207000)));
        expect(event).toMatchObject({ message: { receivedAt: at('2026-02-16T16:03:27+01:00') } });
      });
    });
  });

  describe('when a citizen replies to a comment', () => {
    it('is a message in reply to that comment', () => {
      const body = edited('instagram-comment', (p) => (p.entry[0].changes[0].value.parent_id = '17980000000000001'));
      expect(parseMetaPayload(body)).toMatchObject([{ kind: 'message', message: { inReplyTo: '17980000000000001' } }]);
    });
  });

  describe('when the account replies to a comment', () => {
    it('is the account’s own reply to that comment', () => {
      expect(parseMetaPayload(fixture('instagram-own-reply'))).toMatchObject([{ kind: 'own_reply', reply: { text: fixture('instagram-own-reply').entry[0].changes[0].value.text } }]);
      const { text: _text, ...withoutText } = (parseMetaPayload(fixture('instagram-own-reply'))[0] as unknown as { reply: Record<string, unknown> }).reply;
      expect([{ kind: 'own_reply', reply: withoutText }]).toStrictEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'meta',
            channel: 'instagram',
            accountExternalId: ACCOUNT,
            externalId: '17992345678901234',
            inReplyTo: ELINS_COMMENT,
            answeredAt: at('2026-02-17T09:15:02+01:00'),
            raw: rawOf('instagram-own-reply', 'changes'),
          },
        },
      ]);
    });
  });

  describe('when the account comments on its own media, not in reply to anyone', () => {
    it('is ignored', () => {
      expect(parseMetaPayload(edited('instagram-own-reply', (p) => delete p.entry[0].changes[0].value.parent_id))).toEqual([]);
    });
  });

  describe('when another Instagram field changes', () => {
    it.each(['live_comments', 'story_insights'])('ignores %s', (field) => {
      expect(parseMetaPayload(edited('instagram-comment', (p) => (p.entry[0].changes[0].field = field)))).toEqual([]);
    });
  });

  describe('when it is an Instagram Direct message (entry.messaging)', () => {
    it('is a message of channel instagram_dm to the Instagram account (the entry), in the private conversation with the sender', () => {
      const body = edited('instagram-comment', (p) => {
        p.entry[0].messaging = fixture('messenger-message').entry[0].messaging;
        delete p.entry[0].changes;
      });
      expect(parseMetaPayload(body)).toMatchObject([
        { kind: 'message', message: { channel: 'instagram_dm', accountExternalId: '17841405822304914', author: { id: '6120398471625390' }, privateConversation: '6120398471625390' } },
      ]);
    });
  });

  describe('when someone mentions the account (field mentions, as Meta documents it: ids only)', () => {
    it('is a message of channel instagram_mention keyed by the comment (or the media), with no text and a note saying why', () => {
      const mention = (value: object) => ({ object: 'instagram', entry: [{ id: '17841405726653026', time: 1520622968, changes: [{ field: 'mentions', value }] }] });
      expect(parseMetaPayload(mention({ comment_id: '17894227972186120', media_id: '17918195224117851' }))).toMatchObject([
        { kind: 'message', message: { channel: 'instagram_mention', accountExternalId: '17841405726653026', externalId: '17894227972186120', text: '', receivedAt: 1520622968_000, note: expect.stringContaining('without their text') } },
      ]);
      expect(parseMetaPayload(mention({ media_id: '17918195224117851' }))).toMatchObject([{ kind: 'message', message: { externalId: '17918195224117851' } }]);
    });
  });
});
