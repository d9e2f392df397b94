/**
 * The parts of an Account Activity API webhook body that svarstid reads, as zod schemas.
 * Objects are not strict: X adds fields freely, and only the fields named here are required.
 * The envelope is checked first; each tweet and DM event is then checked on its own (see parse.ts),
 * so that a direct message event of a type we do not know is skipped rather than rejected.
 */
import * as z from 'zod';
import { parseCreatedAt } from './created-at.js';

/** X's ids are at most 19 digits; a longer one cannot be real, nor fit the database's unique index. */
export const MAX_ID_LENGTH = 255;
const id = z.string().min(1).max(MAX_ID_LENGTH, { error: `is longer than ${MAX_ID_LENGTH} characters, longer than any X id` });
const epochMs = z.string().regex(/^\d+$/, 'must be a string of digits (epoch milliseconds)');

/** Loose: the entry is archived whole with the message (see direct-messages.ts). */
export const dmUserSchema = z.looseObject({
  id: id.optional(),
  name: z.string().optional(),
  screen_name: z.string().optional(),
});
export type DmUser = z.output<typeof dmUserSchema>;

/** `for_user_id` is required, except in a `user_event` (an app revoke: X sends it without one, and nothing in it is read). */
export const envelopeSchema = z
  .object({
    for_user_id: id.optional(),
    tweet_create_events: z.array(z.unknown()).optional(),
    direct_message_events: z.array(z.unknown()).optional(),
    tweet_delete_events: z.array(z.unknown()).optional(),
    users: z.record(z.string(), dmUserSchema).optional(),
    user_event: z.unknown().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.for_user_id === undefined && e.user_event === undefined) ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['for_user_id'] });
  });

/** A tweet_delete_events item: the deleted tweet and its author. */
export const tweetDeleteSchema = z.object({
  status: z.object({ id, user_id: id }),
  timestamp_ms: epochMs,
});

/** A v1.1 tweet object, with its text (the longest form given) and creation time resolved. */
export const tweetSchema = z
  .object({
    id_str: id,
    text: z.string().optional(),
    full_text: z.string().optional(),
    extended_tweet: z.object({ full_text: z.string() }).optional(),
    created_at: z.string().optional(),
    timestamp_ms: epochMs.optional(),
    user: z.object({ id_str: id, screen_name: z.string().min(1), name: z.string().optional() }),
    in_reply_to_status_id_str: id.nullish(),
    retweeted_status: z.unknown().optional(),
  })
  .transform((t, ctx) => {
    const body = t.extended_tweet?.full_text ?? t.full_text ?? t.text;
    if (body === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required (or full_text, or extended_tweet.full_text)' });
      return z.NEVER;
    }
    const createdAt = t.timestamp_ms !== undefined ? Number(t.timestamp_ms) : t.created_at !== undefined ? parseCreatedAt(t.created_at) : undefined;
    if (createdAt === undefined) {
      const message = t.created_at === undefined ? 'is required when timestamp_ms is absent' : `"${t.created_at}" is not a timestamp like "Wed Oct 10 20:19:24 +0000 2018"`;
      ctx.addIssue({ code: 'custom', path: ['created_at'], message });
      return z.NEVER;
    }
    return { ...t, body, createdAt, isRetweet: t.retweeted_status !== undefined && t.retweeted_status !== null };
  });
export type Tweet = z.output<typeof tweetSchema>;

/** Every direct message event has a type; only `message_create` is read further. */
export const dmEventHeadSchema = z.object({ type: z.string() });

export const messageCreateSchema = z.object({
  type: z.literal('message_create'),
  id,
  created_timestamp: epochMs,
  message_create: z.object({
    target: z.object({ recipient_id: id }),
    sender_id: id,
    message_data: z.object({ text: z.string() }),
  }),
});
export type MessageCreate = z.output<typeof messageCreateSchema>;
