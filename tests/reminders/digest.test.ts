import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/policy/index.js';
import { digestDateDue, digestRecipients } from '../../src/reminders/digest.js';
import type { Person } from '../../src/reminders/model.js';
import { at } from '../support/calendar-builder.js';
import { inquiry } from '../support/inquiry-builder.js';

const hofors = loadPolicyFile('policies/hofors.yaml'); // digest daily_at 08:15
const person = (id: number, name: string, role: Person['role'] = 'officer'): Person => ({ id, orgId: 'hofors', name, title: null, role, language: null, slackUserId: null, teamsUserId: null, active: true });

describe('the daily digest', () => {
  describe('when is it due', () => {
    it('from 08:15 on a working day, for that local date', () => {
      expect(digestDateDue(hofors, at('2026-11-25T08:14'))).toBeUndefined();
      expect(digestDateDue(hofors, at('2026-11-25T08:15'))).toBe('2026-11-25');
    });
    it('not on a weekend or a holiday (långfredagen 2026-04-03)', () => {
      expect(digestDateDue(hofors, at('2026-11-28T09:00'))).toBeUndefined();
      expect(digestDateDue(hofors, at('2026-04-03T09:00'))).toBeUndefined();
    });
  });

  describe('who gets what', () => {
    const erik = person(1, 'Erik Lind');
    const maria = person(2, 'Maria Ek');
    const anna = person(3, 'Anna Berg', 'manager');
    const open = [inquiry({ id: 10, assigneeId: 2 }), inquiry({ id: 11, assigneeId: null, accountId: 7 }), inquiry({ id: 12, assigneeId: null, accountId: 8 })];
    const responsible = (accountId: number) => (accountId === 7 ? 1 : 2);
    const now = at('2026-11-25T08:15');

    it('each officer their assigned and unclaimed inquiries; the manager always, with the unrouted', () => {
      const r = digestRecipients([erik, maria, anna], [], open, responsible, now);
      expect(r.map((d) => [d.person.name, d.inquiries.map((i) => i.id), d.withUnrouted])).toEqual([
        ['Erik Lind', [11], false],
        ['Maria Ek', [10, 12], false],
        ['Anna Berg', [], true],
      ]);
    });
    it('nobody who is absent today or inactive', () => {
      const away = [{ personId: 2, startsAt: at('2026-11-25T00:00'), endsAt: at('2026-11-26T00:00'), substituteId: 1 }];
      const r = digestRecipients([erik, maria, { ...anna, active: false }], away, open, responsible, now);
      expect(r.map((d) => d.person.name)).toEqual(['Erik Lind']);
    });
  });
});
