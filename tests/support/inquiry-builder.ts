/** Builders with defaults for inquiries and inbound messages in tests. */
import type { InboundMessage } from '../../src/inquiries/inbound.js';
import type { Inquiry } from '../../src/inquiries/model.js';
import { at } from './calendar-builder.js';

export function inquiry(o: Partial<Inquiry> = {}): Inquiry {
  return {
    id: 1, orgId: 'hofors', accountId: 1, source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId: 'c1',
    authorId: 'u1', authorName: 'Karin Svensson', authorHandle: null, text: 'När töms soporna på Storgatan?', url: null, inReplyTo: null,
    receivedAt: at('2026-11-23T10:00'), deadline: at('2026-11-24T10:00'), allowedMinutes: 450, state: 'open', assigneeId: null,
    answeredAt: null, closedAt: null, closeReason: null, registered: false, caseNumber: null, personalData: [], removed: false,
    removedReason: null, privateConversation: null, raw: {}, version: 1, ...o,
  };
}

let counter = 0;
export function message(o: Partial<InboundMessage> = {}): InboundMessage {
  counter++;
  return {
    source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId: `comment-${counter}`,
    author: { id: `u${counter}`, name: 'Karin Svensson' }, text: 'Hej! När töms soporna på Storgatan?',
    url: `https://www.facebook.com/comment-${counter}`, receivedAt: at('2026-11-23T10:00'), raw: { id: `comment-${counter}` }, ...o,
  };
}
