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
      expect(parseMetaPayload(fixture('instagram-own-reply'))).toStrictEqual([
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
    it.each(['live_comments', 'mentions', 'story_insights'])('ignores %s', (field) => {
      expect(parseMetaPayload(edited('instagram-comment', (p) => (p.entry[0].changes[0].field = field)))).toEqual([]);
    });
  });

  describe('when it is an Instagram Direct message (entry.messaging)', () => {
    it('is ignored: Instagram DMs are not read by this adapter', () => {
      const body = edited('instagram-comment', (p) => {
        p.entry[0].messaging = fixture('messenger-message').entry[0].messaging;
        delete p.entry[0].changes;
      });
      expect(parseMetaPayload(body)).toEqual([]);
    });
  });
});
