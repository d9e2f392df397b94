/**
 * What PostgreSQL cannot hold, and what is stored instead (issue 11, item 3). PostgreSQL's text and
 * jsonb refuse NUL (U+0000), and a UTF-16 surrogate without its pair is no character at all (the
 * drivers silently turn it into U+FFFD in text, jsonb refuses its escape). A platform that retries
 * would then never get such a message delivered. So:
 *
 *   - text (message, author, url, …) and every string in a jsonb value (keys too) hold U+FFFD in
 *     place of each such code unit;
 *   - an identifier (external ids, account and author ids: idempotency and lookup keys) that needed
 *     a replacement, or is longer than an index entry should be, is stored as its replaced form cut
 *     to 200 characters plus "~sha256:" and the digest of the original's UTF-16 code units: stable
 *     across redeliveries (the same id gives the same key), and two different originals never share
 *     a key (plain replacement would make "a\u0000" and "a\ud800" one message, and lose the second);
 *     an id that itself ends like a digest form ("…~sha256:<64 hex>") is stored by its digest too, so
 *     a literal id can never be stored as another id's digest form (the attacker probe's "twins");
 *   - the exact bytes of the delivery are kept in `deliveries.body` (src/db/deliveries.ts).
 *
 * Pure functions; the stores use them where citizens' data is written and looked up, and the drivers
 * (src/db/postgres.ts, src/db/pglite.ts) apply `storableParam` to every bound parameter as a last net.
 */
import { createHash } from 'node:crypto';

export const REPLACEMENT_CHARACTER = '\ufffd';

/** NUL, a high surrogate not followed by a low one, a low surrogate not preceded by a high one. */
const REFUSED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_REFUSED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Ids longer than this (UTF-8 bytes) are stored by digest: a b-tree entry holds at most ~2,700 bytes. */
export const MAX_ID_BYTES = 512;
const ID_PREFIX_CHARS = 200;
const DIGEST_FORM = /~sha256:[0-9a-f]{64}$/;

/** The text with U+FFFD in place of every code unit PostgreSQL cannot hold. */
export function storableText(s: string): string {
  return HAS_REFUSED.test(s) ? s.replace(REFUSED, REPLACEMENT_CHARACTER) : s;
}

/** An identifier as stored: itself when PostgreSQL can hold it and it is short, else a stable digest form. */
export function storableId(id: string): string {
  // an id that already reads like a digest form is digested too, so that no original can be stored as another's digest form
  if (!HAS_REFUSED.test(id) && !DIGEST_FORM.test(id) && (id.length * 3 <= MAX_ID_BYTES || Buffer.byteLength(id, 'utf8') <= MAX_ID_BYTES)) return id;
  const digest = createHash('sha256').update(Buffer.from(id, 'utf16le')).digest('hex');
  return `${storableText(id.slice(0, ID_PREFIX_CHARS))}~sha256:${digest}`;
}

/** A JSON value (a parsed payload, event data) with every string and key storable; the same value when nothing needed replacing. */
export function storableJson<T>(value: T): T {
  return (needsReplacing(value) ? replaceDeep(value) : value) as T;
}

function needsReplacing(v: unknown): boolean {
  if (typeof v === 'string') return HAS_REFUSED.test(v);
  if (Array.isArray(v)) return v.some(needsReplacing);
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Date)) return Object.entries(v).some(([k, x]) => HAS_REFUSED.test(k) || needsReplacing(x));
  return false;
}

function replaceDeep(v: unknown): unknown {
  if (typeof v === 'string') return storableText(v);
  if (Array.isArray(v)) return v.map(replaceDeep);
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [storableText(k), replaceDeep(x)]));
  return v;
}

/** Whether a JSON value holds anything PostgreSQL cannot store. */
export const jsonNeedsReplacing = needsReplacing;

/** A bound parameter as the drivers send it: strings (and strings in arrays) made storable; anything else unchanged. */
export function storableParam(v: unknown): unknown {
  if (typeof v === 'string') return storableText(v);
  if (Array.isArray(v)) return v.some((x) => typeof x === 'string' || Array.isArray(x)) ? v.map(storableParam) : v;
  return v;
}
