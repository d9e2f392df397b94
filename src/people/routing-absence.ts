/**
 * Is a person reachable at an instant? Pure: absences and `now` are passed in.
 *
 * - An absence covers `now` when startsAt <= now < endsAt (half-open, like calendar intervals); an
 *   absence with endsAt <= startsAt covers nothing.
 * - An inactive person (active: false) is never reachable, absence or not. They are not coming back,
 *   so `until` is `now`.
 * - When several absences cover `now`, the substitute is taken from one that names a substitute,
 *   preferring the one that started last (the most recent arrangement), then the one that ends first.
 * - `until` is the end of the whole stretch of absence: overlapping or back-to-back absences
 *   ([Mon, Wed) and [Wed, Fri)) are merged, so the message says "away until Friday", not Wednesday.
 */
import type { Person } from '../reminders/model.js';

/** A period when a person is away, [startsAt, endsAt), with the substitute (ersättare) who covers it. */
export interface Absence {
  readonly personId: number;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly substituteId: number | null;
}

export type Availability =
  | { readonly available: true }
  | {
      readonly available: false;
      readonly why: 'absent' | 'inactive';
      /** end of the absence (merged), or `now` for an inactive person */
      readonly until: number;
      /** who covers for them now, from their absence; null when nobody was named */
      readonly substituteId: number | null;
    };

const covers = (a: Absence, now: number): boolean => a.startsAt <= now && now < a.endsAt;

/** The covering absence whose substitute applies: one naming a substitute, latest start, earliest end. */
function chooseCovering(covering: readonly Absence[]): Absence {
  return covering.reduce((best, a) => {
    const named = (x: Absence): number => (x.substituteId === null ? 0 : 1);
    if (named(a) !== named(best)) return named(a) > named(best) ? a : best;
    if (a.startsAt !== best.startsAt) return a.startsAt > best.startsAt ? a : best;
    return a.endsAt < best.endsAt ? a : best;
  });
}

/** The end of the stretch of absence that contains `now`, merging overlapping and adjacent periods. */
function stretchEnd(own: readonly Absence[], now: number): number {
  const sorted = [...own].sort((a, b) => a.startsAt - b.startsAt);
  let until = now;
  for (const a of sorted) {
    if (a.startsAt > until) break;
    if (a.endsAt > until) until = a.endsAt;
  }
  return until;
}

export function availability(person: Person, absences: readonly Absence[], now: number): Availability {
  const own = absences.filter((a) => a.personId === person.id && a.startsAt < a.endsAt);
  const covering = own.filter((a) => covers(a, now));
  const substituteId = covering.length > 0 ? chooseCovering(covering).substituteId : null;
  if (!person.active) return { available: false, why: 'inactive', until: now, substituteId };
  if (covering.length === 0) return { available: true };
  return { available: false, why: 'absent', until: stretchEnd(own, now), substituteId };
}
