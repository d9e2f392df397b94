import { describe, expect, it } from 'vitest';
import { deadlineFor, ruleFor, UnknownChannelError } from '../../src/policy/index.js';
import { policy } from '../support/policy-builder.js';
import { at, local } from '../support/calendar-builder.js';

describe('the response rule of an Instagram direct message or mention', () => {
  describe('when the policy names only instagram', () => {
    const p = policy({ channels: { instagram: { respond_within: '1 working day' } } });
    it('is the Instagram rule', () => {
      expect(ruleFor(p, 'instagram_dm').text).toBe(ruleFor(p, 'instagram').text);
      expect(local(deadlineFor(p, 'instagram_mention', at('2026-11-30T10:00')).deadline)).toBe('2026-12-01T10:00+01:00');
    });
  });

  describe('when the policy gives direct messages a rule of their own', () => {
    const p = policy({ channels: { instagram: { respond_within: '1 working day' }, instagram_dm: { respond_within: '2 working hours' } } });
    it('is their own rule, and mentions keep the Instagram rule', () => {
      expect(local(deadlineFor(p, 'instagram_dm', at('2026-11-30T10:00')).deadline)).toBe('2026-11-30T12:00+01:00');
      expect(local(deadlineFor(p, 'instagram_mention', at('2026-11-30T10:00')).deadline)).toBe('2026-12-01T10:00+01:00');
    });
  });

  describe('when the policy names no Instagram channel', () => {
    it('is no rule: the same error as any channel the policy does not name', () => {
      expect(() => ruleFor(policy(), 'instagram_dm')).toThrow(UnknownChannelError);
    });
  });
});
