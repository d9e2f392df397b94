/**
 * The outer shape every Meta webhook POST shares: `{ object, entry: [{ id, time, changes | messaging | standby }] }`,
 * and what we archive as `raw` for one event.
 */
import * as z from 'zod';
import { PayloadError } from '../../../src/inquiries/inbound.js';
import { describeRange, rangeProblem, type InstantRange } from '../../../src/time/accepted-range.js';
import { formatPath, metaId, type JsonPath } from './validate.js';

/** Step one: the payload is an object with a string `object` ('page', 'instagram', 'user', …). */
export const Envelope = z.looseObject({ object: z.string() });

/**
 * Step two, for the objects we read: the entries. The delivery itself must be well-formed (an `entry`
 * list of objects with an `id`); what is inside `changes`, `messaging` and `standby` is read item by item
 * (parse.ts), so one change svarstid does not read, or one without a `value`, never refuses the others.
 */
export const Entries = z.looseObject({
  entry: z.array(
    z.looseObject({
      id: metaId,
      time: z.number().optional(),
      changes: z.array(z.unknown()).optional(),
      messaging: z.array(z.unknown()).optional(),
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});

export type MetaEntry = z.output<typeof Entries>['entry'][number];
export type MessagingKey = 'messaging' | 'standby';

/**
 * What an event archives as `raw`: a one-event Meta payload — the envelope's `object`, the entry's `id`
 * and `time` (other entry fields dropped), and the single change or messaging item exactly as received
 * (unknown fields included). It means something on its own, and parsing it again yields the same event.
 */
export function archive(object: string, entry: MetaEntry, key: 'changes' | MessagingKey, item: unknown): unknown {
  return { object, entry: [{ id: entry.id, ...(entry.time === undefined ? {} : { time: entry.time }), [key]: [item] }] };
}

/**
 * Epoch milliseconds from a Meta timestamp. Units differ by product (feed `created_time` and Instagram
 * `entry.time` are documented in seconds, Messenger `timestamp` in milliseconds); a value ≥ 1e11 can only be
 * milliseconds (as seconds it would be past the year 5000), so it is taken as such instead of being multiplied.
 */
export function epochMs(value: number): number {
  return value >= 1e11 ? value : value * 1000;
}

/**
 * The instant of a Meta timestamp (see epochMs) at `at`, checked against `range`: 1e308, 9e15 or
 * -1e12 seconds is a PayloadError naming the field and the accepted range, not an instant the
 * calendar chokes on later.
 */
export function metaInstant(value: number, at: JsonPath, range: InstantRange): number {
  const ms = epochMs(value);
  if (rangeProblem(ms, range) !== undefined) throw new PayloadError(`${formatPath(at)}: ${value} is outside the accepted range: it must lie between ${describeRange(range)}`);
  return ms;
}
