/**
 * Meta webhook payload → SourceEvents, in payload order (entries, then within an entry its changes,
 * then its messaging items, then its standby items). Pure: no clock, no I/O.
 *
 * - Not a JSON object, or a known `object` with the wrong shape → PayloadError naming the JSON path (HTTP 400).
 * - An `object` we do not read ('user', 'permissions', 'whatsapp_business_account', …) → no events, not an
 *   error: it is a signed, well-formed notification of a subscription we do not use, and answering 400 would
 *   only make Meta retry it and eventually disable the webhook.
 * - Fields and items we do not read (reactions, read receipts, mentions, …) → no events.
 * - Each event's `raw` is a one-event Meta payload (see `archive`).
 * - A timestamp outside `range` (the route passes messageTimeRange(now); default the years 2000–2099) → PayloadError naming it.
 */
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { MESSAGE_TIME_BOUNDS, type InstantRange } from '../../../src/time/accepted-range.js';
import { archive, Entries, Envelope, type MessagingKey, type MetaEntry } from './envelope.js';
import { feedEvent } from './feed.js';
import { instagramCommentEvent } from './instagram.js';
import { messengerEvent } from './messenger.js';
import { validate } from './validate.js';

export const META_OBJECTS = ['page', 'instagram'] as const;
type MetaObject = (typeof META_OBJECTS)[number];

export function parseMetaPayload(body: unknown, range: InstantRange = MESSAGE_TIME_BOUNDS): SourceEvent[] {
  const { object } = validate(Envelope, body, []);
  if (!isMetaObject(object)) return [];
  const { entry: entries } = validate(Entries, body, []);
  const events: SourceEvent[] = [];
  entries.forEach((entry, i) => {
    for (const event of entryEvents(object, entry, i, range)) if (event !== undefined) events.push(event);
  });
  return events;
}

function isMetaObject(object: string): object is MetaObject {
  return (META_OBJECTS as readonly string[]).includes(object);
}

function entryEvents(object: MetaObject, entry: MetaEntry, i: number, range: InstantRange): Array<SourceEvent | undefined> {
  const entryAt = ['entry', i];
  const fromChanges = (entry.changes ?? []).map((change, j) => {
    const at = [...entryAt, 'changes', j, 'value'];
    const raw = archive(object, entry, 'changes', change);
    if (object === 'page' && change.field === 'feed') return feedEvent(entry, change.value, at, raw, range);
    if (object === 'instagram' && change.field === 'comments') return instagramCommentEvent(entry, change.value, at, entryAt, raw, range);
    return undefined;
  });
  if (object !== 'page') return fromChanges;
  const fromMessaging = (key: MessagingKey) =>
    (entry[key] ?? []).map((item, j) => messengerEvent(item, [...entryAt, key, j], archive(object, entry, key, item), range));
  return [...fromChanges, ...fromMessaging('messaging'), ...fromMessaging('standby')];
}
