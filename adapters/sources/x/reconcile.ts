/**
 * The X catch-up reader (src/catchup) for an X account, with the account's OAuth 1.0a user context:
 * - mentions: `/2/users/:id/mentions` with `since_id` (the newest post a complete run read; on the
 *   first run, back to the window's start), newest first, paged by `pagination_token`;
 * - direct messages: `/2/dm_events` (MessageCreate), newest first, until older than the window (X keeps 30 days).
 * Each becomes the event the Account Activity webhook would give (tweets.ts, direct-messages.ts):
 * channel x, the account's user id, the post id or DM event id (the same ids in v2). Retweets are
 * skipped; the account's own DMs answer the conversation with the other participant. The account's
 * own reply posts are not read (they are not mentions): an answer on X is seen by webhook or marked in chat.
 *
 * Rate limits: a page whose `x-rate-limit-remaining` is 0 ends the read with rate_limited until
 * `x-rate-limit-reset`; a 429 likewise (x-errors.ts).
 */
import type { AccountReader, ReadWindow } from '../../../src/catchup/model.js';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import type { AccountCredential, XCredential } from '../../../src/platform/credentials.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { instantOrUndefined } from '../../../src/time/iso.js';
import { tweetUrl } from './tweets.js';
import type { XAuth, XClient, XResponse } from './x-client.js';
import type { XRateLimit } from './x-errors.js';

interface V2User { readonly id: string; readonly username?: string; readonly name?: string }
interface V2Post {
  readonly id: string;
  readonly text?: string;
  readonly author_id?: string;
  readonly created_at?: string;
  readonly referenced_tweets?: ReadonlyArray<{ readonly type: string; readonly id: string }>;
}
interface V2DmEvent {
  readonly id: string;
  readonly event_type?: string;
  readonly text?: string;
  readonly sender_id?: string;
  readonly dm_conversation_id?: string;
  readonly created_at?: string;
}
interface V2List<T> {
  readonly data?: T[];
  readonly includes?: { readonly users?: V2User[] };
  readonly meta?: { readonly next_token?: string; readonly newest_id?: string; readonly result_count?: number };
}

/** at most this many pages per endpoint and run (100 items each) */
export const X_MAX_PAGES = 10;

const instant = (text: unknown): number | undefined => instantOrUndefined(text, 'UTC');

/** A spent window ends the read until it resets. */
function guardRate(rate: XRateLimit, now: number): void {
  if (rate.remaining === 0) throw new PlatformError('x', 'rate_limited', 'X API rate limit window spent: catch-up waits', { retryAfterMs: Math.max((rate.resetAt ?? now + 60_000) - now, 1000) });
}

const bigger = (a: string | undefined, b: string): string => (a === undefined || BigInt(b) > BigInt(a) ? b : a);

export function xReader(client: XClient, userAuth: (c: XCredential) => XAuth | undefined, now: () => number): AccountReader {
  return async (account, credential, cursor, window, emit) => {
    const auth = authFor(credential, userAuth);
    const sinceId = typeof cursor.mentionsSinceId === 'string' && /^\d+$/.test(cursor.mentionsSinceId) ? cursor.mentionsSinceId : undefined;
    const newest = await readMentions(client, auth, account.externalId, sinceId, window, emit, now);
    await readDms(client, auth, account.externalId, window, emit, now);
    return { cursor: newest === undefined ? {} : { mentionsSinceId: newest } };
  };
}

function authFor(credential: AccountCredential, userAuth: (c: XCredential) => XAuth | undefined): XAuth {
  if (credential.kind !== 'x') throw new PlatformError('x', 'no_credentials', 'the account credential is not an X user token');
  const auth = userAuth(credential);
  if (!auth) throw new PlatformError('x', 'no_credentials', 'X_CONSUMER_KEY and X_CONSUMER_SECRET are not set');
  return auth;
}

/** Returns the newest post id read within the window (the next run's since_id). */
async function readMentions(client: XClient, auth: XAuth, userId: string, sinceId: string | undefined, window: ReadWindow, emit: (e: SourceEvent) => void, now: () => number): Promise<string | undefined> {
  let token: string | undefined;
  let newest: string | undefined = sinceId;
  for (let n = 0; n < X_MAX_PAGES; n++) {
    const r: XResponse<V2List<V2Post>> = await client.get(`/2/users/${userId}/mentions`, {
      max_results: 100, expansions: 'author_id', 'tweet.fields': 'created_at,author_id,conversation_id,referenced_tweets', 'user.fields': 'username,name',
      ...(sinceId !== undefined && { since_id: sinceId }), ...(token !== undefined && { pagination_token: token }),
    }, auth);
    const users = new Map((r.body.includes?.users ?? []).map((u) => [u.id, u]));
    let older = false;
    for (const p of r.body.data ?? []) {
      const at = instant(p.created_at);
      if (at === undefined || at > window.until) continue;
      if (at < window.since && sinceId === undefined) {
        older = true;
        continue;
      }
      newest = bigger(newest, p.id);
      const e = mentionEvent(userId, p, users.get(p.author_id ?? ''), at);
      if (e) emit(e);
    }
    token = r.body.meta?.next_token;
    if (token === undefined || older) return newest;
    guardRate(r.rate, now());
  }
  return newest;
}

function mentionEvent(userId: string, p: V2Post, user: V2User | undefined, at: number): SourceEvent | undefined {
  if (p.author_id === undefined || p.author_id === userId || p.referenced_tweets?.some((t) => t.type === 'retweeted')) return undefined;
  const inReplyTo = p.referenced_tweets?.find((t) => t.type === 'replied_to')?.id;
  const handle = user?.username;
  return {
    kind: 'message',
    message: {
      source: 'x', channel: 'x', accountExternalId: userId, externalId: p.id,
      author: { id: p.author_id, ...(user?.name !== undefined && { name: user.name }), ...(handle !== undefined && { handle }) },
      text: p.text ?? '', ...(handle !== undefined && { url: tweetUrl(handle, p.id) }), receivedAt: at,
      ...(inReplyTo !== undefined && { inReplyTo }), raw: { x_api_v2: 'post', post: p, ...(user && { author: user }) },
    },
  };
}

async function readDms(client: XClient, auth: XAuth, userId: string, window: ReadWindow, emit: (e: SourceEvent) => void, now: () => number): Promise<void> {
  let token: string | undefined;
  for (let n = 0; n < X_MAX_PAGES; n++) {
    const r: XResponse<V2List<V2DmEvent>> = await client.get('/2/dm_events', {
      max_results: 100, event_types: 'MessageCreate', 'dm_event.fields': 'id,text,event_type,sender_id,dm_conversation_id,created_at', expansions: 'sender_id', 'user.fields': 'username,name',
      ...(token !== undefined && { pagination_token: token }),
    }, auth);
    const users = new Map((r.body.includes?.users ?? []).map((u) => [u.id, u]));
    let older = false;
    for (const d of r.body.data ?? []) {
      const at = instant(d.created_at);
      if (at === undefined || at > window.until) continue;
      if (at < window.since) {
        older = true;
        break;
      }
      const e = dmEvent(userId, d, users.get(d.sender_id ?? ''), at);
      if (e) emit(e);
    }
    token = r.body.meta?.next_token;
    if (token === undefined || older) return;
    guardRate(r.rate, now());
  }
}

function dmEvent(userId: string, d: V2DmEvent, sender: V2User | undefined, at: number): SourceEvent | undefined {
  if ((d.event_type !== undefined && d.event_type !== 'MessageCreate') || d.sender_id === undefined) return undefined;
  const raw = { x_api_v2: 'dm_event', event: d, ...(sender && { sender }) };
  if (d.sender_id === userId) {
    const other = d.dm_conversation_id?.split('-').find((id) => id !== userId);
    if (other === undefined || !/^\d+$/.test(other)) return undefined;
    return { kind: 'own_reply', reply: { source: 'x', channel: 'x', accountExternalId: userId, externalId: d.id, inReplyTo: other, conversationWith: true, answeredAt: at, raw } };
  }
  const author = { id: d.sender_id, ...(sender?.name !== undefined && { name: sender.name }), ...(sender?.username !== undefined && { handle: sender.username }) };
  return { kind: 'message', message: { source: 'x', channel: 'x', accountExternalId: userId, externalId: d.id, author, text: d.text ?? '', receivedAt: at, raw } };
}
