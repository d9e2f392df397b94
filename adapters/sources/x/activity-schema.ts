/**
 * The parts of an X Activity API (XAA) webhook delivery svarstid reads, as zod schemas
 * (docs.x.com/x-api/activity/event-payloads). Not strict: X adds fields freely.
 *
 * Envelope: `{ data: { event_uuid, filter: { user_id }, event_type, tag, payload, includes } }`.
 * `event_uuid` names the delivery, not the post or DM: the idempotency key is the post's or DM event's id.
 */
import * as z from 'zod';
import { MAX_ID_LENGTH } from './schema.js';

const id = z.string().min(1).max(MAX_ID_LENGTH, { error: `is longer than ${MAX_ID_LENGTH} characters, longer than any X id` });

export const activityEnvelopeSchema = z.object({
  data: z.object({
    event_type: z.string(),
    filter: z.looseObject({ user_id: id.optional() }).optional(),
    payload: z.unknown(),
    includes: z.unknown().optional(),
  }),
});

/** The filtered user (the subscribed account), required for the event types svarstid reads. */
export const filterSchema = z.object({ user_id: id });

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be an ISO 8601 time like "2026-07-24T21:05:48.000Z"' });

/** A v2 Post object (payload of post.create, post.mention.create, post.reply.create, post.quote.create). */
export const v2PostSchema = z.object({
  id,
  text: z.string(),
  author_id: id,
  created_at: isoTime,
  in_reply_to_tweet_id: id.optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id })).optional(),
  /** a long post's full text (posts over 280 characters) */
  note_tweet: z.object({ text: z.string() }).optional(),
  /** the post's ids oldest first: more than one when the post is an edit (docs: edit_history_tweet_ids) */
  edit_history_tweet_ids: z.array(id).optional(),
});
export type V2Post = z.output<typeof v2PostSchema>;

/** `includes.users[]`: the authors named in the event. */
export const includesSchema = z
  .looseObject({ users: z.array(z.looseObject({ id: z.string().optional(), username: z.string().optional(), name: z.string().optional() })).optional() })
  .optional();

/** post.delete: the deleted post and its author. */
export const postDeleteSchema = z.object({ id, author_id: id });

/** dm.received / dm.sent: the legacy DM events (the AAA shape) with a users map of `{ data: user }` entries. */
export const dmPayloadSchema = z.object({
  direct_message_events: z.array(z.unknown()),
  users: z.record(z.string(), z.looseObject({ data: z.looseObject({ id: z.string().optional(), username: z.string().optional(), name: z.string().optional() }).optional() })).optional(),
});
