/**
 * Mentions of the account, which Meta notifies without the text:
 * - Facebook Page `mention` (object 'page'): someone mentions the page in a post or comment elsewhere
 *   (value `post_id`, `item` 'post' | 'comment', `comment_id` for a comment, `verb`, `sender_id`,
 *   `sender_name`, `created_time`; a `message` only sometimes). verb 'add' → a message of channel
 *   `facebook`; 'remove' → a removal by its author; others → nothing.
 * - Instagram `mentions` (object 'instagram'): value `media_id`, and `comment_id` when the mention is in a
 *   comment; no author, no text, no time but `entry.time` → a message of channel `instagram_mention`.
 * Decision: svarstid does not call the Graph API while answering the webhook (a delivery is stored whole
 * or not at all, and a slow or failing lookup must not make Meta retry it): a mention without text is
 * stored with text '' and the receipt's note says so; the officer opens it on the platform (the Facebook
 * link is built from the post or comment id; an Instagram mention has none, the media id is in `raw`).
 */
import * as z from 'zod';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant, type MetaEntry } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

const PageMention = z.object({
  post_id: metaId,
  comment_id: metaId.optional(),
  item: z.string().optional(),
  verb: z.string().optional(),
  sender_id: metaId.optional(),
  sender_name: z.string().optional(),
  created_time: z.number().optional(),
  message: z.string().optional(),
});

export const NO_TEXT_NOTE = 'the platform sends mentions without their text: open the post or comment on the platform';

export function pageMentionEvent(entry: MetaEntry, value: unknown, at: JsonPath, entryAt: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const m = validate(PageMention, value, at);
  const externalId = m.item === 'comment' && m.comment_id !== undefined ? m.comment_id : m.post_id;
  const when = m.created_time !== undefined ? metaInstant(m.created_time, [...at, 'created_time'], range) : entryTime(entry, entryAt, range);
  if (m.verb === 'remove') return { kind: 'removal', removal: { source: 'meta', channel: 'facebook', accountExternalId: entry.id, externalId, by: 'author', how: 'deleted', removedAt: when, raw } };
  if (m.verb !== 'add') return undefined;
  const author = m.sender_id === undefined ? {} : { id: m.sender_id, ...(m.sender_name === undefined ? {} : { name: m.sender_name }) };
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'facebook', accountExternalId: entry.id, externalId, author, text: m.message ?? '',
      url: `https://www.facebook.com/${externalId}`, receivedAt: when, ...(m.message === undefined ? { note: NO_TEXT_NOTE } : {}), raw,
    },
  };
}

const InstagramMention = z.object({ media_id: metaId, comment_id: metaId.optional() });

export function instagramMentionEvent(entry: MetaEntry, value: unknown, at: JsonPath, entryAt: JsonPath, raw: unknown, range: InstantRange): SourceEvent {
  const m = validate(InstagramMention, value, at);
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'instagram_mention', accountExternalId: entry.id, externalId: m.comment_id ?? m.media_id, author: {}, text: '',
      receivedAt: entryTime(entry, entryAt, range), note: NO_TEXT_NOTE, raw,
    },
  };
}

const Timed = z.object({ time: z.number() });

function entryTime(entry: MetaEntry, entryAt: JsonPath, range: InstantRange): number {
  return metaInstant(validate(Timed, entry, entryAt).time, [...entryAt, 'time'], range);
}
