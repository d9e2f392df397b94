/**
 * Facebook Page `feed` changes (object 'page', entry.changes[] with field 'feed').
 * Only new comments (item 'comment', verb 'add') become events; reactions, likes, shares, posts, statuses,
 * edits ('edited') and removals ('remove') are ignored — they are not questions and not answers.
 */
import { z } from 'zod';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant, type MetaEntry } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

const FeedItem = z.looseObject({ item: z.string().optional(), verb: z.string().optional() });

/**
 * A new comment. `from` and `message` are optional on purpose: Meta withholds `from` for some commenters
 * (then the author is unknown and the comment counts as a citizen's), and a photo- or sticker-only comment
 * has no `message` (then text is '' and the renderer says so; the attachment stays in `raw`).
 */
const FeedComment = z.object({
  comment_id: metaId,
  post_id: z.string(),
  created_time: z.number(),
  parent_id: z.string().optional(),
  message: z.string().optional(),
  from: z.object({ id: metaId, name: z.string().optional() }).optional(),
  post: z.object({ permalink_url: z.string().optional() }).optional(),
});

/** The event for one feed change; `at` is the path of its `value`. */
export function feedEvent(entry: MetaEntry, value: unknown, at: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const { item, verb } = validate(FeedItem, value, at);
  if (item !== 'comment' || verb !== 'add') return undefined;
  const c = validate(FeedComment, value, at);
  const pageId = entry.id;
  // parent_id is the post for a top-level comment, the parent comment for a reply.
  const replyTo = c.parent_id !== undefined && c.parent_id !== c.post_id ? c.parent_id : undefined;
  const when = metaInstant(c.created_time, [...at, 'created_time'], range);

  if (c.from?.id === pageId) {
    // The page's own comment: an answer when it replies to a comment; a top-level comment answers nothing.
    if (replyTo === undefined) return undefined;
    const reply = { source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: c.comment_id, inReplyTo: replyTo, answeredAt: when, raw } as const;
    return { kind: 'own_reply', reply };
  }
  return {
    kind: 'message',
    message: {
      source: 'meta',
      channel: 'facebook',
      accountExternalId: pageId,
      externalId: c.comment_id,
      author: c.from === undefined ? {} : { id: c.from.id, ...(c.from.name === undefined ? {} : { name: c.from.name }) },
      text: c.message ?? '',
      url: commentUrl(c.comment_id, c.post?.permalink_url),
      receivedAt: when,
      ...(replyTo === undefined ? {} : { inReplyTo: replyTo }),
      raw,
    },
  };
}

/**
 * A link to the comment. With the post's permalink (`value.post.permalink_url`, sent by newer Graph API
 * versions): the permalink with `comment_id=<the comment's own id>` — the form Facebook itself uses to open
 * a post at a comment. Without it: `https://www.facebook.com/<post-id>_<comment-id>`, which Facebook resolves
 * as an object id.
 */
export function commentUrl(commentId: string, postPermalink: string | undefined): string {
  const own = commentId.slice(commentId.lastIndexOf('_') + 1);
  if (postPermalink !== undefined && URL.canParse(postPermalink)) {
    const url = new URL(postPermalink);
    url.searchParams.set('comment_id', own);
    return url.toString();
  }
  return `https://www.facebook.com/${commentId}`;
}
