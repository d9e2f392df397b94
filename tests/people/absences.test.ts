import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { DrizzleAbsenceStore } from '../../src/db/absence-store.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { AbsenceError, endAbsence, listAbsences, registerAbsence } from '../../src/people/absences.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';

const now = at('2026-11-23T09:00');

describe.each(DATABASES)('absences on $name', (target) => {
  let database: Database;
  let store: DrizzleAbsenceStore;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    database = await target.open();
    store = new DrizzleAbsenceStore(database.db);
    const directory = new DirectoryStore(database.db);
    for (const org of ['hofors', 'nassjo']) {
      await directory.applyOrganization(org, readFileSync(`policies/${org}.yaml`, 'utf8'), loadPolicyFile(`policies/${org}.yaml`), now);
      await directory.applyDirectory(parseDirectory(readFileSync(`directory/${org}.yaml`, 'utf8'), org));
    }
    for (const p of await database.db.query.people.findMany()) id[p.key] = p.id;
  });
  afterAll(() => database.close());
  const code = async (p: Promise<unknown>) => ((await p.catch((e) => e)) as AbsenceError).code;

  describe('when an officer registers an absence with a substitute', () => {
    it('is stored, listed, and can be ended early with "tillbaka"', async () => {
      const a = await registerAbsence(store, { personId: id['erik.lind']!, startsAt: at('2026-11-24T00:00'), endsAt: at('2026-11-28T00:00'), substituteId: id['maria.ek']!, note: 'semester' }, now);
      expect(a).toMatchObject({ personId: id['erik.lind'], substituteId: id['maria.ek'], note: 'semester' });
      expect(await listAbsences(store, id['erik.lind']!, now)).toEqual([a]);
      const ended = await endAbsence(store, id['erik.lind']!, at('2026-11-26T10:00'));
      expect(ended.endsAt).toBe(at('2026-11-26T10:00'));
      expect(await listAbsences(store, id['erik.lind']!, at('2026-11-26T10:00'))).toEqual([]);
    });
  });

  describe('when a manager registers and ends an absence for a colleague', () => {
    const manager = () => ({ id: id['anna.berg']!, orgId: 'hofors', role: 'manager' as const });
    it('is stored with who registered it and who ended it', async () => {
      const a = await registerAbsence(store, { personId: id['erik.lind']!, startsAt: at('2026-12-07T00:00'), endsAt: at('2026-12-12T00:00'), substituteId: id['maria.ek']! }, now, manager());
      expect(a).toMatchObject({ personId: id['erik.lind'], substituteId: id['maria.ek'], registeredBy: id['anna.berg'], endedBy: null });
      const ended = await endAbsence(store, id['erik.lind']!, at('2026-12-09T10:00'), manager());
      expect(ended).toMatchObject({ endsAt: at('2026-12-09T10:00'), endedBy: id['anna.berg'] });
      const [row] = (await database.db.query.absences.findMany()).filter((r) => r.id === a.id);
      expect([row!.registeredBy, row!.endedBy, row!.endsAt.getTime()]).toEqual([id['anna.berg'], id['anna.berg'], at('2026-12-09T10:00')]);
    });
    it('an officer may not register or end a colleague’s absence, nor a manager of another organization', async () => {
      const officer = { id: id['erik.lind']!, orgId: 'hofors', role: 'officer' as const };
      const base = { personId: id['anna.berg']!, startsAt: at('2026-12-14T00:00'), endsAt: at('2026-12-15T00:00'), substituteId: null };
      expect(await code(registerAbsence(store, base, now, officer))).toBe('not_allowed');
      const nassjoManager = (await database.db.query.people.findMany()).find((p) => p.orgId === 'nassjo' && p.role === 'manager')!;
      expect(await code(registerAbsence(store, base, now, { id: nassjoManager.id, orgId: 'nassjo', role: 'manager' }))).toBe('wrong_organization');
      expect(await listAbsences(store, id['anna.berg']!, now)).toEqual([]);
      const own = await registerAbsence(store, { ...base, personId: officer.id }, now, officer);
      expect(own.registeredBy).toBe(officer.id);
      expect(await code(endAbsence(store, officer.id, at('2026-12-14T10:00'), { id: id['maria.ek']!, orgId: 'hofors', role: 'officer' }))).toBe('not_allowed');
    });
  });

  describe('when the absence is not valid', () => {
    it('refuses with a stable code and stores nothing', async () => {
      const base = { personId: id['maria.ek']!, startsAt: at('2026-12-01T00:00'), endsAt: at('2026-12-03T00:00'), substituteId: id['erik.lind']! };
      expect(await code(registerAbsence(store, { ...base, endsAt: base.startsAt }, now))).toBe('bad_period');
      expect(await code(registerAbsence(store, { ...base, endsAt: at('2026-11-20T00:00'), startsAt: at('2026-11-19T00:00') }, now))).toBe('bad_period');
      expect(await code(registerAbsence(store, { ...base, substituteId: id['maria.ek']! }, now))).toBe('self_substitute');
      expect(await code(registerAbsence(store, { ...base, substituteId: id['ali.hassan']! }, now))).toBe('wrong_organization');
      expect(await code(registerAbsence(store, { ...base, substituteId: 999_999 }, now))).toBe('unknown_person');
      await registerAbsence(store, base, now);
      expect(await code(registerAbsence(store, { ...base, startsAt: at('2026-12-02T00:00'), endsAt: at('2026-12-05T00:00') }, now))).toBe('overlaps');
      expect(await listAbsences(store, id['maria.ek']!, now)).toHaveLength(1);
      expect(await code(endAbsence(store, id['anna.berg']!, now))).toBe('not_absent');
    });
  });
});
