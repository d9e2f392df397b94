import { describe, expect, it } from 'vitest';
import { parseXPayload } from '../../../../adapters/sources/x/parse.js';
import { aDm, ANNA, fixture, HOFORS, payload } from './support.js';

const at = (iso: string) => Date.parse(iso);
const KARIN = '1402957371048787970';

describe('parsing direct_message_events', () => {
  describe('when a citizen sends the account a direct message', () => {
    const body = fixture('dm.json');
    it('gives one message from the sender, with no link, and the event plus both users entries as raw', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031375147914565503',
            author: { id: KARIN, name: 'Karin Holm', handle: 'karinholm' },
            text: 'Hej! Jag skickade in en ansökan om bygglov för ett attefallshus i januari men har inte hört något. Hur lång är handläggningstiden just nu?',
            receivedAt: at('2026-03-10T15:22:31.045+01:00'),
            privateConversation: KARIN,
            raw: { event: body.direct_message_events[0], users: { [KARIN]: body.users[KARIN], [HOFORS]: body.users[HOFORS] } },
          },
        },
      ]);
    });
  });

  describe('when the account answers in a direct message', () => {
    const body = fixture('dm-own-reply.json');
    it('gives an own reply in the conversation with the recipient', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031384884093642980',
            inReplyTo: KARIN,
            conversationWith: true,
            answeredAt: at('2026-03-10T16:01:12.330+01:00'),
            text: body.direct_message_events[0].message_create.message_data.text,
            raw: { event: body.direct_message_events[0], users: { [HOFORS]: body.users[HOFORS], [KARIN]: body.users[KARIN] } },
          },
        },
      ]);
    });
  });

  describe('when the users map lacks the sender', () => {
    it('gives the author by id only, and raw without users entries', () => {
      const dm = aDm();
      expect(parseXPayload(payload({ direct_message_events: [dm] }))).toEqual([
        {
          kind: 'message',
          message: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031375147914565503',
            author: { id: ANNA.id },
            text: 'Hej! Har ni öppet i dag?',
            receivedAt: at('2026-03-10T15:22:31.045+01:00'),
            privateConversation: ANNA.id,
            raw: { event: dm, users: {} },
          },
        },
      ]);
    });
  });

  describe('when an event is of another type than message_create', () => {
    it('skips it without looking further, and keeps the others', () => {
      const events = parseXPayload(payload({ direct_message_events: [{ type: 'welcome_message_rule', id: '1' }, aDm()] }));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ kind: 'message', message: { externalId: '2031375147914565503' } });
    });
  });
});
