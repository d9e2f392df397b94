/**
 * Instagram `comments` changes (object 'instagram', entry.changes[] with field 'comments'): a citizen's
 * comment → a message; the account's own reply to a comment → an own reply with its text. Mentions are
 * read in mentions.ts, Direct messages (entry.messaging) in messenger.ts; `live_comments` (a live broadcast
 * is over long before any deadline), `story_insights`, … are ignored.
 */
import * as z from 'zod';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant, type MetaEntry } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

/** As with Facebook, `from` and `text` are optional: without `from` the author is unknown (a citizen). */
const InstagramComment = z.object({
  id: metaId,
  text: z.string().optional(),
  from: z.object({ id: metaId, username: z.string().optional() }).optional(),
  media: z.object({ id: z.string(), media_product_type: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
});

const Timed = z.object({ time: z.number() });

/**
 * The event for one comments change; `at` is the path of its `value`, `entryAt` the entry's.
 * The payload carries no creation time, so the time is `entry.time` — when Meta sent the notification,
 * documented in unix seconds — which is seconds after the comment was written.
 * No `url`: Instagram links use a media shortcode the payload does not carry.
 */
export function instagramCommentEvent(entry: MetaEntry, value: unknown, at: JsonPath, entryAt: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const c = validate(InstagramComment, value, at);
  const when = metaInstant(validate(Timed, entry, entryAt).time, [...entryAt, 'time'], range);
  const accountId = entry.id;

  if (c.from?.id === accountId) {
    // The account's own comment: an answer when it replies to a comment; a top-level one answers nothing.
    if (c.parent_id === undefined) return undefined;
    const reply = {
      source: 'meta', channel: 'instagram', accountExternalId: accountId, externalId: c.id, inReplyTo: c.parent_id, answeredAt: when,
      ...(c.text === undefined ? {} : { text: c.text }), raw,
    } as const;
    return { kind: 'own_reply', reply };
  }
  const author = c.from === undefined ? {} : { id: c.from.id, ...(c.from.username === undefined ? {} : { handle: c.from.username }) };
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'instagram', accountExternalId: accountId, externalId: c.id, author,
      text: c.text ?? '', receivedAt: when, ...(c.parent_id === undefined ? {} : { inReplyTo: c.parent_id }), raw,
    },
  };
}
