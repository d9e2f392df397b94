/** Reads a policy file from disk. The only I/O in src/policy. */
import { readFileSync } from 'node:fs';
import { PolicyError } from './errors.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './policy.js';

export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new PolicyError(path, [{ path: '', message: `cannot read the policy: ${why}` }]);
  }
  return parsePolicy(text, path);
}
