/** One builder for policy YAML in tests: a valid minimal policy, with any section replaced. */
import { stringify } from 'yaml';
import { parsePolicy, PolicyError, type Policy } from '../../src/policy/index.js';

export const BASE = {
  organization: 'Testby kommun',
  calendar: { hours: { 'monday-friday': '08:00-17:00' } },
  channels: { x: { respond_within: '4 working hours' }, facebook: { respond_within: '1 working day' } },
};

export function policyYaml(overrides: Record<string, unknown> = {}): string {
  return stringify({ ...BASE, ...overrides });
}

export function policy(overrides: Record<string, unknown> = {}): Policy {
  return parsePolicy(policyYaml(overrides), 'test.yaml');
}

/** The PolicyError thrown for a YAML text (fails the test when none is thrown). */
export function policyError(text: string, file = 'test.yaml'): PolicyError {
  try {
    parsePolicy(text, file);
  } catch (e) {
    if (e instanceof PolicyError) return e;
    throw e;
  }
  throw new Error('expected a PolicyError, but the policy was accepted');
}
