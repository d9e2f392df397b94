/**
 * Turns zod issues into one-line English problems that name the JSON path of the body:
 * "tweet_create_events[0].id_str is required", "for_user_id must be a string, not number 42".
 */
import type * as z from 'zod';
import { PayloadError } from '../../../src/inquiries/inbound.js';

export function fail(problems: readonly string[]): never {
  throw new PayloadError(`invalid X webhook payload: ${problems.join('; ')}`);
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'the payload' : out;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const EXPECTED: Readonly<Record<string, string>> = { object: 'an object', record: 'an object', array: 'a list', string: 'a string' };

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function problem(issue: z.core.$ZodIssue, root: unknown, prefix: ReadonlyArray<PropertyKey>): string {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(root, path);
      if (value === undefined) return `${where} is required`;
      return `${where} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
    }
    case 'too_small':
      return `${where} must not be empty`;
    case 'custom':
    case 'invalid_format':
      return `${where} ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/**
 * Validates `value` (found at `prefix` inside `root`) against `schema`. On failure, appends the problems
 * to `problems` and returns undefined.
 */
export function check<S extends z.ZodType>(schema: S, root: unknown, prefix: ReadonlyArray<PropertyKey>, problems: string[]): z.output<S> | undefined {
  const value = valueAt(root, prefix);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(...result.error.issues.map((issue) => problem(issue, root, prefix)));
  return undefined;
}
