/**
 * One `message_create` event from `direct_message_events` → what it means to svarstid:
 * - sent by someone else to the account → a citizen message of the private conversation with the sender
 *   (no url: a DM has no public link);
 * - sent by the account → an own reply in the conversation with the recipient (`conversationWith`), with
 *   its text: it answers that DM conversation only, never the recipient's public posts.
 * `raw` is `{ event, users }`: the event exactly as it arrived, plus the `users` entries of its sender
 * and recipient (those present), since the event itself names people only by id.
 */
import type { InboundAuthor, SourceEvent } from '../../../src/inquiries/inbound.js';
import type { DmUser, MessageCreate } from './schema.js';

type Users = Readonly<Record<string, DmUser>>;

function participants(users: Users | undefined, ids: readonly string[]): Record<string, DmUser> {
  const out: Record<string, DmUser> = {};
  for (const id of ids) if (users?.[id] !== undefined) out[id] = users[id];
  return out;
}

function author(senderId: string, user: DmUser | undefined): InboundAuthor {
  return {
    id: senderId,
    ...(user?.name !== undefined ? { name: user.name } : {}),
    ...(user?.screen_name !== undefined ? { handle: user.screen_name } : {}),
  };
}

/** `rawEvent` is the event object as it arrived; `users` the payload's `users` map (entries kept whole). */
export function directMessageEvent(dm: MessageCreate, rawEvent: unknown, users: Users | undefined, accountId: string, rawOf?: (participants: Record<string, unknown>) => unknown): SourceEvent {
  const senderId = dm.message_create.sender_id;
  const recipientId = dm.message_create.target.recipient_id;
  const raw = rawOf ? rawOf(participants(users, [senderId, recipientId])) : { event: rawEvent, users: participants(users, [senderId, recipientId]) };
  const at = Number(dm.created_timestamp);
  if (senderId === accountId) {
    return {
      kind: 'own_reply',
      reply: {
        source: 'x', channel: 'x', accountExternalId: accountId, externalId: dm.id, inReplyTo: recipientId, conversationWith: true, answeredAt: at,
        text: dm.message_create.message_data.text, raw,
      },
    };
  }
  return {
    kind: 'message',
    message: {
      source: 'x',
      channel: 'x',
      accountExternalId: accountId,
      externalId: dm.id,
      author: author(senderId, users?.[senderId]),
      text: dm.message_create.message_data.text,
      receivedAt: at,
      privateConversation: senderId,
      raw,
    },
  };
}
