/**
 * Parses a verified Account Activity API webhook body into source events, in payload order
 * (tweets first, then direct messages). Pure: no clock, no I/O.
 *
 * - `for_user_id` (the subscribed account's X user id) is required; it becomes accountExternalId.
 * - `tweet_create_events[]`: see tweets.ts (mentions → messages, own replies → own_reply,
 *   retweets and own announcements ignored). `raw` = the tweet object as it arrived.
 * - `direct_message_events[]` of type `message_create`: see direct-messages.ts. Other types are skipped.
 *   `raw` = `{ event, users }` with the sender's and recipient's `users` entries.
 * - Every other key (favorite_events, follow_events, tweet_delete_events, direct_message_indicate_typing_events,
 *   direct_message_mark_read_events, user_event, …) is ignored: no events, no error.
 *
 * A body of the wrong shape throws PayloadError listing every problem with its JSON path, and so does
 * a tweet's or DM's time outside `range` (the route passes messageTimeRange(now); default the years 2000–2099).
 */
import { PayloadError, type SourceEvent } from '../../../src/inquiries/inbound.js';
import { directMessageEvent } from './direct-messages.js';
import { check, describeValue } from './problems.js';
import { dmEventHeadSchema, envelopeSchema, messageCreateSchema, tweetSchema } from './schema.js';
import { tweetEvent } from './tweets.js';
import { MESSAGE_TIME_BOUNDS, rangeProblem, type InstantRange } from '../../../src/time/accepted-range.js';

function fail(problems: readonly string[]): never {
  throw new PayloadError(`invalid X webhook payload: ${problems.join('; ')}`);
}

/** The event's own time (received or answered), for the range check. */
const timeOf = (e: SourceEvent): number => (e.kind === 'message' ? e.message.receivedAt : e.reply.answeredAt);

export function parseXPayload(body: unknown, range: InstantRange = MESSAGE_TIME_BOUNDS): SourceEvent[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    fail([`the payload must be a JSON object, not ${describeValue(body)}`]);
  }
  const problems: string[] = [];
  const envelope = check(envelopeSchema, body, [], problems);
  if (envelope === undefined) fail(problems);

  const accountId = envelope.for_user_id;
  const events: SourceEvent[] = [];
  const inRange = (event: SourceEvent, field: string): boolean => {
    const outside = rangeProblem(timeOf(event), range);
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
  if (problems.length > 0) fail(problems);
  return events;
}
