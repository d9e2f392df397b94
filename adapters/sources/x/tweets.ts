/**
 * One tweet from `tweet_create_events` → what it means to svarstid:
 * - a tweet by someone else (a mention, a reply to the account, a quote) → a citizen message;
 * - the account's own tweet that replies to a tweet → an own reply to that tweet, with its text;
 * - a retweet (retweeted_status present, by anyone) → nothing: a retweet asks no question;
 * - the account's own tweet that replies to nothing (an announcement) → nothing.
 * The text is passed on as X gives it, leading @mentions included.
 */
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import type { Tweet } from './schema.js';

export function tweetUrl(screenName: string, idStr: string): string {
  return `https://x.com/${screenName}/status/${idStr}`;
}

/** `raw` is the tweet object exactly as it arrived. */
export function tweetEvent(tweet: Tweet, raw: unknown, accountId: string): SourceEvent | undefined {
  if (tweet.isRetweet) return undefined;
  const inReplyTo = tweet.in_reply_to_status_id_str ?? undefined;
  if (tweet.user.id_str === accountId) {
    if (inReplyTo === undefined) return undefined;
    return {
      kind: 'own_reply',
      reply: { source: 'x', channel: 'x', accountExternalId: accountId, externalId: tweet.id_str, inReplyTo, answeredAt: tweet.createdAt, text: tweet.body, raw },
    };
  }
  const { id_str: id, name, screen_name: handle } = tweet.user;
  return {
    kind: 'message',
    message: {
      source: 'x',
      channel: 'x',
      accountExternalId: accountId,
      externalId: tweet.id_str,
      author: name !== undefined ? { id, name, handle } : { id, handle },
      text: tweet.body,
      url: tweetUrl(handle, tweet.id_str),
      receivedAt: tweet.createdAt,
      ...(inReplyTo !== undefined ? { inReplyTo } : {}),
      raw,
    },
  };
}
