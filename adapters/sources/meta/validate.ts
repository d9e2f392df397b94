/**
 * Validation with zod that fails as a PayloadError whose message names the JSON path, e.g.
 * `entry[0].changes[1].value.comment_id is required`. Unknown extra fields are always allowed.
 */
import * as z from 'zod';
import { PayloadError } from '../../../src/inquiries/inbound.js';

export type JsonPath = ReadonlyArray<string | number>;

/** Meta's ids are short ASCII (a Messenger mid is about 100 characters); a longer one cannot be a real id, nor fit the database's unique index. */
export const MAX_ID_LENGTH = 255;
/** An id the core stores and looks up: the page, the comment, the message, its author. */
export const metaId = z.string().max(MAX_ID_LENGTH, { error: `is longer than ${MAX_ID_LENGTH} characters, longer than any Meta id` });

export function validate<S extends z.ZodType>(schema: S, value: unknown, at: JsonPath): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new PayloadError(result.error.issues.map((issue) => describeIssue(issue, value, at)).join('; '));
}

/** `entry[0].changes[1].value`; the empty path is "the payload". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out === '' ? 'the payload' : out;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown, at: JsonPath): string {
  const where = formatPath([...at, ...issue.path]);
  const found = valueAt(root, issue.path);
  if (issue.code === 'invalid_type') {
    return found === undefined ? `${where} is required` : `${where} must be ${withArticle(issue.expected)}, not ${describe(found)}`;
  }
  if (issue.code === 'invalid_value') return `${where} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${describe(found)}`;
  return `${where}: ${issue.message}`;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function withArticle(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
