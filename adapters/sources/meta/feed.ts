/**
 * Facebook Page `feed` changes (object 'page', entry.changes[] with field 'feed').
 * - a comment (item 'comment'), verb 'add': a citizen's comment → a message; the page's own reply to a
 *   comment → an own reply with its text; the page's own top-level comment → nothing;
 * - a visitor post on the page (item 'post' or 'status' — real deliveries use 'status' for text posts —
 *   or 'photo'/'video' with a message), verb 'add', from someone other than the page → a message;
 *   the page's own posts → nothing;
 * - verb 'edited' of a comment or visitor post → an edit (carrying the message whole, for one never seen);
 * - verb 'remove' → a removal: by the page when `from` is the page, else by its author;
 *   verb 'hide' → a removal by the page (hidden);
 * - reactions, likes, shares, 'unhide', and every other item or verb → nothing.
 */
import * as z from 'zod';
import type { InboundMessage, SourceEvent } from '../../../src/inquiries/inbound.js';
import { metaInstant, type MetaEntry } from './envelope.js';
import type { InstantRange } from '../../../src/time/accepted-range.js';
import { metaId, validate, type JsonPath } from './validate.js';

const FeedItem = z.looseObject({ item: z.string().optional(), verb: z.string().optional() });

const From = z.object({ id: metaId, name: z.string().optional() }).optional();

/**
 * A comment. `from` and `message` are optional on purpose: Meta withholds `from` for some commenters
 * (then the author is unknown and the comment counts as a citizen's), and a photo- or sticker-only comment
 * has no `message` (then text is '' and the renderer says so; the attachment stays in `raw`).
 */
const FeedComment = z.object({
  comment_id: metaId,
  post_id: z.string(),
  created_time: z.number(),
  parent_id: z.string().optional(),
  message: z.string().optional(),
  from: From,
  post: z.object({ permalink_url: z.string().optional() }).optional(),
});

/** A post on the page: a visitor post (or the page's own). */
const FeedPost = z.object({
  post_id: metaId,
  created_time: z.number(),
  message: z.string().optional(),
  from: From,
  permalink_url: z.string().optional(),
});

/** A removal names what was removed; `from` is who removed it, `created_time` when (both may be absent). */
const FeedRemoval = z.object({ comment_id: metaId.optional(), post_id: metaId, created_time: z.number().optional(), from: From });

const POST_ITEMS = ['post', 'status', 'photo', 'video'];

/** The event for one feed change; `at` is the path of its `value`. */
export function feedEvent(entry: MetaEntry, value: unknown, at: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const { item, verb } = validate(FeedItem, value, at);
  const pageId = entry.id;
  const isComment = item === 'comment';
  const isPost = item !== undefined && POST_ITEMS.includes(item);
  if (!isComment && !isPost) return undefined;
  if (verb === 'remove' || verb === 'hide') {
    const r = validate(FeedRemoval, value, at);
    const externalId = isComment && r.comment_id !== undefined ? r.comment_id : r.post_id;
    const by = verb === 'hide' || r.from?.id === pageId ? 'account' : 'author';
    const removedAt = r.created_time === undefined ? undefined : metaInstant(r.created_time, [...at, 'created_time'], range);
    return { kind: 'removal', removal: { source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId, by, how: verb === 'hide' ? 'hidden' : 'deleted', ...(removedAt === undefined ? {} : { removedAt }), raw } };
  }
  if (verb !== 'add' && verb !== 'edited') return undefined;
  const event = isComment ? commentEvent(pageId, value, at, raw, range) : postEvent(pageId, value, at, raw, range);
  if (event === undefined || event.kind !== 'message' || verb === 'add') return verb === 'add' ? event : undefined;
  const m = event.message;
  return { kind: 'edit', edit: { source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: m.externalId, text: m.text, editedAt: m.receivedAt, message: m, raw } };
}

function author(from: z.output<typeof From>): InboundMessage['author'] {
  return from === undefined ? {} : { id: from.id, ...(from.name === undefined ? {} : { name: from.name }) };
}

function commentEvent(pageId: string, value: unknown, at: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const c = validate(FeedComment, value, at);
  // parent_id is the post for a top-level comment, the parent comment for a reply.
  const replyTo = c.parent_id !== undefined && c.parent_id !== c.post_id ? c.parent_id : undefined;
  const when = metaInstant(c.created_time, [...at, 'created_time'], range);
  if (c.from?.id === pageId) {
    // The page's own comment: an answer when it replies to a comment; a top-level comment answers nothing.
    if (replyTo === undefined) return undefined;
    const reply = {
      source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: c.comment_id, inReplyTo: replyTo, answeredAt: when,
      ...(c.message === undefined ? {} : { text: c.message }), raw,
    } as const;
    return { kind: 'own_reply', reply };
  }
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: c.comment_id, author: author(c.from),
      text: c.message ?? '', url: commentUrl(c.comment_id, c.post?.permalink_url), receivedAt: when,
      ...(replyTo === undefined ? {} : { inReplyTo: replyTo }), raw,
    },
  };
}

function postEvent(pageId: string, value: unknown, at: JsonPath, raw: unknown, range: InstantRange): SourceEvent | undefined {
  const p = validate(FeedPost, value, at);
  if (p.from?.id === pageId) return undefined; // the page's own post asks nothing
  const when = metaInstant(p.created_time, [...at, 'created_time'], range);
  const url = p.permalink_url !== undefined && URL.canParse(p.permalink_url) ? p.permalink_url : `https://www.facebook.com/${p.post_id}`;
  return {
    kind: 'message',
    message: { source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: p.post_id, author: author(p.from), text: p.message ?? '', url, receivedAt: when, raw },
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
