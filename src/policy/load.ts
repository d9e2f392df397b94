/** Reads a policy file from disk. The only I/O in src/policy. */
import { readConfigFile } from '../platform/config-file.js';
import { PolicyError } from './errors.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './policy.js';

export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readConfigFile(path).text;
  } catch (e) {
    throw new PolicyError(path, [{ path: '', message: `cannot read the policy: ${(e as Error).message}` }]);
  }
  return parsePolicy(text, path);
}
