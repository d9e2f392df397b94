/**
 * Webhook deliveries of the very messages the fakes hold, made from the documented fixtures in
 * tests/fixtures/meta and tests/fixtures/x (their sources are cited there) with the ids, authors and
 * times replaced, so a redelivery after catch-up carries the same idempotency key a real one would.
 */
import { readFileSync } from 'node:fs';

const fixture = (path: string): string => readFileSync(`tests/fixtures/${path}`, 'utf8');

/** `feed` change, item comment, verb add (tests/fixtures/meta/feed-comment.json). */
export function feedCommentBody(pageId: string, postId: string, commentId: string, from: { id: string; name: string }, text: string, at: number): string {
  const body = JSON.parse(fixture('meta/feed-comment.json'));
  const entry = body.entry[0];
  entry.id = pageId;
  entry.time = Math.floor(at / 1000) + 1;
  Object.assign(entry.changes[0].value, { from, message: text, post_id: postId, comment_id: commentId, parent_id: postId, created_time: Math.floor(at / 1000) });
  entry.changes[0].value.post.id = postId;
  return JSON.stringify(body);
}

/** Messenger `messages` (tests/fixtures/meta/messenger-message.json). */
export function messengerBody(pageId: string, senderId: string, mid: string, text: string, at: number): string {
  const body = JSON.parse(fixture('meta/messenger-message.json'));
  const entry = body.entry[0];
  entry.id = pageId;
  entry.time = at + 200;
  Object.assign(entry.messaging[0], { sender: { id: senderId }, recipient: { id: pageId }, timestamp: at, message: { mid, text } });
  return JSON.stringify(body);
}

/** Instagram `comments` (tests/fixtures/meta/instagram-comment.json). */
export function instagramCommentBody(igUserId: string, mediaId: string, commentId: string, from: { id: string; username: string }, text: string, at: number): string {
  const body = JSON.parse(fixture('meta/instagram-comment.json'));
  const entry = body.entry[0];
  entry.id = igUserId;
  entry.time = Math.floor(at / 1000) + 1;
  Object.assign(entry.changes[0].value, { from: { ...entry.changes[0].value.from, ...from }, media: { ...entry.changes[0].value.media, id: mediaId }, id: commentId, text });
  return JSON.stringify(body);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** v1.1 `created_at`: "Tue Mar 10 07:42:13 +0000 2026" */
export function v11Time(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** Account Activity `tweet_create_events` (tests/fixtures/x/mention.json); ids replaced in the text, as X writes them (id and id_str). */
export function xMentionBody(forUserId: string, tweetId: string, authorId: string, text: string, at: number): string {
  const raw = fixture('x/mention.json').replaceAll('2031274411103091250', tweetId).replaceAll('1187345520741916672', authorId).replace('"1773128533517"', `"${at}"`).replace('"Tue Mar 10 07:42:13 +0000 2026"', `"${v11Time(at)}"`);
  const body = JSON.parse(raw);
  body.for_user_id = forUserId;
  body.tweet_create_events[0].text = text;
  return JSON.stringify(body);
}

/** Account Activity `direct_message_events` (tests/fixtures/x/dm.json). */
export function xDmBody(forUserId: string, eventId: string, senderId: string, text: string, at: number): string {
  const body = JSON.parse(fixture('x/dm.json').replaceAll('1402957371048787970', senderId));
  body.for_user_id = forUserId;
  const e = body.direct_message_events[0];
  e.id = eventId;
  e.created_timestamp = String(at);
  e.message_create.target.recipient_id = forUserId;
  e.message_create.message_data.text = text;
  return JSON.stringify(body);
}
