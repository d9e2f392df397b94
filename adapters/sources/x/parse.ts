/**
 * Parses a verified X webhook body into source events. Two shapes arrive on `/webhooks/x` until the
 * Account Activity API (AAA) ends (1 January 2027), told apart by shape:
 * - `{ "data": { "event_type", "filter", "payload", … } }`: the X Activity API (XAA), see activity.ts;
 * - anything else: the AAA body (`for_user_id` with event arrays), read here.
 * The same post or DM via both has the same id (a tweet's id_str is a v2 post's id, a DM event's id is
 * the same in both), so a migration overlap stores it once (the core's idempotency key).
 *
 * AAA, in payload order (tweets, then direct messages, then deletes). Pure: no clock, no I/O.
 * - `for_user_id` (the subscribed account's X user id) is required; it becomes accountExternalId. A
 *   `user_event` (an app revoke, which X sends without it) gives no events, not an error: 200, or X
 *   retries a notification nobody needs; so does every event array svarstid does not read.
 * - `tweet_create_events[]`: see tweets.ts (mentions → messages, own replies → own_reply with their
 *   text, retweets and own announcements ignored). `raw` = the tweet object as it arrived.
 * - `direct_message_events[]` of type `message_create`: see direct-messages.ts. Other types are skipped.
 *   `raw` = `{ event, users }` with the sender's and recipient's `users` entries.
 * - `tweet_delete_events[]`: a removal of the tweet, by its author (a citizen deleting their post) or by
 *   the account (its own post). `raw` = the item as it arrived.
 * - Every other key is ignored: no events, no error.
 *
 * A body of the wrong shape throws PayloadError listing every problem with its JSON path, and so does
 * a tweet's or DM's time outside `range` (the route passes messageTimeRange(now); default the years 2000–2099).
 */
import { eventTime, type SourceEvent } from '../../../src/inquiries/inbound.js';
import { isActivityPayload, parseActivityPayload } from './activity.js';
import { directMessageEvent } from './direct-messages.js';
import { check, describeValue, fail } from './problems.js';
import { dmEventHeadSchema, envelopeSchema, messageCreateSchema, tweetDeleteSchema, tweetSchema } from './schema.js';
import { tweetEvent } from './tweets.js';
import { MESSAGE_TIME_BOUNDS, rangeProblem, type InstantRange } from '../../../src/time/accepted-range.js';

export function parseXPayload(body: unknown, range: InstantRange = MESSAGE_TIME_BOUNDS): SourceEvent[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail([`the payload must be a JSON object, not ${describeValue(body)}`]);
  }
  if (isActivityPayload(body)) return parseActivityPayload(body, range);
  const problems: string[] = [];
  const envelope = check(envelopeSchema, body, [], problems);
  if (envelope === undefined) fail(problems);
  const accountId = envelope.for_user_id;
  if (accountId === undefined) return []; // a user_event (app revoke) without for_user_id

  const events: SourceEvent[] = [];
  const inRange = (event: SourceEvent, field: string): boolean => {
    const t = eventTime(event);
    const outside = t === undefined ? undefined : rangeProblem(t, range);
    if (outside !== undefined) problems.push(`${field} ${outside}`);
    return outside === undefined;
  };
  const tweets = envelope.tweet_create_events ?? [];
  tweets.forEach((raw, i) => {
    const tweet = check(tweetSchema, body, ['tweet_create_events', i], problems);
    const event = tweet && tweetEvent(tweet, raw, accountId);
    const field = `tweet_create_events[${i}].${tweet?.timestamp_ms !== undefined ? 'timestamp_ms' : 'created_at'}`;
    if (event && inRange(event, field)) events.push(event);
  });
  const dms = envelope.direct_message_events ?? [];
  dms.forEach((raw, i) => {
    const at = ['direct_message_events', i];
    if (check(dmEventHeadSchema, body, at, problems)?.type !== 'message_create') return;
    const dm = check(messageCreateSchema, body, at, problems);
    const event = dm && directMessageEvent(dm, raw, envelope.users, accountId);
    if (event && inRange(event, `direct_message_events[${i}].created_timestamp`)) events.push(event);
  });
  const deletes = envelope.tweet_delete_events ?? [];
  deletes.forEach((raw, i) => {
    const d = check(tweetDeleteSchema, body, ['tweet_delete_events', i], problems);
    if (d === undefined) return;
    const by = d.status.user_id === accountId ? 'account' : 'author';
    const event: SourceEvent = {
      kind: 'removal',
      removal: { source: 'x', channel: 'x', accountExternalId: accountId, externalId: d.status.id, by, how: 'deleted', removedAt: Number(d.timestamp_ms), raw },
    };
    if (inRange(event, `tweet_delete_events[${i}].timestamp_ms`)) events.push(event);
  });
  if (problems.length > 0) fail(problems);
  return events;
}
