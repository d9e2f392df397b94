import { describe, expect, it } from 'vitest';
import { route, MAX_CHAIN, type Absence, type RoutingContext, type RoutingResult } from '../../src/people/routing.js';
import type { Person } from '../../src/reminders/model.js';
import { at } from '../support/calendar-builder.js';

// Hofors kommun's people. The Facebook account: Erik responsible, Maria substitute, Anna manager.
const ERIK = 1, MARIA = 2, ANNA = 3, JOHAN = 4, SARA = 5, LARS = 6;

function person(id: number, name: string, o: Partial<Person> = {}): Person {
  return { id, orgId: 'hofors', name, title: null, role: 'officer', language: null, slackUserId: `U0${id}`, teamsUserId: null, active: true, ...o };
}

const HOFORS: Person[] = [
  person(ERIK, 'Erik Lind', { title: 'Kommunikatör' }),
  person(MARIA, 'Maria Ek'),
  person(ANNA, 'Anna Berg', { role: 'manager', title: 'Informationssamordnare' }),
  person(JOHAN, 'Johan Nilsson'),
  person(SARA, 'Sara Holm'),
  person(LARS, 'Lars Öberg', { role: 'manager' }),
];

type Account = NonNullable<RoutingContext['account']>;
interface ContextOptions {
  assigneeId?: number | null;
  account?: Partial<Account> | null;
  absences?: Absence[];
  inactive?: number[];
  people?: Person[];
}

/** One builder with defaults: an unclaimed inquiry on the Facebook account, nobody away. */
function context(o: ContextOptions = {}): RoutingContext {
  const people = (o.people ?? HOFORS).map((p) => ((o.inactive ?? []).includes(p.id) ? { ...p, active: false } : p));
  return {
    assigneeId: o.assigneeId ?? null,
    account: o.account === null ? null : { responsibleId: ERIK, substituteId: MARIA, managerId: ANNA, ...o.account },
    people: new Map(people.map((p) => [p.id, p])),
    absences: o.absences ?? [],
  };
}

/** An absence in Stockholm wall-clock times, [from, to). */
function away(personId: number, from: string, to: string, substituteId: number | null = null): Absence {
  return { personId, startsAt: at(from), endsAt: at(to), substituteId };
}

const now = at('2026-11-23T10:00'); // a Monday
const names = (r: RoutingResult): string[] => r.deliveries.map((d) => d.person.name);
const erikAwayThisWeek = (substituteId: number | null): Absence => away(ERIK, '2026-11-23T00:00', '2026-11-28T00:00', substituteId);

describe('routing a reminder at send time', () => {
  describe('to the assignee', () => {
    it('when the inquiry is claimed, goes to the officer who claimed it', () => {
      const r = route('assignee', context({ assigneeId: JOHAN }), now);
      expect(r.deliveries).toEqual([{ person: expect.objectContaining({ name: 'Johan Nilsson' }), role: 'assignee' }]);
      expect(r.warnings).toEqual([]);
    });
    it('when it is unclaimed, goes to the account\'s responsible officer (the account belongs to the position)', () => {
      const r = route('assignee', context(), now);
      expect(names(r)).toEqual(['Erik Lind']);
      expect(r.deliveries[0]).not.toHaveProperty('routedVia');
    });
    it('when it is unclaimed and reached no account, goes to nobody, with a warning', () => {
      const r = route('assignee', context({ account: null }), now);
      expect(r.deliveries).toEqual([]);
      expect(r.warnings).toEqual(['nobody for assignee: the inquiry has no account and no assignee']);
    });
    it('when the assignee is not a person of the organization, goes to the responsible officer, with a warning', () => {
      const r = route('assignee', context({ assigneeId: 99 }), now);
      expect(names(r)).toEqual(['Erik Lind']);
      expect(r.warnings).toEqual(["assignee #99 is not a person of this organization; using the account's responsible officer"]);
    });
  });

  describe('when the intended person is away', () => {
    describe('and their absence names a substitute for that period', () => {
      const absences = [erikAwayThisWeek(SARA)];
      it('goes to that substitute, saying for whom and until when', () => {
        const r = route('assignee', context({ absences }), now);
        expect(r.deliveries).toEqual([
          { person: expect.objectContaining({ name: 'Sara Holm' }), role: 'assignee', routedVia: { intendedId: ERIK, intendedName: 'Erik Lind', reason: 'absent', until: at('2026-11-28T00:00') } },
        ]);
        expect(r.warnings).toEqual([]);
      });
      it('goes to the intended person before the absence starts and from the moment it ends (the end is exclusive)', () => {
        expect(names(route('assignee', context({ absences }), at('2026-11-22T23:59')))).toEqual(['Erik Lind']);
        expect(names(route('assignee', context({ absences }), at('2026-11-23T00:00')))).toEqual(['Sara Holm']);
        expect(names(route('assignee', context({ absences }), at('2026-11-27T23:59')))).toEqual(['Sara Holm']);
        expect(names(route('assignee', context({ absences }), at('2026-11-28T00:00')))).toEqual(['Erik Lind']);
      });
      it('follows the claimer, not the responsible officer, when the inquiry is claimed', () => {
        const r = route('assignee', context({ assigneeId: JOHAN, absences: [away(JOHAN, '2026-11-23T08:00', '2026-11-23T12:00', SARA)] }), now);
        expect(names(r)).toEqual(['Sara Holm']);
        expect(r.deliveries[0]?.routedVia).toMatchObject({ intendedName: 'Johan Nilsson', until: at('2026-11-23T12:00') });
      });
    });

    describe('and back-to-back absences follow each other', () => {
      it('says they are away until the end of the whole stretch, with the current period\'s substitute', () => {
        const absences = [away(ERIK, '2026-11-23T00:00', '2026-11-25T00:00', SARA), away(ERIK, '2026-11-25T00:00', '2026-11-30T00:00', JOHAN)];
        const r = route('assignee', context({ absences }), now);
        expect(names(r)).toEqual(['Sara Holm']);
        expect(r.deliveries[0]?.routedVia?.until).toBe(at('2026-11-30T00:00'));
      });
    });

    describe('and their substitute is away too', () => {
      it('follows the substitute\'s own substitute (a chain of two), still naming the intended person', () => {
        const absences = [erikAwayThisWeek(SARA), away(SARA, '2026-11-23T00:00', '2026-11-24T00:00', JOHAN)];
        const r = route('assignee', context({ absences }), now);
        expect(names(r)).toEqual(['Johan Nilsson']);
        expect(r.deliveries[0]?.routedVia).toEqual({ intendedId: ERIK, intendedName: 'Erik Lind', reason: 'absent', until: at('2026-11-28T00:00') });
      });
    });

    describe('and the substitutes cover for each other (Erik → Sara → Erik)', () => {
      it('falls through to the account\'s substitute, with a warning naming the cycle', () => {
        const absences = [erikAwayThisWeek(SARA), away(SARA, '2026-11-23T00:00', '2026-11-24T00:00', ERIK)];
        const r = route('assignee', context({ absences }), now);
        expect(names(r)).toEqual(['Maria Ek']);
        expect(r.deliveries[0]?.routedVia?.intendedName).toBe('Erik Lind');
        expect(r.warnings).toEqual(['substitute cycle: Erik Lind (#1) → Sara Holm (#5) → Erik Lind (#1); falling through']);
      });
    });

    describe(`and the chain of substitutes is longer than ${MAX_CHAIN}`, () => {
      it('stops, warns and falls through to the account\'s substitute', () => {
        const temps = Array.from({ length: 12 }, (_, i) => person(100 + i, `Vikarie ${i}`));
        const absences = [erikAwayThisWeek(100), ...temps.slice(0, 11).map((t) => away(t.id, '2026-11-23T00:00', '2026-11-24T00:00', t.id + 1))];
        const r = route('assignee', context({ people: [...HOFORS, ...temps], absences }), now);
        expect(names(r)).toEqual(['Maria Ek']);
        expect(r.warnings).toHaveLength(1);
        expect(r.warnings[0]).toMatch(/^substitute chain longer than 10: Erik Lind \(#1\) → Vikarie 0 \(#100\) → .* → Vikarie 9 \(#109\) → #110; falling through$/);
      });
      it('but follows a chain of exactly 10', () => {
        const temps = Array.from({ length: 10 }, (_, i) => person(100 + i, `Vikarie ${i}`));
        const absences = [erikAwayThisWeek(100), ...temps.slice(0, 9).map((t) => away(t.id, '2026-11-23T00:00', '2026-11-24T00:00', t.id + 1))];
        expect(names(route('assignee', context({ people: [...HOFORS, ...temps], absences }), now))).toEqual(['Vikarie 9']);
      });
    });

    describe('and their absence names no substitute', () => {
      it('goes to the account\'s substitute', () => {
        const r = route('assignee', context({ absences: [erikAwayThisWeek(null)] }), now);
        expect(names(r)).toEqual(['Maria Ek']);
        expect(r.deliveries[0]?.routedVia).toMatchObject({ intendedId: ERIK, until: at('2026-11-28T00:00') });
        expect(r.warnings).toEqual([]);
      });
      it('and when the account\'s substitute is away too, to the account\'s manager', () => {
        const absences = [erikAwayThisWeek(null), away(MARIA, '2026-11-16T00:00', '2026-12-01T00:00', JOHAN)];
        const r = route('assignee', context({ absences }), now);
        expect(names(r)).toEqual(['Anna Berg']);
        expect(r.deliveries[0]?.routedVia?.intendedName).toBe('Erik Lind');
      });
    });

    describe('and everyone who could take it is away', () => {
      it('goes to nobody, with a warning saying whom it tried', () => {
        const absences = [erikAwayThisWeek(SARA), away(SARA, '2026-11-23T00:00', '2026-11-24T00:00'), away(MARIA, '2026-11-23T00:00', '2026-11-24T00:00'), away(ANNA, '2026-11-23T00:00', '2026-11-24T00:00')];
        const r = route('assignee', context({ absences }), now);
        expect(r.deliveries).toEqual([]);
        expect(r.warnings).toEqual([
          'nobody reachable for assignee (intended Erik Lind (#1)); tried: Erik Lind (#1) absent until 2026-11-27T23:00:00.000Z, ' +
            'Sara Holm (#5) absent until 2026-11-23T23:00:00.000Z, Maria Ek (#2) absent until 2026-11-23T23:00:00.000Z, Anna Berg (#3) absent until 2026-11-23T23:00:00.000Z',
        ]);
      });
    });

    describe('and the inquiry reached no account', () => {
      it('follows the assignee\'s substitutes only: there is no account substitute or manager', () => {
        const r = route('assignee', context({ account: null, assigneeId: ERIK, absences: [erikAwayThisWeek(null)] }), now);
        expect(r.deliveries).toEqual([]);
        expect(r.warnings).toEqual(['nobody reachable for assignee (intended Erik Lind (#1)); tried: Erik Lind (#1) absent until 2026-11-27T23:00:00.000Z']);
      });
    });
  });

  describe('when a person is inactive', () => {
    it('an inactive responsible officer is passed over like an absent one, "away" until now', () => {
      const r = route('assignee', context({ inactive: [ERIK] }), now);
      expect(names(r)).toEqual(['Maria Ek']);
      expect(r.deliveries[0]?.routedVia).toEqual({ intendedId: ERIK, intendedName: 'Erik Lind', reason: 'absent', until: now });
    });
    it('an inactive substitute in the chain is skipped', () => {
      const r = route('assignee', context({ inactive: [SARA], absences: [erikAwayThisWeek(SARA)] }), now);
      expect(names(r)).toEqual(['Maria Ek']);
    });
    it('an inactive account substitute is skipped for the manager', () => {
      const r = route('assignee', context({ inactive: [MARIA], absences: [erikAwayThisWeek(null)] }), now);
      expect(names(r)).toEqual(['Anna Berg']);
    });
  });

  describe('to the substitute', () => {
    it('goes to the account\'s substitute', () => {
      expect(names(route('substitute', context(), now))).toEqual(['Maria Ek']);
    });
    it('goes to nobody when the account names no substitute, with a warning', () => {
      const r = route('substitute', context({ account: { substituteId: null } }), now);
      expect(r.deliveries).toEqual([]);
      expect(r.warnings).toEqual(['nobody for substitute: the account has no substitute']);
    });
    it('when the substitute is away, goes to their substitute, else to the account\'s manager', () => {
      const covered = route('substitute', context({ absences: [away(MARIA, '2026-11-23T00:00', '2026-11-24T00:00', JOHAN)] }), now);
      expect(names(covered)).toEqual(['Johan Nilsson']);
      expect(covered.deliveries[0]?.routedVia?.intendedName).toBe('Maria Ek');
      expect(names(route('substitute', context({ absences: [away(MARIA, '2026-11-23T00:00', '2026-11-24T00:00')] }), now))).toEqual(['Anna Berg']);
    });
  });

  describe('to the manager', () => {
    it('goes to the account\'s manager', () => {
      expect(names(route('manager', context(), now))).toEqual(['Anna Berg']);
    });
    it('when the manager is away, goes to their substitute for that period', () => {
      const r = route('manager', context({ absences: [away(ANNA, '2026-11-23T00:00', '2026-11-24T00:00', LARS)] }), now);
      expect(names(r)).toEqual(['Lars Öberg']);
      expect(r.deliveries[0]?.routedVia).toMatchObject({ intendedName: 'Anna Berg', until: at('2026-11-24T00:00') });
    });
    it('when the manager is away with no substitute, goes to nobody rather than to the officers, with a warning', () => {
      const r = route('manager', context({ absences: [away(ANNA, '2026-11-23T00:00', '2026-11-24T00:00')] }), now);
      expect(r.deliveries).toEqual([]);
      expect(r.warnings).toEqual(['nobody reachable for manager (intended Anna Berg (#3)); tried: Anna Berg (#3) absent until 2026-11-23T23:00:00.000Z']);
    });
    it('goes to nobody for an inquiry that reached no account, with a warning', () => {
      const r = route('manager', context({ account: null }), now);
      expect(r.deliveries).toEqual([]);
      expect(r.warnings).toEqual(['nobody for manager: the inquiry has no account']);
    });
  });

  describe('to all managers', () => {
    it('goes to every active manager of the organization, and to no officer', () => {
      const r = route('managers', context(), now);
      expect(names(r)).toEqual(['Anna Berg', 'Lars Öberg']);
      expect(r.deliveries.every((d) => d.role === 'managers' && d.routedVia === undefined)).toBe(true);
    });
    it('routes an absent manager\'s copy to their substitute', () => {
      const r = route('managers', context({ absences: [away(LARS, '2026-11-23T00:00', '2026-11-24T00:00', JOHAN)] }), now);
      expect(names(r)).toEqual(['Anna Berg', 'Johan Nilsson']);
      expect(r.deliveries[1]?.routedVia).toMatchObject({ intendedName: 'Lars Öberg', until: at('2026-11-24T00:00') });
    });
    it('leaves out inactive managers', () => {
      expect(names(route('managers', context({ inactive: [LARS] }), now))).toEqual(['Anna Berg']);
    });
    it('warns about an absent manager nobody covers for, and still reaches the others', () => {
      const r = route('managers', context({ absences: [away(LARS, '2026-11-23T00:00', '2026-11-24T00:00')] }), now);
      expect(names(r)).toEqual(['Anna Berg']);
      expect(r.warnings).toEqual(['nobody reachable for managers on behalf of Lars Öberg (#6); tried: Lars Öberg (#6) absent until 2026-11-23T23:00:00.000Z']);
    });
  });

  describe('never twice, never outside the organization', () => {
    it('a manager covering for an absent manager gets one copy, in their own right', () => {
      const r = route('managers', context({ absences: [away(LARS, '2026-11-23T00:00', '2026-11-24T00:00', ANNA)] }), now);
      expect(r.deliveries).toEqual([{ person: expect.objectContaining({ name: 'Anna Berg' }), role: 'managers' }]);
    });
    it('two absent managers with the same substitute yield one delivery', () => {
      const absences = [away(ANNA, '2026-11-23T00:00', '2026-11-24T00:00', SARA), away(LARS, '2026-11-23T00:00', '2026-11-24T00:00', SARA)];
      const r = route('managers', context({ absences }), now);
      expect(names(r)).toEqual(['Sara Holm']);
      expect(r.deliveries[0]?.routedVia?.intendedName).toBe('Anna Berg');
    });
    it('a substitute who is not a person of the organization is never delivered to', () => {
      const r = route('assignee', context({ absences: [erikAwayThisWeek(777)] }), now);
      expect(names(r)).toEqual(['Maria Ek']);
      expect(r.warnings).toEqual(['substitute #777 of Erik Lind (#1) is not a person of this organization']);
    });
    it('an account manager who is not a person of the organization is skipped, with a warning', () => {
      const r = route('assignee', context({ account: { managerId: 888 }, inactive: [MARIA], absences: [erikAwayThisWeek(null)] }), now);
      expect(r.deliveries).toEqual([]);
      expect(r.warnings[0]).toBe("the account's manager #888 is not a person of this organization");
    });
  });
});
