/**
 * A new inquiry as it is stored (src/db/storable.ts): text fields with U+FFFD where PostgreSQL cannot
 * hold a character, identifiers in their stable storable form, the payload made storable; and the
 * columns whose value differs from what came in, for the `received` event (so the archive is honest).
 */
import type { NewInquiry } from '../inquiries/ports.js';
import { jsonNeedsReplacing, storableId, storableJson, storableText } from './storable.js';

type Key = keyof NewInquiry;
const FIELDS: ReadonlyArray<readonly [Key, string, (s: string) => string]> = [
  ['externalId', 'external_id', storableId],
  ['accountExternalId', 'account_external_id', storableId],
  ['authorId', 'author_id', storableId],
  ['inReplyTo', 'in_reply_to', storableId],
  ['privateConversation', 'private_conversation', storableId],
  ['authorName', 'author_name', storableText],
  ['authorHandle', 'author_handle', storableText],
  ['text', 'text', storableText],
  ['url', 'url', storableText],
];

export function storableInquiry(n: NewInquiry): { values: NewInquiry; replaced: string[] } {
  const replaced: string[] = [];
  const values: Record<string, unknown> = { ...n };
  for (const [key, column, storable] of FIELDS) {
    const v = n[key];
    if (typeof v !== 'string') continue;
    const stored = storable(v);
    if (stored === v) continue;
    values[key] = stored;
    replaced.push(column);
  }
  if (jsonNeedsReplacing(n.raw)) {
    values.raw = storableJson(n.raw);
    replaced.push('raw');
  }
  return { values: values as unknown as NewInquiry, replaced };
}
