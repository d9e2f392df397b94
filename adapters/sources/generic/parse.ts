/**
 * Translates a verified generic webhook body into SourceEvents (DESIGN.md convention 4: translate,
 * nothing else). The body is one of (field details in schema.ts):
 *   - a message object                      → one { kind: 'message' }
 *   - an answered notification (`answers`)  → one { kind: 'own_reply' }
 *   - { "messages": [ … 1 to 100 … ] }      → one event per item, in order; each item is a message
 *                                             or an answered notification
 * Every problem in the body is collected; a GenericPayloadError (a PayloadError, HTTP 400) lists them all.
 *
 * Each event carries its origin (the authenticated source, and whether the body named the channel):
 * the core, not this adapter, decides whether the source may post for the body's account, and the
 * account decides the channel (src/inquiries/source-binding.ts).
 */
import type * as z from 'zod';
import type { InboundAuthor, InboundMessage, OwnReply, SourceEvent } from '../../../src/inquiries/inbound.js';
import { describeValue, GenericPayloadError, problemAt, problemsFromIssues } from './problems.js';
import { ANSWERED_KEYS, answeredSchema, DEFAULT_CHANNEL, LIMITS, MESSAGE_KEYS, messageSchema } from './schema.js';
import { MESSAGE_TIME_BOUNDS, rangeProblem, type InstantRange } from '../../../src/time/accepted-range.js';

/** The reply id used when an answered notification has no external_id of its own. */
export const answerIdFor = (answers: string): string => `answer-to:${answers}`;

type Outcome = { event: SourceEvent } | { problems: string[] };

/** The instant at `field` is outside `range`: the problem, or undefined. */
function timeProblem(ms: number, range: InstantRange, prefix: PropertyKey[], field: string): Outcome | undefined {
  const outside = rangeProblem(ms, range);
  return outside === undefined ? undefined : { problems: [problemAt([...prefix, field], outside)] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function toAuthor(a: z.output<typeof messageSchema>['author']): InboundAuthor {
  if (typeof a === 'string') return { name: a };
  return { ...(a.id != null && { id: a.id }), ...(a.name != null && { name: a.name }), ...(a.handle != null && { handle: a.handle }) };
}

function messageEvent(item: Record<string, unknown>, prefix: PropertyKey[], source: string, range: InstantRange): Outcome {
  const r = messageSchema.safeParse(item);
  if (!r.success) return { problems: problemsFromIssues(r.error.issues, item, MESSAGE_KEYS, prefix) };
  const m = r.data;
  const outside = timeProblem(m.received_at, range, prefix, 'received_at');
  if (outside) return outside;
  const message: InboundMessage = {
    source: 'generic',
    origin: { name: source, channelGiven: m.channel != null },
    channel: m.channel ?? DEFAULT_CHANNEL,
    accountExternalId: m.account,
    externalId: m.external_id,
    author: toAuthor(m.author),
    text: m.text,
    ...(m.url != null && { url: m.url }),
    receivedAt: m.received_at,
    ...(m.in_reply_to != null && { inReplyTo: m.in_reply_to }),
    raw: item,
  };
  return { event: { kind: 'message', message } };
}

function answeredEvent(item: Record<string, unknown>, prefix: PropertyKey[], source: string, range: InstantRange): Outcome {
  const r = answeredSchema.safeParse(item);
  if (!r.success) return { problems: problemsFromIssues(r.error.issues, item, ANSWERED_KEYS, prefix) };
  const a = r.data;
  const outside = timeProblem(a.answered_at, range, prefix, 'answered_at');
  if (outside) return outside;
  const reply: OwnReply = {
    source: 'generic',
    origin: { name: source, channelGiven: a.channel != null },
    channel: a.channel ?? DEFAULT_CHANNEL,
    accountExternalId: a.account,
    externalId: a.external_id ?? answerIdFor(a.answers),
    inReplyTo: a.answers,
    answeredAt: a.answered_at,
    raw: item,
  };
  return { event: { kind: 'own_reply', reply } };
}

function itemEvent(item: unknown, prefix: PropertyKey[], source: string, range: InstantRange): Outcome {
  if (!isObject(item)) {
    const what = 'must be a JSON object (a message or an answered notification)';
    return { problems: [prefix.length ? problemAt(prefix, `${what}, got ${describeValue(item)}`) : `the payload ${what}, got ${describeValue(item)}`] };
  }
  return 'answers' in item ? answeredEvent(item, prefix, source, range) : messageEvent(item, prefix, source, range);
}

function batchItems(body: Record<string, unknown>, problems: string[]): unknown[] {
  for (const key of Object.keys(body)) if (key !== 'messages') problems.push(problemAt([key], 'unknown field, a batch has only "messages"'));
  const items = body.messages;
  if (!Array.isArray(items)) {
    problems.push(problemAt(['messages'], `expected a list, got ${describeValue(items)}`));
    return [];
  }
  if (items.length === 0 || items.length > LIMITS.batch) {
    problems.push(problemAt(['messages'], `holds ${items.length} items, a batch holds 1 to ${LIMITS.batch}`));
    return [];
  }
  return items;
}

/**
 * The events in a generic webhook body (already JSON-parsed, signature already verified).
 * `source` is the authenticated source name; it is each event's origin, and carried on the error for the log.
 * `range` bounds received_at and answered_at (the route passes messageTimeRange(now); without it, the years 2000–2099).
 * @throws GenericPayloadError listing every problem ("text is required; url: …")
 */
export function parseGenericPayload(body: unknown, source: string, range: InstantRange = MESSAGE_TIME_BOUNDS): SourceEvent[] {
  const problems: string[] = [];
  const events: SourceEvent[] = [];
  const collect = (o: Outcome): void => {
    if ('event' in o) events.push(o.event);
    else problems.push(...o.problems);
  };
  if (isObject(body) && 'messages' in body) batchItems(body, problems).forEach((item, i) => collect(itemEvent(item, ['messages', i], source, range)));
  else collect(itemEvent(body, [], source, range));
  if (problems.length > 0) throw new GenericPayloadError(source, problems);
  return events;
}
