/**
 * Meta webhook payload → SourceEvents, in payload order (entries, then within an entry its changes,
 * then its messaging items, then its standby items). Pure: no clock, no I/O.
 *
 * - Not a JSON object, no `object`, or an `entry` that is not a list of objects with an `id` → PayloadError
 *   naming the JSON path (HTTP 400): the delivery itself is malformed.
 * - An `object` we do not read ('user', 'permissions', 'whatsapp_business_account', …) → no events, not an
 *   error: it is a signed, well-formed notification of a subscription we do not use, and answering 400 would
 *   only make Meta retry it and eventually disable the webhook.
 * - One change or messaging item svarstid does not read — another field (reactions, ratings, story_insights,
 *   …), a change without `field` or `value`, an item that is not an object — → no event for it, and the rest of
 *   the delivery is taken (Meta retries a refused delivery, and the citizen's comment beside it would be lost).
 *   A change of a field svarstid reads whose value has the wrong shape is still a PayloadError naming it.
 * - Fields read: page `feed` (feed.ts), page `mention` and instagram `mentions` (mentions.ts), instagram
 *   `comments` (instagram.ts), page `messaging`/`standby` (Messenger) and instagram `messaging` (Instagram
 *   Direct, messenger.ts). An Instagram entry in the flat shape (`field`/`value` on the entry, as Business
 *   Login for Instagram documents it) is read as one change.
 * - Each event's `raw` is a one-event Meta payload (see `archive`).
 * - A timestamp outside `range` (the route passes messageTimeRange(now); default the years 2000–2099) → PayloadError naming it.
 */
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import { MESSAGE_TIME_BOUNDS, type InstantRange } from '../../../src/time/accepted-range.js';
import { archive, Entries, Envelope, type MessagingKey, type MetaEntry } from './envelope.js';
import { feedEvent } from './feed.js';
import { instagramCommentEvent } from './instagram.js';
import { instagramMentionEvent, pageMentionEvent } from './mentions.js';
import { messengerEvent } from './messenger.js';
import { validate, type JsonPath } from './validate.js';

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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

type Reader = (entry: MetaEntry, value: unknown, at: JsonPath, entryAt: JsonPath, raw: unknown, range: InstantRange) => SourceEvent | undefined;

const READERS: Readonly<Record<MetaObject, Readonly<Record<string, Reader>>>> = {
  page: {
    feed: (entry, value, at, _entryAt, raw, range) => feedEvent(entry, value, at, raw, range),
    mention: pageMentionEvent,
  },
  instagram: {
    comments: instagramCommentEvent,
    mentions: instagramMentionEvent,
  },
};

function entryEvents(object: MetaObject, entry: MetaEntry, i: number, range: InstantRange): Array<SourceEvent | undefined> {
  const entryAt = ['entry', i];
  const flat = entry.changes === undefined && typeof entry.field === 'string' && 'value' in entry ? [{ field: entry.field, value: entry.value }] : [];
  const fromChanges = [...(entry.changes ?? []), ...flat].map((change, j) => {
    if (!isObject(change) || typeof change.field !== 'string' || change.value === undefined || change.value === null) return undefined;
    const read = Object.hasOwn(READERS[object], change.field) ? READERS[object][change.field] : undefined;
    if (read === undefined) return undefined;
    const at = entry.changes === undefined ? [...entryAt, 'value'] : [...entryAt, 'changes', j, 'value'];
    return read(entry, change.value, at, entryAt, archive(object, entry, 'changes', change), range);
  });
  const channel = object === 'page' ? 'messenger' : 'instagram_dm';
  const fromMessaging = (key: MessagingKey) =>
    (entry[key] ?? []).map((item, j) => (isObject(item) ? messengerEvent(item, [...entryAt, key, j], archive(object, entry, key, item), range, channel, object === 'instagram' ? entry.id : undefined) : undefined));
  return [...fromChanges, ...fromMessaging('messaging'), ...fromMessaging('standby')];
}
