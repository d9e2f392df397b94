/**
 * The fake's read endpoints (what catch-up uses):
 *   GET /{page-id}/feed[?fields=…comments…][&since=unix s]   posts newest first (by updated_time), optional comments
 *   GET /{post-id|comment-id}/comments[?filter=stream][&order=chronological|reverse_chronological]
 *   GET /{page-id}/conversations?platform=messenger|instagram[&fields=…messages…]
 *   GET /{conversation-id}/messages                           at most the 20 most recent, as Meta documents
 *   GET /{page-id}/subscribed_apps
 *   GET /{ig-user-id}/media, GET /{ig-media-id}/comments[?fields=…,replies{…}], GET /{ig-comment-id}/replies
 *   GET /{object-id}                                          a page, post, comment, conversation, media or IG comment
 */
import { GRAPH_ERRORS } from './errors.js';
import { parseFields, pick, wants } from './fields.js';
import { page } from './paging.js';
import { renderComment, renderConversation, renderIgComment, renderIgMedia, renderMessage, renderPost } from './render.js';
import type { GraphState } from './state.js';
import type { Answer, GraphRequest } from './types.js';

/** "Only the 20 most recent messages in a conversation can be read in detail" (Conversations API). */
export const MESSAGES_READABLE = 20;

const ok = (body: unknown): Answer => ({ status: 200, body });
const since = (q: URLSearchParams): number => (q.get('since') && /^\d+$/.test(q.get('since')!) ? Number(q.get('since')) * 1000 : -Infinity);

function commentsOf(s: GraphState, parentId: string, q: URLSearchParams): ReturnType<typeof renderComment>[] {
  const stream = q.get('filter') === 'stream';
  const live = [...s.comments.values()].filter((c) => !c.deleted && (stream && s.posts.has(parentId) ? c.postId === parentId : c.parentId === parentId));
  live.sort((a, b) => a.createdTime - b.createdTime);
  if (q.get('order') === 'reverse_chronological') live.reverse();
  return live.map(renderComment);
}

function messagesOf(s: GraphState, conversationId: string): ReturnType<typeof renderMessage>[] {
  const c = s.conversations.get(conversationId)!;
  return [...c.messages].sort((a, b) => b.createdTime - a.createdTime).slice(0, MESSAGES_READABLE).map(renderMessage);
}

export function read(s: GraphState, r: GraphRequest): Answer | undefined {
  const [id, edge] = r.segments as [string, string | undefined];
  const fields = parseFields(r.query.get('fields'));
  const nested = (name: string) => wants(fields, name);
  if (edge === 'feed' && s.pages.has(id)) {
    const from = since(r.query);
    const posts = [...s.posts.values()].filter((p) => p.pageId === id && !p.deleted && p.updatedTime >= from).sort((a, b) => b.updatedTime - a.updatedTime);
    const rows = posts.map((p) => {
      const o: Record<string, unknown> = renderPost(p);
      const c = nested('comments');
      if (c) o.comments = page(commentsOf(s, p.id, new URLSearchParams({ filter: c.modifiers.filter ?? 'toplevel', order: c.modifiers.order ?? 'chronological', limit: c.modifiers.limit ?? '25' })), new URLSearchParams({ limit: c.modifiers.limit ?? '25' }), new URL(`${r.base}/${p.id}/comments?filter=${c.modifiers.filter ?? 'toplevel'}`));
      return pick(o, fields);
    });
    return ok(page(rows, r.query, r.url));
  }
  if (edge === 'comments' && (s.posts.has(id) || s.comments.has(id))) return ok(page(commentsOf(s, id, r.query).map((c) => pick(c, fields)), r.query, r.url));
  if (edge === 'conversations' && s.pages.has(id)) {
    const platform = r.query.get('platform') ?? 'messenger';
    const list = [...s.conversations.values()].filter((c) => c.pageId === id && c.platform === platform).map((c) => {
      const o: Record<string, unknown> = renderConversation(c);
      if (nested('messages')) o.messages = page(messagesOf(s, c.id), new URLSearchParams(), new URL(`${r.base}/${c.id}/messages`));
      return pick(o, fields);
    });
    list.sort((a, b) => String(b.updated_time).localeCompare(String(a.updated_time)));
    return ok(page(list, r.query, r.url));
  }
  if (edge === 'messages' && s.conversations.has(id) && r.method === 'GET') return ok(page(messagesOf(s, id).map((m) => pick(m, fields)), r.query, r.url));
  if (edge === 'subscribed_apps' && s.pages.has(id) && r.method === 'GET') return ok({ data: s.pages.get(id)!.subscribedApps });
  if (edge === 'media') {
    const media = [...s.igMedia.values()].filter((m) => m.igUserId === id).sort((a, b) => b.timestamp - a.timestamp);
    return ok(page(media.map((m) => pick(renderIgMedia(m, [...s.igComments.values()].filter((c) => c.mediaId === m.id && !c.deleted).length), fields)), r.query, r.url));
  }
  if ((edge === 'comments' && s.igMedia.has(id)) || (edge === 'replies' && s.igComments.has(id) && r.method === 'GET')) {
    const list = [...s.igComments.values()].filter((c) => !c.deleted && (edge === 'comments' ? c.mediaId === id && c.parentId === undefined : c.parentId === id)).sort((a, b) => a.timestamp - b.timestamp);
    // the `replies` field of an IG Comment (fields=…,replies{…}): its replies, oldest first
    const withReplies = (c: (typeof list)[number]): Record<string, unknown> => {
      const o: Record<string, unknown> = renderIgComment(c);
      if (nested('replies')) o.replies = { data: [...s.igComments.values()].filter((x) => !x.deleted && x.parentId === c.id).sort((a, b) => a.timestamp - b.timestamp).map(renderIgComment) };
      return o;
    };
    return ok(page(list.map((c) => pick(withReplies(c), fields)), r.query, r.url));
  }
  if (edge === undefined && r.method === 'GET') {
    const post = s.posts.get(id);
    if (post) return post.deleted ? { status: 400, body: GRAPH_ERRORS.notFound(id) } : ok(pick(renderPost(post), fields));
    const comment = s.comments.get(id);
    if (comment) return comment.deleted ? { status: 400, body: GRAPH_ERRORS.notFound(id) } : ok(pick(renderComment(comment), fields));
    const igc = s.igComments.get(id);
    if (igc) return igc.deleted ? { status: 400, body: GRAPH_ERRORS.notFound(id) } : ok(pick(renderIgComment(igc), fields));
    const media = s.igMedia.get(id);
    if (media) return ok(pick(renderIgMedia(media, [...s.igComments.values()].filter((c) => c.mediaId === media.id && !c.deleted).length), fields));
    const pg = s.pages.get(id);
    if (pg) return ok(pick({ id: pg.id, name: pg.name }, fields));
    const conversation = s.conversations.get(id);
    if (conversation) return ok(pick(renderConversation(conversation), fields));
  }
  return undefined;
}
