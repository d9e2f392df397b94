/**
 * The generic webhook's JSON format (zod). Objects are strict: an unknown field is an error, so a
 * misspelt `in_replyto` is reported instead of silently dropped. Optional fields may be null.
 *
 * A message (citizen's question):
 *   { "account": "hofors-blogg",            // the account's external_id in the directory; the source must be bound to it
 *     "external_id": "kommentar-4711",      // the message's id in the sending system
 *     "author": "Anna" | { "id"?, "name"?, "handle"? },
 *     "text": "…",                          // 1–20,000 characters
 *     "received_at": "2026-11-25T09:14:00+01:00",   // ISO 8601 with offset or Z
 *     "url"?: "https://…", "channel"?: "blog" | "chat" | "email" | …, "in_reply_to"?: "…" }
 *   (the channel is the account's; a body may name it, and one that names another is refused with 403)
 *
 * An answered notification (the organization has answered a message elsewhere):
 *   { "account": "hofors-blogg", "answers": "kommentar-4711",   // external_id of the answered message
 *     "answered_at": "2026-11-25T10:02:00+01:00",
 *     "external_id"?: "kommentar-4712",     // the reply's own id; default "answer-to:" + answers
 *     "channel"?: "blog" }
 *
 * Ids (account, external_id, answers, in_reply_to, author.id) and author names: 1–200 characters.
 */
import * as z from 'zod';
import { parseInstant } from '../../../src/time/iso.js';
import { didYouMean } from '../../../src/policy/did-you-mean.js';
import { CHANNEL_ALIASES, CHANNEL_KINDS, type ChannelKind } from '../../../src/policy/vocabulary.js';

export const LIMITS = { id: 200, text: 20_000, url: 2_000, batch: 100 } as const;
export const DEFAULT_CHANNEL: ChannelKind = 'blog';

const custom = (ctx: z.core.$RefinementCtx, message: string): void => ctx.addIssue({ code: 'custom', message });

/** ids and names: not blank, at most 200 characters */
const id = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') custom(ctx, 'must not be empty');
  else if (s.length > LIMITS.id) custom(ctx, `is ${s.length} characters long, at most ${LIMITS.id} allowed`);
});
const name = id;

const text = z.string().superRefine((s, ctx) => {
  if (s.trim() === '') return custom(ctx, 'must not be empty');
  const length = [...s].length;
  if (length > LIMITS.text) custom(ctx, `is ${length} characters long, at most ${LIMITS.text} allowed`);
});

const HAS_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Epoch ms of an ISO 8601 instant that states its offset; a local time is refused. */
export function parseOffsetInstant(s: string): number {
  const bad = (why: string) => new Error(`${JSON.stringify(s)} is not an ISO 8601 instant with offset${why}`);
  let ms: number;
  try {
    ms = parseInstant(s, 'UTC');
  } catch {
    throw bad(HAS_OFFSET.test(s.trim()) ? ' (no such date, time or offset)' : '');
  }
  if (!HAS_OFFSET.test(s.trim())) throw bad(' (add Z or an offset such as +01:00: a webhook must say its zone)');
  return ms;
}

const instant = z.string().transform((s, ctx): number => {
  try {
    return parseOffsetInstant(s);
  } catch (e) {
    custom(ctx, (e as Error).message);
    return z.NEVER;
  }
});

const url = z.string().superRefine((s, ctx) => {
  let protocol = '';
  try {
    protocol = new URL(s).protocol;
  } catch {
    /* not a URL */
  }
  if (protocol !== 'http:' && protocol !== 'https:') custom(ctx, `${JSON.stringify(s)} is not an http or https URL`);
  else if (s.length > LIMITS.url) custom(ctx, `is ${s.length} characters long, at most ${LIMITS.url} allowed`);
});

const channel = z.string().transform((s, ctx): ChannelKind => {
  if ((CHANNEL_KINDS as readonly string[]).includes(s)) return s as ChannelKind;
  const alias = CHANNEL_ALIASES[s.toLowerCase()];
  const hint = alias ? ` (did you mean "${alias}"?)` : didYouMean(s, CHANNEL_KINDS);
  custom(ctx, `${JSON.stringify(s)} is not a channel kind${hint}, known: ${CHANNEL_KINDS.join(', ')}`);
  return z.NEVER;
});

const authorObject = z
  .strictObject({ id: id.nullish(), name: name.nullish(), handle: name.nullish() })
  .superRefine((a, ctx) => {
    if (a.id == null && a.name == null && a.handle == null) custom(ctx, 'needs at least one of id, name, handle');
  });
const author = z.union([name, authorObject], { error: 'expected a name (text) or an object with id, name and/or handle' });

export const messageSchema = z.strictObject({
  account: id,
  external_id: id,
  author,
  text,
  received_at: instant,
  url: url.nullish(),
  channel: channel.nullish(),
  in_reply_to: id.nullish(),
});

export const answeredSchema = z.strictObject({
  account: id,
  answers: id,
  answered_at: instant,
  external_id: id.nullish(),
  channel: channel.nullish(),
});

/** Allowed fields per object, for "unknown field (did you mean …)" */
export const MESSAGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(messageSchema.shape),
  author: Object.keys(authorObject.shape),
};
export const ANSWERED_KEYS: Readonly<Record<string, readonly string[]>> = { '': Object.keys(answeredSchema.shape) };
