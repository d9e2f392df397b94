/**
 * Absence use cases (frånvaro): register, end early, list — for the chat commands `frånvaro|away
 * [@kollega] FROM TO [ersättare @ersättare]` and `tillbaka|back [@kollega]`. Reminders are routed at
 * send time, so a registered or ended absence takes effect on the next reminder without re-planning.
 *
 * Who may: everyone registers and ends their own absence; a manager (role `manager`) also a
 * colleague's in the same organization (Arvidsjaur 7–8, Gotland: the manager sees to it that a
 * substitute takes over). An officer naming a colleague is refused (`not_allowed`): an absence
 * moves someone's reminders to another person, which is the manager's call. Who registered it and
 * who ended it early are kept with the absence (`registeredBy`, `endedBy`).
 */
import type { Absence } from './routing.js';

export interface StoredAbsence extends Absence {
  readonly id: number;
  readonly note: string | null;
  /** who registered it; null when not recorded (before migration 0010, or the admin) */
  readonly registeredBy: number | null;
  readonly endedBy: number | null;
}

export interface AbsenceStore {
  personOrg(personId: number): Promise<string | undefined>;
  absencesOf(personId: number, after: number): Promise<StoredAbsence[]>;
  insertAbsence(a: Absence & { note: string | null; registeredBy: number | null }, now: number): Promise<StoredAbsence>;
  setAbsenceEnd(id: number, endsAt: number, endedBy: number | null): Promise<void>;
}

/** Who acts on an absence: the person themself, or a manager of the same organization. */
export interface AbsenceActor {
  readonly id: number;
  readonly orgId: string;
  readonly role: 'officer' | 'manager';
}

export class AbsenceError extends Error {
  override readonly name = 'AbsenceError';
  constructor(
    readonly code: 'bad_period' | 'overlaps' | 'unknown_person' | 'wrong_organization' | 'self_substitute' | 'not_absent' | 'not_allowed',
    message: string,
  ) {
    super(message);
  }
}

/** The actor may act on `personId`'s absences (of organization `org`): their own, or as a manager of the same organization. */
function mayActFor(actor: AbsenceActor | undefined, personId: number, org: string): void {
  if (actor === undefined || actor.id === personId) return;
  if (actor.orgId !== org) throw new AbsenceError('wrong_organization', 'the colleague must belong to the same organization');
  if (actor.role !== 'manager') throw new AbsenceError('not_allowed', "only a manager registers or ends a colleague's absence");
}

/** `by`: who registers it (checked: themself or a manager of the same organization); absent for the admin. */
export async function registerAbsence(
  store: AbsenceStore,
  a: { personId: number; startsAt: number; endsAt: number; substituteId: number | null; note?: string },
  now: number,
  by?: AbsenceActor,
): Promise<StoredAbsence> {
  if (!(a.endsAt > a.startsAt)) throw new AbsenceError('bad_period', 'an absence must end after it starts');
  if (a.endsAt <= now) throw new AbsenceError('bad_period', 'the absence has already ended');
  const org = await store.personOrg(a.personId);
  if (org === undefined) throw new AbsenceError('unknown_person', `no active person ${a.personId}`);
  mayActFor(by, a.personId, org);
  if (a.substituteId !== null) {
    if (a.substituteId === a.personId) throw new AbsenceError('self_substitute', 'a person cannot be their own substitute');
    const subOrg = await store.personOrg(a.substituteId);
    if (subOrg === undefined) throw new AbsenceError('unknown_person', `no active person ${a.substituteId}`);
    if (subOrg !== org) throw new AbsenceError('wrong_organization', 'the substitute must belong to the same organization');
  }
  const overlapping = (await store.absencesOf(a.personId, now)).find((x) => x.startsAt < a.endsAt && a.startsAt < x.endsAt);
  if (overlapping) throw new AbsenceError('overlaps', `overlaps the absence ${new Date(overlapping.startsAt).toISOString()}–${new Date(overlapping.endsAt).toISOString()}`);
  return store.insertAbsence({ personId: a.personId, startsAt: a.startsAt, endsAt: a.endsAt, substituteId: a.substituteId, note: a.note ?? null, registeredBy: by?.id ?? null }, now);
}

/** "tillbaka": ends the person's current absence now; `by` as for registerAbsence. */
export async function endAbsence(store: AbsenceStore, personId: number, now: number, by?: AbsenceActor): Promise<StoredAbsence> {
  const org = await store.personOrg(personId);
  if (org === undefined) throw new AbsenceError('unknown_person', `no active person ${personId}`);
  mayActFor(by, personId, org);
  const current = (await store.absencesOf(personId, now)).find((x) => x.startsAt <= now && now < x.endsAt);
  if (!current) throw new AbsenceError('not_absent', `person ${personId} has no absence now`);
  await store.setAbsenceEnd(current.id, now, by?.id ?? null);
  return { ...current, endsAt: now, endedBy: by?.id ?? null };
}

/** Current and future absences of a person, earliest first. */
export async function listAbsences(store: AbsenceStore, personId: number, now: number): Promise<StoredAbsence[]> {
  return (await store.absencesOf(personId, now)).sort((a, b) => a.startsAt - b.startsAt);
}
