/** The officers' use cases on a real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is set). */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { act, type ActDeps } from '../../src/inquiries/act.js';
import { InquiryError } from '../../src/inquiries/errors.js';
import { receive } from '../../src/inquiries/receive.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';
import { message } from '../support/inquiry-builder.js';

const now = at('2026-11-23T10:30');

describe.each(DATABASES)('officers acting on inquiries, on $name', (target) => {
  let database: Database;
  let store: DrizzleInquiryStore;
  let deps: ActDeps;
  const ids: Record<string, number> = {};
  const newInquiry = async () => {
    const hofors = loadPolicyFile('policies/hofors.yaml');
    const route = async (channel: string, ext: string) => {
      const r = await new DirectoryStore(database.db).routeAccount(channel, ext);
      return r && { ...r, policy: hofors };
    };
    return (await receive({ store, route }, message({ accountExternalId: '104000000000001' }), now)).inquiry;
  };
  const failure = async (p: Promise<unknown>): Promise<string> => {
    const e = await p.catch((x) => x);
    if (!(e instanceof InquiryError)) throw new Error(`expected an InquiryError, got ${e}`);
    return e.code;
  };

  beforeAll(async () => {
    database = await target.open();
    store = new DrizzleInquiryStore(database.db);
    const directory = new DirectoryStore(database.db);
    for (const org of ['hofors', 'nassjo']) {
      await directory.applyOrganization(org, readFileSync(`policies/${org}.yaml`, 'utf8'), loadPolicyFile(`policies/${org}.yaml`), now);
      await directory.applyDirectory(parseDirectory(readFileSync(`directory/${org}.yaml`, 'utf8'), org));
    }
    const rows = await database.db.query.people.findMany();
    for (const p of rows) ids[p.key] = p.id;
    deps = { store, personOrg: (id) => directory.personOrg(id), soleOrganization: () => directory.soleOrganization() };
  });
  afterAll(() => database.close());

  describe('when an officer claims, forwards and answers', () => {
    it('moves through the states with one event per change, actor and time recorded', async () => {
      const i = await newInquiry();
      expect(i).toMatchObject({ state: 'open', orgId: 'hofors' });
      await act(deps, i.id, { type: 'claim', by: ids['erik.lind']! }, now);
      await act(deps, i.id, { type: 'forward', by: ids['erik.lind']!, to: ids['maria.ek']!, reason: 'gäller webben' }, now + 60_000);
      const forwarded = await store.get(i.id);
      expect(forwarded).toMatchObject({ state: 'forwarded', assigneeId: ids['maria.ek'], deadline: i.deadline });
      await act(deps, i.id, { type: 'claim', by: ids['maria.ek']! }, now + 120_000);
      await act(deps, i.id, { type: 'register', by: ids['maria.ek']!, caseNumber: 'KS 2026/0417' }, now + 150_000);
      const done = await act(deps, i.id, { type: 'answer', by: ids['maria.ek']! }, now + 180_000);
      expect(done).toMatchObject({ state: 'answered', answeredAt: now + 180_000, registered: true, caseNumber: 'KS 2026/0417' });
      const events = await store.events(i.id);
      expect(events.map((e) => [e.type, e.actor])).toEqual([
        ['received', 'source:meta'],
        ['claimed', `person:${ids['erik.lind']}`],
        ['forwarded', `person:${ids['erik.lind']}`],
        ['claimed', `person:${ids['maria.ek']}`],
        ['registered', `person:${ids['maria.ek']}`],
        ['answered', `person:${ids['maria.ek']}`],
      ]);
      expect(events[2]!.data).toEqual({ from: ids['erik.lind'], to: ids['maria.ek'], reason: 'gäller webben' });
    });
  });

  describe('when an action is not allowed', () => {
    it('gives a stable code and changes nothing', async () => {
      const i = await newInquiry();
      expect(await failure(act(deps, i.id, { type: 'reopen', by: ids['erik.lind']! }, now))).toBe('illegal_transition');
      expect(await failure(act(deps, i.id, { type: 'close', by: ids['erik.lind']!, reason: 'tråkigt' }, now))).toBe('unknown_reason');
      // another organization's inquiry is not there for Nässjö's officer: the same answer as a missing one
      expect(await failure(act(deps, i.id, { type: 'claim', by: ids['ali.hassan']! }, now))).toBe('not_found');
      expect(await failure(act(deps, i.id, { type: 'forward', by: ids['erik.lind']!, to: ids['ali.hassan']! }, now))).toBe('wrong_organization');
      expect(await failure(act(deps, i.id, { type: 'claim', by: 987_654 }, now))).toBe('unknown_person');
      expect(await failure(act(deps, 987_654, { type: 'claim', by: ids['erik.lind']! }, now))).toBe('not_found');
      expect(await store.get(i.id)).toEqual(i);
      expect(await store.events(i.id)).toHaveLength(1);
    });
  });

  describe('when two officers claim at the same moment', () => {
    it('exactly one gets it; the other is told it is already claimed', async () => {
      const i = await newInquiry();
      const results = await Promise.allSettled([
        act(deps, i.id, { type: 'claim', by: ids['erik.lind']! }, now),
        act(deps, i.id, { type: 'claim', by: ids['maria.ek']! }, now),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as InquiryError).code).toBe('already_claimed');
      expect((await store.events(i.id)).filter((e) => e.type === 'claimed')).toHaveLength(1);
    });
  });

  describe('when an inquiry is closed and reopened', () => {
    it('records the reason, the removal, and the reopening', async () => {
      const i = await newInquiry();
      const closed = await act(deps, i.id, { type: 'close', by: ids['erik.lind']!, reason: 'reklam/spam' }, now);
      expect(closed).toMatchObject({ state: 'closed', closeReason: 'reklam/spam', removed: true });
      const reopened = await act(deps, i.id, { type: 'reopen', by: ids['anna.berg']!, reason: 'felaktigt stängd' }, now + 1000);
      expect(reopened).toMatchObject({ state: 'open', closeReason: null, closedAt: null });
      expect((await store.events(i.id)).map((e) => e.type)).toEqual(['received', 'closed', 'reopened']);
    });
  });
});
