import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/policy/index.js';
import { reasonRule } from '../../src/policy/moderation.js';
import { policy, policyError, policyYaml } from '../support/policy-builder.js';

describe("the policy's moderation: section", () => {
  it('without it, the guidelines’ defaults: register all but advertising (Gotland), consider a police report for Hofors 2.6’s crimes', () => {
    const p = policy();
    expect(reasonRule(p, 'reklam/spam')).toEqual({ register: false, police: false });
    expect(reasonRule(p, 'kampanjer/spam')).toEqual({ register: false, police: false });
    expect(reasonRule(p, 'personangrepp')).toEqual({ register: true, police: false });
    for (const r of ['hets mot folkgrupp', 'hot/trakasserier', 'barnpornografi', 'uppvigling', 'olaga våldsskildring'] as const) expect(reasonRule(p, r).police, r).toBe(true);
    expect(p.moderation?.secureChannel).toMatch(/personuppgifter/);
  });
  it('changes a reason by its name or short form, keeping what it does not say', () => {
    const p = policy({ moderation: { reasons: { spam: { register: true }, 'personal-attack': { police: true } }, secure_channel: 'Ring oss på 0290-291 00.' } });
    expect(reasonRule(p, 'reklam/spam')).toEqual({ register: true, police: false });
    expect(reasonRule(p, 'personangrepp')).toEqual({ register: true, police: true });
    expect(p.moderation?.secureChannel).toBe('Ring oss på 0290-291 00.');
  });
  it('refuses an unknown reason and a value that is not true or false, naming the field', () => {
    expect(policyError(policyYaml({ moderation: { reasons: { tråkig: { register: false } } } })).message).toMatch(/moderation\.reasons\.tråkig.*not one of the guidelines' reasons/s);
    expect(policyError(policyYaml({ moderation: { reasons: { spam: { register: 'nej' } } } })).message).toMatch(/moderation\.reasons\.spam\.register/);
    expect(policyError(policyYaml({ moderation: { reasons: { spam: { registrera: false } } } })).message).toMatch(/moderation\.reasons\.spam/);
  });
  it('names the file in the error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'svarstid-policy-')), 'gotland.yaml');
    writeFileSync(file, policyYaml({ moderation: { secure_channel: '' } }));
    expect(() => loadPolicyFile(file)).toThrow(/gotland\.yaml.*moderation\.secure_channel/s);
  });
});
