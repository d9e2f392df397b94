import { eventItem } from '../../../../src/inquiries/inbound.js';
import { describe, expect, it } from 'vitest';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { at, fixture, rawOf } from './support.js';

describe('a webhook POST with several entries and items', () => {
  const events = parseMetaPayload(fixture('batch'));

  describe('when it mixes comments, ignored changes and Messenger items across pages', () => {
    it('returns every event in payload order, the edit of a comment as an edit, skipping reactions and postbacks', () => {
      expect(events.map((e) => e.kind)).toEqual(['message', 'edit', 'message', 'message']);
      expect(events[1]).toMatchObject({ kind: 'edit', edit: { externalId: '812345678901234_1523847561234987', text: 'Hej! När töms soporna på Storgatan? Kärlet har inte tömts på två och en halv vecka.', editedAt: 1773149400_000, raw: rawOf('batch', 'changes', 0, 2) } });
      expect(events.filter((e) => e.kind !== 'edit')).toStrictEqual([
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'facebook',
            accountExternalId: '104857331234567',
            externalId: '812345678901234_1524019283746501',
            author: { id: '5820394716253849', name: 'Erik Sundberg' },
            text: 'Gäller det även kompostkärlen? Vårt har inte heller tömts.',
            url: 'https://www.facebook.com/812345678901234_1524019283746501',
            receivedAt: at('2026-03-10T14:12:09+01:00'),
            inReplyTo: '812345678901234_1523901234567890',
            raw: rawOf('batch', 'changes', 0, 0),
          },
        },
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'facebook',
            accountExternalId: '109283746501928',
            externalId: '920384756102938_1102938475610293',
            author: { id: '3948571029384756', name: 'Karin Öberg' },
            text: 'Är biblioteket öppet på påskafton?',
            url: 'https://www.facebook.com/920384756102938_1102938475610293',
            receivedAt: at('2026-03-11T08:05:31+01:00'),
            raw: rawOf('batch', 'changes', 1, 0),
          },
        },
        {
          kind: 'message',
          message: {
            source: 'meta',
            channel: 'messenger',
            accountExternalId: '104857331234567',
            externalId: 'm_Lk8jH6gF4dS2aP0oI9uY7tR5eW3qZ1xC9vB7nM5lK3jH1gF9dS7aP',
            author: { id: '6239485710293847' },
            text: 'Hej! Var hämtar jag ut mitt parkeringstillstånd för rörelsehindrade?',
            receivedAt: at('2026-03-11T21:47:13.904+01:00'),
            privateConversation: '6239485710293847',
            raw: rawOf('batch', 'messaging', 2, 0),
          },
        },
      ]);
    });
  });

  describe('when an event’s raw is parsed again', () => {
    it('is a one-event Meta payload that yields that same event', () => {
      for (const event of events) {
        const raw = eventItem(event).raw;
        expect(parseMetaPayload(raw)).toStrictEqual([event]);
      }
    });
  });

  describe('when it carries no entries', () => {
    it('yields no events', () => {
      expect(parseMetaPayload({ object: 'page', entry: [] })).toEqual([]);
    });
  });
});
