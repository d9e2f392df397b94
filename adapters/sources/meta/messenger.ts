/**
 * Messenger events (object 'page', entry.messaging[] — or entry.standby[] when another app holds the
 * conversation under the handover protocol; both read the same). Only items with a `message` become
 * events: deliveries, reads, postbacks, reactions, referrals, opt-ins and message edits are ignored.
 */
import { z } from 'zod';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

/**
 * `text` is optional: a message of attachments only (image, audio, file, sticker, location…) becomes
 * text ''. The adapter writes no words of its own (language is the chat renderer's business, convention 8);
 * the attachments stay in `raw`.
 */
const MessagingMessage = z.object({
  sender: z.object({ id: metaId }),
  recipient: z.object({ id: metaId }),
  timestamp: z.number(),
  message: z.object({ mid: metaId, text: z.string().optional(), is_echo: z.boolean().optional() }),
});

/** The event for one messaging item; `at` is the item's path. */
export function messengerEvent(item: Record<string, unknown>, at: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  if (!('message' in item)) return undefined;
  const m = validate(MessagingMessage, item, at);
  const when = metaInstant(m.timestamp, [...at, 'timestamp'], range);

  if (m.message.is_echo === true) {
    // Sent by the page (sender) to the citizen (recipient): it answers the conversation with that citizen.
    const reply = {
      source: 'meta', channel: 'messenger', accountExternalId: m.sender.id, externalId: m.message.mid,
      inReplyTo: m.recipient.id, conversationWith: true, answeredAt: when, raw,
    } as const;
    return { kind: 'own_reply', reply };
  }
  const message = {
    source: 'meta', channel: 'messenger', accountExternalId: m.recipient.id, externalId: m.message.mid,
    author: { id: m.sender.id }, text: m.message.text ?? '', receivedAt: when, raw,
  } as const;
  return { kind: 'message', message };
}
