/**
 * Absence use cases (frånvaro): register, end early, list — for the chat commands `frånvaro|away FROM
 * TO @ersättare` and `tillbaka|back`. Reminders are routed at send time, so a registered or ended
 * absence takes effect on the next reminder without re-planning anything.
 */
import type { Absence } from './routing.js';

export interface StoredAbsence extends Absence {
  readonly id: number;
  readonly note: string | null;
}

export interface AbsenceStore {
  personOrg(personId: number): Promise<string | undefined>;
  absencesOf(personId: number, after: number): Promise<StoredAbsence[]>;
  insertAbsence(a: Absence & { note: string | null }, now: number): Promise<StoredAbsence>;
  setAbsenceEnd(id: number, endsAt: number): Promise<void>;
}

export class AbsenceError extends Error {
  override readonly name = 'AbsenceError';
  constructor(
    readonly code: 'bad_period' | 'overlaps' | 'unknown_person' | 'wrong_organization' | 'self_substitute' | 'not_absent',
    message: string,
  ) {
    super(message);
  }
}

export async function registerAbsence(
  store: AbsenceStore,
  a: { personId: number; startsAt: number; endsAt: number; substituteId: number | null; note?: string },
  now: number,
): Promise<StoredAbsence> {
  if (!(a.endsAt > a.startsAt)) throw new AbsenceError('bad_period', 'an absence must end after it starts');
  if (a.endsAt <= now) throw new AbsenceError('bad_period', 'the absence has already ended');
  const org = await store.personOrg(a.personId);
  if (org === undefined) throw new AbsenceError('unknown_person', `no active person ${a.personId}`);
  if (a.substituteId !== null) {
    if (a.substituteId === a.personId) throw new AbsenceError('self_substitute', 'a person cannot be their own substitute');
    const subOrg = await store.personOrg(a.substituteId);
    if (subOrg === undefined) throw new AbsenceError('unknown_person', `no active person ${a.substituteId}`);
    if (subOrg !== org) throw new AbsenceError('wrong_organization', 'the substitute must belong to the same organization');
  }
  const overlapping = (await store.absencesOf(a.personId, now)).find((x) => x.startsAt < a.endsAt && a.startsAt < x.endsAt);
  if (overlapping) throw new AbsenceError('overlaps', `overlaps the absence ${new Date(overlapping.startsAt).toISOString()}–${new Date(overlapping.endsAt).toISOString()}`);
  return store.insertAbsence({ personId: a.personId, startsAt: a.startsAt, endsAt: a.endsAt, substituteId: a.substituteId, note: a.note ?? null }, now);
}

/** "tillbaka": ends the person's current absence now. */
export async function endAbsence(store: AbsenceStore, personId: number, now: number): Promise<StoredAbsence> {
  const current = (await store.absencesOf(personId, now)).find((x) => x.startsAt <= now && now < x.endsAt);
  if (!current) throw new AbsenceError('not_absent', `person ${personId} has no absence now`);
  await store.setAbsenceEnd(current.id, now);
  return { ...current, endsAt: now };
}

/** Current and future absences of a person, earliest first. */
export async function listAbsences(store: AbsenceStore, personId: number, now: number): Promise<StoredAbsence[]> {
  return (await store.absencesOf(personId, now)).sort((a, b) => a.startsAt - b.startsAt);
}
