/**
 * The fake X API's endpoints (v2), with X's documented rules:
 *   GET  /2/users/:id/mentions          posts mentioning @username, newest first; since_id, max_results, pagination_token
 *   GET  /2/dm_events                   the account's DM events, newest first (30 days)
 *   GET  /2/dm_conversations/with/:participant_id/dm_events
 *   GET  /2/tweets/:id                  lookup; a deleted post is 200 with `errors` (resource-not-found)
 *   GET /2/users/:id/tweets              the user's own posts (start_time, since_id, paging)
 *   GET /2/users/:id/tweets              the user's own posts, newest first (start_time, since_id)
 *   POST /2/tweets                      {text, reply?: {in_reply_to_tweet_id}} → 201 {data: {id, text}}; text
 *                                       counted as X counts it (twitter-text: 280 weighted); with
 *                                       `selfServe`, a reply only where the author summoned the account
 *   DELETE /2/tweets/:id                only the account's own posts
 *   PUT  /2/tweets/:id/hidden           {hidden}; only replies in conversations the account started
 *   POST /2/dm_conversations/with/:participant_id/messages   {text} → 201 {data: {dm_conversation_id, dm_event_id}}
 */
import twitter from 'twitter-text';
import { X_PROBLEMS } from './errors.js';
import { XState, type FakeXPost } from './state.js';

export interface XRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Record<string, any>;
  /** the account the OAuth 1.0a user token belongs to, or undefined for the app's Bearer token */
  readonly userId: string | undefined;
  readonly now: number;
  /** self-serve plans: replies only where the original author summoned the account (since 2026-02-23) */
  readonly selfServe: boolean;
}

export interface XAnswer {
  readonly status: number;
  readonly body: unknown;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const ok = (body: unknown, status = 200): XAnswer => ({ status, body });

function renderPost(p: FakeXPost) {
  return {
    id: p.id,
    text: p.text,
    author_id: p.authorId,
    created_at: iso(p.createdAt),
    conversation_id: p.conversationId,
    edit_history_tweet_ids: [p.id],
    ...(p.inReplyToUserId && { in_reply_to_user_id: p.inReplyToUserId }),
    ...(p.inReplyToTweetId && { referenced_tweets: [{ type: 'replied_to', id: p.inReplyToTweetId }] }),
  };
}

/** A page of newest-first items with X's meta (newest_id, oldest_id, result_count, next_token). */
function paged<T extends { id: string }>(items: T[], q: URLSearchParams, render: (t: T) => unknown, users: unknown[]) {
  const max = Math.min(Math.max(Number(q.get('max_results') ?? 10) || 10, 5), 100);
  const start = q.get('pagination_token') ? Number(Buffer.from(q.get('pagination_token')!, 'base64url').toString()) || 0 : 0;
  const data = items.slice(start, start + max);
  if (data.length === 0) return { meta: { result_count: 0 } };
  const next = start + data.length < items.length ? Buffer.from(String(start + data.length)).toString('base64url') : undefined;
  return {
    data: data.map(render),
    ...(users.length > 0 && { includes: { users } }),
    meta: { newest_id: data[0]!.id, oldest_id: data[data.length - 1]!.id, result_count: data.length, ...(next && { next_token: next }) },
  };
}

const newerThan = (q: URLSearchParams) => (id: string) => !q.get('since_id') || BigInt(id) > BigInt(q.get('since_id')!);
const byIdDesc = (a: { id: string }, b: { id: string }) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1);

export function route(s: XState, r: XRequest): XAnswer | undefined {
  const userJson = (id: string) => {
    const u = s.users.get(id);
    return u ? { id: u.id, username: u.username, name: u.name } : { id, username: `user${id}`, name: `user${id}` };
  };
  let m: RegExpExecArray | null = null;
  if (r.method === 'GET' && (m = /^\/2\/users\/(\d+)\/mentions$/.exec(r.path))) {
    const user = s.users.get(m[1]!);
    if (!user) return ok(X_PROBLEMS.notFound(m[1]!), 404);
    const list = [...s.posts.values()].filter((p) => !p.deleted && p.authorId !== user.id && s.mentions(p, user) && newerThan(r.query)(p.id)).sort(byIdDesc);
    const authors = [...new Set(list.map((p) => p.authorId))].map(userJson);
    return ok(paged(list, r.query, renderPost, r.query.get('expansions')?.includes('author_id') ? authors : []));
  }
  if (r.method === 'GET' && (r.path === '/2/dm_events' || (m = /^\/2\/dm_conversations\/with\/(\d+)\/dm_events$/.exec(r.path)))) {
    if (!r.userId) return ok({ title: 'Unsupported Authentication', type: 'https://api.x.com/2/problems/unsupported-authentication', status: 403, detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.' }, 403);
    const me = r.userId;
    const other = m?.[1];
    const list = [...s.dms.values()]
      .filter((d) => (d.senderId === me || d.recipientId === me) && r.now - d.createdAt <= 30 * 86_400_000 && (other === undefined || d.senderId === other || d.recipientId === other))
      .sort(byIdDesc);
    return ok(paged(list, r.query, (d) => ({ id: d.id, event_type: 'MessageCreate', text: d.text, sender_id: d.senderId, dm_conversation_id: XState.conversationId(d.senderId, d.recipientId), created_at: iso(d.createdAt) }), []));
  }
  if (r.method === 'GET' && (m = /^\/2\/users\/(\d+)\/tweets$/.exec(r.path))) {
    // a user's own posts, newest first (X: GET /2/users/:id/tweets, start_time/since_id, paging)
    const start = r.query.get('start_time') ? Date.parse(r.query.get('start_time')!) : -Infinity;
    const list = [...s.posts.values()].filter((p) => !p.deleted && p.authorId === m![1] && p.createdAt >= start && newerThan(r.query)(p.id)).sort(byIdDesc);
    return ok(paged(list, r.query, renderPost, []));
  }
  if (r.method === 'GET' && (m = /^\/2\/tweets\/(\d+)$/.exec(r.path))) {
    const p = s.posts.get(m[1]!);
    if (!p || p.deleted) return ok({ errors: [X_PROBLEMS.notFound(m[1]!)] });
    return ok({ data: renderPost(p) });
  }
  if (!r.userId && r.method !== 'GET') return ok({ title: 'Unsupported Authentication', type: 'https://api.x.com/2/problems/unsupported-authentication', status: 403, detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint. Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].' }, 403);
  const me = s.users.get(r.userId ?? '');
  if (r.method === 'POST' && r.path === '/2/tweets') {
    const text = r.body.text;
    if (typeof text !== 'string' || text.trim() === '') return ok(X_PROBLEMS.invalid('The `text` field is required.'), 400);
    if (!twitter.parseTweet(text).valid) return ok(X_PROBLEMS.invalid('Your Tweet text is too long.'), 400);
    const to = r.body.reply?.in_reply_to_tweet_id as string | undefined;
    if (to !== undefined) {
      const parent = s.posts.get(to);
      if (!parent || parent.deleted) return ok(X_PROBLEMS.notFound(to), 404);
      if (r.selfServe && parent.authorId !== me!.id && !s.mentions(parent, me!)) return ok(X_PROBLEMS.notSummoned, 403);
    }
    const post = s.addPost(me!.id, text, r.now, to, true);
    return ok({ data: { id: post.id, text: post.text, edit_history_tweet_ids: [post.id] } }, 201);
  }
  if (r.method === 'DELETE' && (m = /^\/2\/tweets\/(\d+)$/.exec(r.path))) {
    const p = s.posts.get(m[1]!);
    if (!p || p.deleted) return ok(X_PROBLEMS.notFound(m[1]!), 404);
    if (p.authorId !== me!.id) return ok(X_PROBLEMS.notOwner, 403);
    p.deleted = true;
    return ok({ data: { deleted: true } });
  }
  if (r.method === 'PUT' && (m = /^\/2\/tweets\/(\d+)\/hidden$/.exec(r.path))) {
    const p = s.posts.get(m[1]!);
    if (!p || p.deleted) return ok(X_PROBLEMS.notFound(m[1]!), 404);
    const root = s.posts.get(p.conversationId);
    if (!p.inReplyToTweetId || !root || root.authorId !== me!.id || p.authorId === me!.id) return ok(X_PROBLEMS.cannotHide, 403);
    p.hidden = r.body.hidden === true;
    return ok({ data: { hidden: p.hidden } });
  }
  if (r.method === 'POST' && (m = /^\/2\/dm_conversations\/with\/(\d+)\/messages$/.exec(r.path))) {
    const text = r.body.text;
    if (typeof text !== 'string' || text.trim() === '') return ok(X_PROBLEMS.invalid('The `text` field is required.'), 400);
    const to = s.users.get(m[1]!);
    if (!to) return ok(X_PROBLEMS.notFound(m[1]!), 404);
    if (to.dmClosed) return ok(X_PROBLEMS.dmClosed, 403);
    const dm = s.addDm(me!.id, to.id, text, r.now);
    return ok({ data: { dm_conversation_id: XState.conversationId(me!.id, to.id), dm_event_id: dm.id } }, 201);
  }
  return undefined;
}
