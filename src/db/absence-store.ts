/** Absences on drizzle. */
import { and, eq, gt } from 'drizzle-orm';
import type { AbsenceStore, StoredAbsence } from '../people/absences.js';
import type { Absence } from '../people/routing.js';
import type { Db } from './connection.js';
import { absences, people } from './schema.js';

const toAbsence = (r: typeof absences.$inferSelect): StoredAbsence => ({
  id: r.id, personId: r.personId, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime(), substituteId: r.substituteId, note: r.note, registeredBy: r.registeredBy, endedBy: r.endedBy,
});

export class DrizzleAbsenceStore implements AbsenceStore {
  constructor(private readonly db: Db) {}

  async personOrg(personId: number): Promise<string | undefined> {
    const rows = await this.db.select({ orgId: people.orgId }).from(people).where(and(eq(people.id, personId), eq(people.active, true)));
    return rows[0]?.orgId;
  }

  async absencesOf(personId: number, after: number): Promise<StoredAbsence[]> {
    const rows = await this.db.select().from(absences).where(and(eq(absences.personId, personId), gt(absences.endsAt, new Date(after))));
    return rows.map(toAbsence);
  }

  async insertAbsence(a: Absence & { note: string | null; registeredBy: number | null }, now: number): Promise<StoredAbsence> {
    const rows = await this.db
      .insert(absences)
      .values({ personId: a.personId, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt), substituteId: a.substituteId, note: a.note, registeredBy: a.registeredBy, createdAt: new Date(now) })
      .returning();
    return toAbsence(rows[0]!);
  }

  async setAbsenceEnd(id: number, endsAt: number, endedBy: number | null): Promise<void> {
    await this.db.update(absences).set({ endsAt: new Date(endsAt), endedBy }).where(eq(absences.id, id));
  }
}
