import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/policy/index.js';
import { digestDateDue, digestRecipients, teamView } from '../../src/reminders/digest.js';
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
    it('only while open: configured before the opening it waits for it; after the close the day’s digest is not sent', () => {
      const early = { ...hofors, digest: { dailyAt: 7 * 60 } }; // 07:00, Hofors opens at 08:00
      expect(digestDateDue(early, at('2026-11-25T07:30'))).toBeUndefined();
      expect(digestDateDue(early, at('2026-11-25T08:00'))).toBe('2026-11-25');
      expect(digestDateDue(hofors, at('2026-11-25T16:40'))).toBeUndefined(); // first start after the 16:30 close
      expect(digestDateDue(hofors, at('2026-12-25T09:00'))).toBeUndefined(); // juldagen
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
    // account 7: Erik responsible, Maria substitute; account 8: Maria responsible, Erik substitute; Anna manages both
    const accountOf = (accountId: number) => (accountId === 7 ? { responsibleId: 1, substituteId: 2, managerId: 3 } : { responsibleId: 2, substituteId: 1, managerId: 3 });
    const now = at('2026-11-25T08:15');
    const everyone = (...ps: Person[]) => new Map(ps.map((p) => [p.id, p]));
    const shape = (r: ReturnType<typeof digestRecipients>) => r.map((d) => [d.person.name, d.inquiries.map((i) => i.id), [...d.covering.keys()], d.withUnrouted]);

    it('each officer their assigned and unclaimed inquiries; the manager always, with the unrouted', () => {
      const r = digestRecipients(everyone(erik, maria, anna), [], open, accountOf, now);
      expect(shape(r)).toEqual([
        ['Erik Lind', [11], [], false],
        ['Maria Ek', [10, 12], [], false],
        ['Anna Berg', [], [], true],
      ]);
    });
    it('an absent officer gets none; what they hold goes to their substitute, marked as covered (not lost)', () => {
      const away = [{ personId: 2, startsAt: at('2026-11-25T00:00'), endsAt: at('2026-11-28T00:00'), substituteId: 1 }];
      const r = digestRecipients(everyone(erik, maria, anna), away, open, accountOf, now);
      expect(shape(r)).toEqual([
        ['Erik Lind', [10, 11, 12], [10, 12], false],
        ['Anna Berg', [], [], true],
      ]);
      expect(r[0]!.covering.get(10)).toEqual({ intendedId: 2, intendedName: 'Maria Ek', reason: 'absent', until: at('2026-11-28T00:00') });
    });
    it('with the substitute away too, the account’s manager covers; an inactive manager gets no digest', () => {
      const away = [
        { personId: 2, startsAt: at('2026-11-25T00:00'), endsAt: at('2026-11-28T00:00'), substituteId: null },
        { personId: 1, startsAt: at('2026-11-25T00:00'), endsAt: at('2026-11-26T00:00'), substituteId: null },
      ];
      expect(shape(digestRecipients(everyone(erik, maria, anna), away, open, accountOf, now))).toEqual([['Anna Berg', [10, 11, 12], [10, 11, 12], true]]);
      expect(digestRecipients(everyone(erik, maria, { ...anna, active: false }), away, open, accountOf, now)).toEqual([]);
    });
  });

  describe('the managers’ team view', () => {
    const erik = person(1, 'Erik Lind');
    const maria = person(2, 'Maria Ek');
    const anna = person(3, 'Anna Berg', 'manager');
    const people = new Map([erik, maria, anna].map((p) => [p.id, p]));
    const accountOf = (accountId: number) => (accountId === 7 ? { responsibleId: 1, substituteId: 2, managerId: 3 } : accountId === 9 ? { responsibleId: null, substituteId: null, managerId: 3 } : undefined);
    const now = at('2026-11-25T10:00');
    it('per person open and overdue, who is away and who covers, and what reaches nobody', () => {
      const open = [
        inquiry({ id: 1, accountId: 7, deadline: at('2026-11-24T10:00') }), // overdue
        inquiry({ id: 2, accountId: 7, deadline: at('2026-11-26T10:00') }),
        inquiry({ id: 3, accountId: 7, assigneeId: 2, deadline: at('2026-11-26T10:00') }),
        inquiry({ id: 4, accountId: 9 }), // no responsible officer
      ];
      const away = [{ personId: 1, startsAt: at('2026-11-25T00:00'), endsAt: at('2026-11-28T00:00'), substituteId: 2 }];
      expect(teamView(people, away, open, accountOf, hofors, now)).toEqual({
        people: [
          { name: 'Erik Lind', open: 2, overdue: 1, away: { until: at('2026-11-28T00:00'), coveredBy: ['Maria Ek'] } },
          { name: 'Maria Ek', open: 1, overdue: 0 },
        ],
        unattended: 1,
      });
    });
  });
});
