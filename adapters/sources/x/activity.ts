/**
 * An X Activity API (XAA) webhook delivery → source events. Pure: no clock, no I/O.
 * Event types (docs.x.com/x-api/activity/introduction, …/event-payloads):
 * - `post.mention.create`, `post.reply.create`, `post.quote.create` (someone else's post naming or
 *   answering the account) → a citizen message; `post.create` (the account's own post) → an own reply
 *   to the post it replies to, with its text (a post replying to nothing, or a repost, → nothing).
 *   Decided by `author_id`, not by the event type, so one rule serves every post event. A post whose
 *   `edit_history_tweet_ids` has more than one id is an edit of the first: an edit of that post.
 * - `post.delete` → a removal of the post: by its author when that is not the account.
 * - `dm.received` → a citizen message of the private conversation with the sender; `dm.sent` → an own
 *   reply in the conversation with the recipient only. Same `direct_message_events` shape as AAA.
 * - Every other type (`post.repost.create`, likes, follows, profile updates, `dm.read`,
 *   `dm.indicate_typing`, `chat.*` (encrypted XChat: no text a server can read), `oauth.revoke`, news, …)
 *   → no events, not an error.
 * `raw` = the delivery's `data` object for a post event; for a DM, `data` with its payload narrowed to the one event and its two users.
 */
import type { InboundAuthor, SourceEvent } from '../../../src/inquiries/inbound.js';
import { eventTime } from '../../../src/inquiries/inbound.js';
import { rangeProblem, type InstantRange } from '../../../src/time/accepted-range.js';
import { activityEnvelopeSchema, dmPayloadSchema, filterSchema, includesSchema, postDeleteSchema, v2PostSchema, type V2Post } from './activity-schema.js';
import { directMessageEvent } from './direct-messages.js';
import { check, fail } from './problems.js';
import { dmEventHeadSchema, messageCreateSchema, type DmUser } from './schema.js';
import { tweetUrl } from './tweets.js';

const POST_EVENTS = ['post.create', 'post.mention.create', 'post.reply.create', 'post.quote.create'];
const READ = [...POST_EVENTS, 'post.delete', 'dm.received', 'dm.sent'];

/** The XAA envelope: a `data` object with an `event_type` (an AAA body has neither). */
export function isActivityPayload(body: object): boolean {
  const data = (body as { data?: unknown }).data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'event_type' in data;
}

export function parseActivityPayload(body: object, range: InstantRange): SourceEvent[] {
  const problems: string[] = [];
  const envelope = check(activityEnvelopeSchema, body, [], problems);
  if (envelope === undefined) fail(problems);
  const { event_type: type } = envelope.data;
  if (!READ.includes(type)) return [];
  const filter = check(filterSchema, body, ['data', 'filter'], problems);
  if (filter === undefined) fail(problems);
  const accountId = filter.user_id;
  const raw = (body as { data: unknown }).data;
  let events: SourceEvent[] = [];
  if (POST_EVENTS.includes(type)) {
    const post = check(v2PostSchema, body, ['data', 'payload'], problems);
    const includes = check(includesSchema, body, ['data', 'includes'], problems);
    const event = post && postEvent(post, accountId, includes?.users ?? [], raw);
    if (event) events = [event];
    checkRange(events, 'data.payload.created_at', range, problems);
  } else if (type === 'post.delete') {
    const d = check(postDeleteSchema, body, ['data', 'payload'], problems);
    // the payload has no time: the removal is dated when svarstid learns of it
    if (d) events = [{ kind: 'removal', removal: { source: 'x', channel: 'x', accountExternalId: accountId, externalId: d.id, by: d.author_id === accountId ? 'account' : 'author', how: 'deleted', raw } }];
  } else {
    events = dmEvents(body, accountId, raw, range, problems);
  }
  if (problems.length > 0) fail(problems);
  return events;
}

function checkRange(events: readonly SourceEvent[], field: string, range: InstantRange, problems: string[]): void {
  for (const e of events) {
    const t = eventTime(e);
    const outside = t === undefined ? undefined : rangeProblem(t, range);
    if (outside !== undefined) problems.push(`${field} ${outside}`);
  }
}

type IncludedUser = { id?: string | undefined; username?: string | undefined; name?: string | undefined };

function postEvent(post: V2Post, accountId: string, users: readonly IncludedUser[], raw: unknown): SourceEvent | undefined {
  if (post.referenced_tweets?.some((r) => r.type === 'retweeted')) return undefined; // a repost asks nothing
  const text = post.note_tweet?.text ?? post.text;
  const at = Date.parse(post.created_at);
  const inReplyTo = post.in_reply_to_tweet_id ?? post.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
  if (post.author_id === accountId) {
    if (inReplyTo === undefined) return undefined;
    return { kind: 'own_reply', reply: { source: 'x', channel: 'x', accountExternalId: accountId, externalId: post.id, inReplyTo, answeredAt: at, text, raw } };
  }
  const user = users.find((u) => u.id === post.author_id);
  const author: InboundAuthor = {
    id: post.author_id,
    ...(user?.name !== undefined ? { name: user.name } : {}),
    ...(user?.username !== undefined ? { handle: user.username } : {}),
  };
  const history = post.edit_history_tweet_ids ?? [];
  const original = history.length > 1 && history[0] !== post.id ? history[0]! : undefined;
  const message = {
    source: 'x', channel: 'x', accountExternalId: accountId, externalId: original ?? post.id, author, text,
    url: tweetUrl(user?.username ?? 'i', post.id), receivedAt: at, ...(inReplyTo === undefined ? {} : { inReplyTo }), raw,
  } as const;
  if (original === undefined) return { kind: 'message', message };
  return { kind: 'edit', edit: { source: 'x', channel: 'x', accountExternalId: accountId, externalId: original, text, editedAt: at, message, raw } };
}

function dmEvents(body: object, accountId: string, raw: unknown, range: InstantRange, problems: string[]): SourceEvent[] {
  const payload = check(dmPayloadSchema, body, ['data', 'payload'], problems);
  if (payload === undefined) return [];
  const users: Record<string, DmUser> = {};
  for (const [key, entry] of Object.entries(payload.users ?? {})) {
    const u = entry.data;
    if (u) users[key] = { ...(u.id !== undefined ? { id: u.id } : {}), ...(u.name !== undefined ? { name: u.name } : {}), ...(u.username !== undefined ? { screen_name: u.username } : {}) };
  }
  const events: SourceEvent[] = [];
  payload.direct_message_events.forEach((rawEvent, i) => {
    const at = ['data', 'payload', 'direct_message_events', i];
    if (check(dmEventHeadSchema, body, at, problems)?.type !== 'message_create') return;
    const dm = check(messageCreateSchema, body, at, problems);
    if (!dm) return;
    const ids = [dm.message_create.sender_id, dm.message_create.target.recipient_id];
    const narrowed = () => ({
      ...(raw as object),
      payload: { direct_message_events: [rawEvent], users: Object.fromEntries(ids.filter((k) => payload.users?.[k] !== undefined).map((k) => [k, payload.users![k]])) },
    });
    const event = directMessageEvent(dm, rawEvent, users, accountId, narrowed);
    const t = eventTime(event);
    const outside = t === undefined ? undefined : rangeProblem(t, range);
    if (outside !== undefined) problems.push(`data.payload.direct_message_events[${i}].created_timestamp ${outside}`);
    else events.push(event);
  });
  return events;
}
