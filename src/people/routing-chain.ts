/**
 * Following substitutes: an unavailable person's absence names a substitute; if that one is away
 * too, their own absence's substitute is followed, and so on. Pure.
 *
 * The chain stops (returning nobody, with a warning) at a cycle (A → B → A), after MAX_CHAIN hops,
 * or at an id that is not a person of the organization. Everyone looked at is recorded in the
 * `Attempt`, so the caller does not try them again and can say whom it tried.
 */
import type { Person } from '../reminders/model.js';
import { availability, type Absence, type Availability } from './routing-absence.js';

/** At most this many substitutes are followed from one person (A → B is one hop). */
export const MAX_CHAIN = 10;

export const label = (p: Person): string => `${p.name} (#${p.id})`;
export const instant = (ms: number): string => new Date(ms).toISOString();

/** One resolution's bookkeeping: who was looked at and why they could not take it. */
export class Attempt {
  readonly tried = new Map<number, string>();
  constructor(readonly warnings: string[]) {}

  note(p: Person, a: Availability): void {
    if (a.available) this.tried.set(p.id, label(p));
    else this.tried.set(p.id, `${label(p)} ${a.why === 'absent' ? `absent until ${instant(a.until)}` : 'inactive'}`);
  }

  /** "Maria Ek (#2) absent until …, Anna Berg (#3) inactive" */
  summary(): string {
    return [...this.tried.values()].join(', ');
  }
}

export interface Directory {
  readonly people: ReadonlyMap<number, Person>;
  readonly absences: readonly Absence[];
}

/** The first available person down `from`'s chain of substitutes, or null (with a warning if broken). */
export function followChain(from: Person, state: Availability, dir: Directory, now: number, attempt: Attempt): Person | null {
  const path: Person[] = [from];
  attempt.note(from, state);
  let nextId = state.available ? null : state.substituteId;
  while (nextId !== null) {
    const seen = path.find((p) => p.id === nextId);
    if (seen) {
      attempt.warnings.push(`substitute cycle: ${[...path, seen].map(label).join(' → ')}; falling through`);
      return null;
    }
    if (path.length > MAX_CHAIN) {
      attempt.warnings.push(`substitute chain longer than ${MAX_CHAIN}: ${path.map(label).join(' → ')} → #${nextId}; falling through`);
      return null;
    }
    const next = dir.people.get(nextId);
    if (!next) {
      attempt.warnings.push(`substitute #${nextId} of ${label(path[path.length - 1]!)} is not a person of this organization`);
      return null;
    }
    path.push(next);
    const s = availability(next, dir.absences, now);
    attempt.note(next, s);
    if (s.available) return next;
    nextId = s.substituteId;
  }
  return null;
}
