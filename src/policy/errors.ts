/** Policy errors name the file, the field path and what is wrong. Stable code: policy_invalid. */
import type * as z from 'zod';
import { didYouMean } from './did-you-mean.js';
import { KNOWN_KEYS } from './vocabulary.js';

export interface PolicyProblem {
  /** field path as written in the file: "calendar.hours.mondy", "reminders[1].to"; "" = the whole file */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when known */
  readonly line?: number;
}

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly code = 'policy_invalid';

  constructor(
    readonly file: string,
    readonly problems: readonly PolicyProblem[],
    readonly what: 'policy' | 'directory' = 'policy',
  ) {
    super(
      `${file}: invalid ${what}\n` +
        problems.map((p) => `  ${p.line !== undefined ? `line ${p.line}: ` : ''}${p.path || '(file)'}: ${p.message}`).join('\n'),
    );
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function pattern(path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map((p, i) => (typeof p === 'number' || (i === 1 && path[0] === 'channels') ? '*' : String(p)));
  return parts.join('.');
}

export function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const EXPECTED: Readonly<Record<string, string>> = { record: 'a mapping', object: 'a mapping', array: 'a list', string: 'text', int: 'a whole number', number: 'a number', boolean: 'true or false' };

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Turns zod issues into problems with readable messages. */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[], data: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = KNOWN_KEYS[pattern(issue.path)] ?? [];
      for (const key of issue.keys) {
        problems.push({
          path: formatPath([...issue.path, key]),
          message: `unknown key "${key}"${didYouMean(key, known)}${known.length ? `; allowed here: ${known.join(', ')}` : ''}`,
        });
      }
    } else if (issue.code === 'invalid_type') {
      const value = valueAt(data, issue.path);
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      problems.push({
        path: formatPath(issue.path),
        message: value === undefined ? `is required (${expected})` : `must be ${expected}, not ${describe(value)}`,
      });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}
