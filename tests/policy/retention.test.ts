import { describe, expect, it } from 'vitest';
import { loadPolicyFile, parseRetentionPeriod } from '../../src/policy/index.js';
import { policy, policyError, policyYaml } from '../support/policy-builder.js';

describe('retention (gallring) in a policy', () => {
  describe('when it is absent', () => {
    it('erases nothing: the policy has no retention', () => {
      expect(policy().retention).toBeUndefined();
    });
  });

  describe('when text_after is given in English or Swedish', () => {
    it('accepts days, months and years, singular and plural', () => {
      expect(policy({ retention: { text_after: '90 days' } }).retention).toEqual({ textAfter: { amount: 90, unit: 'days', text: '90 days' } });
      expect(parseRetentionPeriod('90 dagar')).toEqual({ amount: 90, unit: 'days', text: '90 dagar' });
      expect(parseRetentionPeriod('1 dag')).toMatchObject({ amount: 1, unit: 'days' });
      expect(parseRetentionPeriod('6 månader')).toMatchObject({ amount: 6, unit: 'months' });
      expect(parseRetentionPeriod('1 month')).toMatchObject({ amount: 1, unit: 'months' });
      expect(parseRetentionPeriod('2 år')).toMatchObject({ amount: 2, unit: 'years' });
      expect(parseRetentionPeriod(' 3   Years ')).toMatchObject({ amount: 3, unit: 'years', text: '3 Years' });
    });
  });

  describe('when text_after is wrong', () => {
    it('names the file and the field, and says what is wrong', () => {
      expect(policyError(policyYaml({ retention: { text_after: '90 arbetsdagar' } }), 'policies/x.yaml').message).toBe(
        'policies/x.yaml: invalid policy\n  retention.text_after: "90 arbetsdagar": retention is counted in calendar time (days, months, years), not working time',
      );
      expect(policyError(policyYaml({ retention: { text_after: '90 veckor' } })).problems).toEqual([
        { path: 'retention.text_after', message: '"veckor" is not a unit of calendar time; use one of: day, days, dag, dagar, month, months, månad, månader, year, years, år' },
      ]);
      expect(policyError(policyYaml({ retention: { text_after: '0 days' } })).problems[0]!.message).toMatch(/greater than zero/);
      expect(policyError(policyYaml({ retention: { text_after: 'snart' } })).problems[0]!.message).toMatch(/is not a period/);
    });
    it('rejects a missing text_after and unknown keys with a did-you-mean', () => {
      expect(policyError(policyYaml({ retention: {} })).problems).toEqual([{ path: 'retention.text_after', message: 'is required (text)' }]);
      expect(policyError(policyYaml({ retention: { text_afer: '90 days', text_after: '90 days' } })).problems).toEqual([
        { path: 'retention.text_afer', message: 'unknown key "text_afer" (did you mean "text_after"?); allowed here: text_after' },
      ]);
    });
  });

  describe('the seed policies', () => {
    it('Hofors erases after 90 days, Hultsfred after 30 dagar ("Gallringsfristen bör vara mycket kort"); the others have no gallringsbeslut', () => {
      expect(loadPolicyFile('policies/hofors.yaml').retention?.textAfter).toMatchObject({ amount: 90, unit: 'days' });
      expect(loadPolicyFile('policies/hultsfred.yaml').retention?.textAfter).toMatchObject({ amount: 30, unit: 'days', text: '30 dagar' });
      for (const f of ['arvidsjaur', 'nassjo', 'region-gotland']) expect(loadPolicyFile(`policies/${f}.yaml`).retention).toBeUndefined();
    });
  });
});
