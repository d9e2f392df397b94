import { describe, expect, it } from 'vitest';
import { loadPolicyFile, renderRegistered, renderSignature } from '../../src/policy/index.js';
import { policy, policyError, policyYaml } from '../support/policy-builder.js';

const karin = { name: 'Karin Svensson', title: 'kommunikatör' };

describe("the policy's answer: section", () => {
  describe('when it is absent', () => {
    const p = policy();
    it('signs nothing, requires nothing, and takes the platforms’ own limits', () => {
      expect(p.answer.signature).toBeNull();
      expect(p.answer.required).toBe(false);
      expect(p.answer.limits.get('x')).toBe(280);
      expect(p.answer.limits.get('facebook')).toBe(8000);
      expect(p.answer.limits.get('messenger')).toBe(2000);
      expect(p.answer.limits.get('instagram')).toBe(2200);
    });
    it('tells a registered citizen in Swedish, with and without a case number', () => {
      expect(renderRegistered(p.answer, 'KS 2026/123')).toContain('diarienummer KS 2026/123');
      expect(renderRegistered(p.answer, null)).toBe('Vi har registrerat ditt ärende och återkommer till dig.');
    });
  });

  describe('Nässjö 5 ("avslutas med namn och titel, t ex ”Karin, kommunikatör”")', () => {
    const nassjo = loadPolicyFile('policies/nassjo.yaml');
    it('signs with first name and title, and requires it', () => {
      expect(nassjo.answer.signature).toBe('{förnamn}, {titel}');
      expect(nassjo.answer.required).toBe(true);
      expect(renderSignature(nassjo.answer.signature!, karin)).toBe('Karin, kommunikatör');
    });
    it('Nässjö 12: tells the citizen the matter is registered, with the number', () => {
      expect(renderRegistered(nassjo.answer, 'KS 2026/7')).toMatch(/diarienummer KS 2026\/7 och återkommer/);
    });
  });

  describe('placeholders', () => {
    it('take the English aliases, and drop the separator of a missing title', () => {
      expect(renderSignature('{name}, {title}', karin)).toBe('Karin Svensson, kommunikatör');
      expect(renderSignature('{first_name}', karin)).toBe('Karin');
      expect(renderSignature('{förnamn}, {titel}', { name: 'Erik Lind', title: null })).toBe('Erik');
    });
    it('refuse an unknown placeholder, naming the field', () => {
      const e = policyError(policyYaml({ answer: { signature: '{förnman}, {titel}' } }));
      expect(e.message).toMatch(/answer\.signature/);
      expect(e.message).toMatch(/\{förnman\} is not a placeholder here/);
    });
    it('require {diarienummer} in the registration template, and refuse it in the one without a number', () => {
      expect(policyError(policyYaml({ answer: { registered: 'Vi har registrerat ärendet.' } })).message).toMatch(/answer\.registered.*must contain \{diarienummer\}/s);
      expect(policyError(policyYaml({ answer: { registered_without_number: 'Nummer {diarienummer}' } })).message).toMatch(/answer\.registered_without_number/);
    });
  });

  describe('limits', () => {
    it('may lower a platform limit', () => {
      expect(policy({ answer: { limits: { facebook: 1500 } } }).answer.limits.get('facebook')).toBe(1500);
    });
    it('may not raise one above what the platform allows', () => {
      const e = policyError(policyYaml({ answer: { limits: { x: 500 } } }));
      expect(e.message).toMatch(/answer\.limits\.x.*500 is more than x allows \(280/s);
    });
    it('name a channel kind', () => {
      expect(policyError(policyYaml({ answer: { limits: { twiter: 100 } } })).message).toMatch(/answer\.limits\.twiter.*not a channel kind/s);
    });
    it('refuse an unknown key with the path', () => {
      expect(policyError(policyYaml({ answer: { signatur: '{namn}' } })).message).toMatch(/answer/);
    });
  });
});
