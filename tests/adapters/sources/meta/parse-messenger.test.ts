import { describe, expect, it } from 'vitest';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { at, edited, fixture, rawOf } from './support.js';

const PAGE = '104857331234567';
const CITIZEN = '6120398471625390';

describe('a Messenger webhook', () => {
  describe('when a citizen writes to the page', () => {
    it('is a message to the page (the recipient), timed by its timestamp in ms', () => {
      expect(parseMetaPayload(fixture('messenger-message'))).toStrictEqual([
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'messenger',
            accountExternalId: PAGE,
            externalId: 'm_Xk2v9Lq7RzT3nB8yHsP4dQwE1aF6gJcVuN0oMiK5lYtZrS7xCbD2eW',
            author: { id: CITIZEN },
            text: 'Hej, jag undrar hur jag ansöker om bygglov för ett uterum?',
            receivedAt: at('2026-03-11T19:22:05.318+01:00'),
            privateConversation: fixture('messenger-message').entry[0].messaging[0].sender.id,
            raw: rawOf('messenger-message', 'messaging'),
          },
        },
      ]);
    });

    describe('and sends only an attachment', () => {
      it('is a message with empty text; the attachment stays in raw', () => {
        const [event] = parseMetaPayload(fixture('messenger-attachment'));
        expect(event).toMatchObject({ kind: 'message', message: { text: '', externalId: 'm_Ab3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ' } });
        expect(event).toMatchObject({ message: { raw: rawOf('messenger-attachment', 'messaging') } });
      });
    });
  });

  describe('when the page’s own message is echoed back', () => {
    it('is the page’s reply in its conversation with the citizen (the recipient)', () => {
      expect(parseMetaPayload(fixture('messenger-echo'))).toStrictEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'meta',
            channel: 'messenger',
            accountExternalId: PAGE,
            externalId: 'm_Qp4sW8eR2tY6uI0oP3aS7dF1gH5jK9lZxC4vB8nM2qW6eR0tY3uI7o',
            inReplyTo: CITIZEN,
            conversationWith: true,
            answeredAt: at('2026-03-12T08:47:30.120+01:00'),
            text: fixture('messenger-echo').entry[0].messaging[0].message.text,
            raw: rawOf('messenger-echo', 'messaging'),
          },
        },
      ]);
    });
  });

  describe('when it reports a read and a delivery', () => {
    it('is ignored', () => {
      expect(parseMetaPayload(fixture('messenger-read'))).toEqual([]);
    });
  });

  describe('when it is a postback or a reaction', () => {
    it.each([
      ['a postback', { postback: { title: 'Kontakta oss', payload: 'KONTAKT', mid: 'm_pb' } }],
      ['a reaction', { reaction: { mid: 'm_x', action: 'react', emoji: '👍', reaction: 'like' } }],
    ])('ignores %s', (_what, event) => {
      const body = edited('messenger-message', (p) => {
        const item = p.entry[0].messaging[0];
        delete item.message;
        Object.assign(item, event);
      });
      expect(parseMetaPayload(body)).toEqual([]);
    });
  });

  describe('when another app holds the conversation (handover protocol: entry.standby)', () => {
    it('reads the message the same way, and archives it under standby', () => {
      const body = edited('messenger-message', (p) => {
        p.entry[0].standby = p.entry[0].messaging;
        delete p.entry[0].messaging;
      });
      const [event] = parseMetaPayload(body);
      expect(event).toMatchObject({ kind: 'message', message: { author: { id: CITIZEN }, accountExternalId: PAGE } });
      expect(event).toMatchObject({ message: { raw: { entry: [{ standby: [fixture('messenger-message').entry[0].messaging[0]] }] } } });
    });
  });
});
