/**
 * Readable problems for a rejected generic payload: each names the field path and what is wrong
 * (`received_at: "igår" is not an ISO 8601 instant with offset`, `text is required`), and the error
 * joins them with "; " (no problem contains "; " itself). Messages are English: they go to logs and
 * to the sender in the HTTP 400 body.
 */
import type * as z from 'zod';
import { didYouMean } from '../../../src/policy/did-you-mean.js';
import { formatPath, valueAt } from '../../../src/policy/errors.js';
import { PayloadError } from '../../../src/inquiries/inbound.js';

/** A payload from a generic source that is not what the format allows. Stable code: invalid_payload (HTTP 400). */
export class GenericPayloadError extends PayloadError {
  constructor(
    /** the authenticated source that sent it */
    readonly source: string,
    /** one line per problem, each starting with the field path */
    readonly problems: readonly string[],
  ) {
    super(problems.join('; '));
  }
}

/** "a list", "number 42", "text "hej"", "nothing (null)" */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

const EXPECTED: Readonly<Record<string, string>> = { string: 'text', object: 'an object', array: 'a list', number: 'a number' };

function problem(path: ReadonlyArray<PropertyKey>, message: string): string {
  const where = formatPath(path);
  return where === '' ? message : `${where}: ${message}`;
}

/** `required` instead of "path: …": reads "text is required". */
function required(path: ReadonlyArray<PropertyKey>): string {
  return `${formatPath(path)} is required`;
}

/**
 * Turns zod issues for `data` into problems. `prefix` is where `data` sits in the whole payload
 * (e.g. ['messages', 3]); `knownKeys` maps a formatted path ('' or 'author') to its allowed fields.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  knownKeys: Readonly<Record<string, readonly string[]>>,
  prefix: ReadonlyArray<PropertyKey> = [],
): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const value = valueAt(data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys[formatPath(issue.path)] ?? [];
      for (const key of issue.keys) out.push(problem([...path, key], `unknown field${didYouMean(key, known)}, allowed: ${known.join(', ')}`));
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) {
      out.push(required(path));
    } else if (issue.code === 'invalid_type') {
      out.push(problem(path, `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(value)}`));
    } else if (issue.code === 'invalid_union') {
      out.push(problem(path, `${issue.message}, got ${describeValue(value)}`));
    } else {
      out.push(problem(path, issue.message));
    }
  }
  return out;
}

/** A problem at `path` with `message`, formatted like the others. */
export function problemAt(path: ReadonlyArray<PropertyKey>, message: string): string {
  return problem(path, message);
}
