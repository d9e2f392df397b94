/**
 * Messenger events (object 'page', entry.messaging[] — or entry.standby[] when another app holds the
 * conversation under the handover protocol; both read the same), and Instagram Direct messages (object
 * 'instagram', entry.messaging[]: the same shape, channel `instagram_dm`).
 * - a `message` from a citizen → a message of the private conversation with the sender;
 * - an echo (`is_echo`, sent by the account) → an own reply in the conversation with the recipient, with its text;
 * - an unsend (`message.is_deleted`) → a removal of that message by its author, never a new inquiry;
 * - a `message_edit` (`mid`, new `text`) → an edit of that message;
 * - deliveries, reads, postbacks, reactions, referrals and opt-ins → nothing.
 */
import * as z from 'zod';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

export type PrivateChannel = 'messenger' | 'instagram_dm';

const Parties = { sender: z.object({ id: metaId }), recipient: z.object({ id: metaId }), timestamp: z.number() };

/**
 * `text` is optional: a message of attachments only (image, audio, file, sticker, location…) becomes
 * text ''. The adapter writes no words of its own (language is the chat renderer's business, convention 8);
 * the attachments stay in `raw`.
 */
const MessagingMessage = z.object({
  ...Parties,
  message: z.object({ mid: metaId, text: z.string().optional(), is_echo: z.boolean().optional(), is_deleted: z.boolean().optional() }),
});

const MessagingEdit = z.object({ ...Parties, message_edit: z.object({ mid: metaId, text: z.string() }) });

/**
 * The event for one messaging item; `at` is the item's path. `entryId`, for Instagram, is the account the
 * message reached (the entry's Instagram account id; Messenger names the page as recipient or sender).
 */
export function messengerEvent(item: Record<string, unknown>, at: JsonPath, raw: unknown, range: InstantRange, channel: PrivateChannel = 'messenger', entryId?: string): SourceEvent | undefined {
  if ('message_edit' in item) {
    const e = validate(MessagingEdit, item, at);
    const editedAt = metaInstant(e.timestamp, [...at, 'timestamp'], range);
    return { kind: 'edit', edit: { source: 'meta', channel, accountExternalId: entryId ?? e.recipient.id, externalId: e.message_edit.mid, text: e.message_edit.text, editedAt, raw } };
  }
  if (!('message' in item)) return undefined;
  const m = validate(MessagingMessage, item, at);
  const when = metaInstant(m.timestamp, [...at, 'timestamp'], range);

  if (m.message.is_echo === true) {
    // Sent by the account (sender) to the citizen (recipient): it answers the conversation with that citizen.
    if (m.message.is_deleted === true) return undefined; // the account unsent its own message: no answer, nothing to close
    const reply = {
      source: 'meta', channel, accountExternalId: entryId ?? m.sender.id, externalId: m.message.mid,
      inReplyTo: m.recipient.id, conversationWith: true, answeredAt: when, ...(m.message.text === undefined ? {} : { text: m.message.text }), raw,
    } as const;
    return { kind: 'own_reply', reply };
  }
  if (m.message.is_deleted === true) {
    // the citizen unsent it: never a new inquiry, the removal of the one it names
    return { kind: 'removal', removal: { source: 'meta', channel, accountExternalId: entryId ?? m.recipient.id, externalId: m.message.mid, by: 'author', how: 'unsent', removedAt: when, raw } };
  }
  const message = {
    source: 'meta', channel, accountExternalId: entryId ?? m.recipient.id, externalId: m.message.mid,
    author: { id: m.sender.id }, text: m.message.text ?? '', receivedAt: when, privateConversation: m.sender.id, raw,
  } as const;
  return { kind: 'message', message };
}
