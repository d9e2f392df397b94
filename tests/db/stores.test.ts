import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { query } from '../../src/db/sql-rows.js';
import { sql } from 'drizzle-orm';
import { InquiryError } from '../../src/inquiries/errors.js';
import type { NewInquiry } from '../../src/inquiries/ports.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';

const now = at('2026-11-23T10:05');
const HOFORS_YAML = readFileSync('policies/hofors.yaml', 'utf8');
const HOFORS_DIRECTORY = parseDirectory(readFileSync('directory/hofors.yaml', 'utf8'), 'directory/hofors.yaml');

function newInquiry(o: Partial<NewInquiry> = {}): NewInquiry {
  return {
    orgId: 'hofors', accountId: null, source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId: 'c-1',
    authorId: 'u1', authorName: 'Karin Svensson', authorHandle: null, text: 'När töms soporna?', url: null, inReplyTo: null,
    receivedAt: at('2026-11-23T10:00'), deadline: at('2026-11-24T10:00'), allowedMinutes: 450, state: 'open', personalData: [],
    raw: { id: 'c-1', nested: { å: 'ä' } }, ...o,
  };
}
const received = { type: 'received', actor: 'source:meta', at: now, data: {} };

describe.each(DATABASES)('the stores on $name', (target) => {
  let database: Database;
  let inquiries: DrizzleInquiryStore;
  let directory: DirectoryStore;
  beforeAll(async () => {
    database = await target.open();
    inquiries = new DrizzleInquiryStore(database.db);
    directory = new DirectoryStore(database.db);
    await directory.applyOrganization('hofors', HOFORS_YAML, loadPolicyFile('policies/hofors.yaml'), now);
  });
  afterAll(() => database.close());

  describe('when a directory is applied', () => {
    it('creates people and accounts, and applying it again changes nothing', async () => {
      const first = await directory.applyDirectory(HOFORS_DIRECTORY);
      expect(first).toEqual({ people: { created: 3, updated: 0, deactivated: 0 }, accounts: { created: 5, updated: 0, deactivated: 0 } });
      const again = await directory.applyDirectory(HOFORS_DIRECTORY);
      expect(again).toEqual({ people: { created: 0, updated: 0, deactivated: 0 }, accounts: { created: 0, updated: 0, deactivated: 0 } });
    });
    it('routes a platform account id to its organization and account', async () => {
      const r = await directory.routeAccount('facebook', '104000000000001');
      expect(r).toMatchObject({ orgId: 'hofors' });
      expect(await directory.routeAccount('facebook', '999')).toBeUndefined();
    });
    it('deactivates people and accounts left out of the file, and refuses an unknown organization', async () => {
      const smaller = { ...HOFORS_DIRECTORY, accounts: HOFORS_DIRECTORY.accounts.filter((a) => a.key !== 'chatt'), sources: HOFORS_DIRECTORY.sources.filter((s) => s.name !== 'hofors-chatt') };
      expect((await directory.applyDirectory(smaller)).accounts).toEqual({ created: 0, updated: 0, deactivated: 1 });
      expect(await directory.routeAccount('chat', 'hofors-chatt')).toBeUndefined();
      await directory.applyDirectory(HOFORS_DIRECTORY);
      expect(await directory.routeAccount('chat', 'hofors-chatt')).toBeDefined();
      await expect(directory.applyDirectory({ ...HOFORS_DIRECTORY, organization: 'gavle' })).rejects.toThrow(/no organization "gavle"/);
    });
    it('re-applying the same policy reports no change', async () => {
      expect(await directory.applyOrganization('hofors', HOFORS_YAML, loadPolicyFile('policies/hofors.yaml'), now)).toBe(false);
    });
  });

  describe('when an inquiry is inserted', () => {
    it('stores every field and the raw payload unchanged, with a "received" event', async () => {
      const { inquiry, created } = await inquiries.insertIfAbsent(newInquiry({ externalId: 'fields' }), received, now);
      expect(created).toBe(true);
      expect(inquiry).toMatchObject({ externalId: 'fields', deadline: at('2026-11-24T10:00'), state: 'open', version: 1, raw: { id: 'c-1', nested: { å: 'ä' } } });
      expect(await inquiries.events(inquiry.id)).toMatchObject([{ type: 'received', actor: 'source:meta', at: now }]);
    });
    it('is idempotent: a redelivery returns the first and alters nothing', async () => {
      const first = await inquiries.insertIfAbsent(newInquiry({ externalId: 'dup' }), received, now);
      const second = await inquiries.insertIfAbsent(newInquiry({ externalId: 'dup', text: 'changed', receivedAt: now }), received, now + 1000);
      expect(second).toEqual({ inquiry: first.inquiry, created: false });
      expect(await inquiries.events(first.inquiry.id)).toHaveLength(1);
    });
    it('creates exactly one inquiry when 20 copies arrive at once', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => inquiries.insertIfAbsent(newInquiry({ externalId: 'burst' }), received, now)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.inquiry.id)).size).toBe(1);
      expect(await inquiries.events(results[0]!.inquiry.id)).toHaveLength(1);
    });
    it('stores an id longer than an index entry holds by its digest, finds it by the original, and counts it again as a duplicate', async () => {
      // hex digits that do not compress: PostgreSQL refuses an index entry over ~2,700 bytes after compression
      const id = Array.from({ length: 94 }, (_, k) => createHash('md5').update(String(k)).digest('hex')).join('');
      const first = await inquiries.insertIfAbsent(newInquiry({ externalId: id }), received, now);
      expect(first.created).toBe(true);
      expect(first.inquiry.externalId).toBe(`${id.slice(0, 200)}~sha256:${createHash('sha256').update(Buffer.from(id, 'utf16le')).digest('hex')}`);
      expect((await inquiries.events(first.inquiry.id))[0]!.data).toMatchObject({ replaced: ['external_id'] });
      expect((await inquiries.insertIfAbsent(newInquiry({ externalId: id }), received, now)).created).toBe(false);
      expect((await inquiries.findByExternalId('facebook', '104000000000001', id))?.id).toBe(first.inquiry.id);
    });
  });

  describe('when an inquiry changes', () => {
    it('applies the change with its event and bumps the version', async () => {
      const { inquiry } = await inquiries.insertIfAbsent(newInquiry({ externalId: 'change' }), received, now);
      const claimed = await inquiries.apply(inquiry.id, 1, { state: 'claimed' }, { type: 'claimed', actor: 'person:1', at: now, data: {} }, now);
      expect(claimed).toMatchObject({ state: 'claimed', version: 2 });
      expect((await inquiries.events(inquiry.id)).map((e) => e.type)).toEqual(['received', 'claimed']);
    });
    it('refuses a stale version and writes nothing (no event either)', async () => {
      const { inquiry } = await inquiries.insertIfAbsent(newInquiry({ externalId: 'stale' }), received, now);
      await inquiries.apply(inquiry.id, 1, { state: 'claimed' }, { type: 'claimed', actor: 'person:1', at: now, data: {} }, now);
      const err = await inquiries.apply(inquiry.id, 1, { state: 'answered' }, { type: 'answered', actor: 'person:2', at: now, data: {} }, now).catch((e) => e);
      expect(err).toBeInstanceOf(InquiryError);
      expect(err.code).toBe('concurrent_change');
      expect((await inquiries.get(inquiry.id))!.state).toBe('claimed');
      expect(await inquiries.events(inquiry.id)).toHaveLength(2);
      expect((await inquiries.apply(999_999, 1, {}, received, now).catch((e) => e)).code).toBe('not_found');
    });
  });

  describe('when inquiries are listed', () => {
    it('filters by state and overdue, newest first', async () => {
      await inquiries.insertIfAbsent(newInquiry({ externalId: 'late', deadline: at('2026-11-20T10:00') }), received, now);
      await inquiries.insertIfAbsent(newInquiry({ externalId: 'unrouted', orgId: null, state: 'unrouted', deadline: null }), received, now);
      const overdue = await inquiries.list({ overdueAt: now });
      expect(overdue.map((i) => i.externalId)).toEqual(['late']);
      expect((await inquiries.list({ state: 'unrouted' })).map((i) => i.externalId)).toEqual(['unrouted']);
      const all = await inquiries.list({});
      expect(all.map((i) => i.id)).toEqual([...all.map((i) => i.id)].sort((a, b) => b - a));
    });
  });
});

describe('the embedded database (PGlite in a directory)', () => {
  it('keeps everything across a restart', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'svarstid-')), 'pglite');
    const first = await openDatabase({ dataDir: dir });
    const store = new DrizzleInquiryStore(first.db);
    await new DirectoryStore(first.db).applyOrganization('hofors', HOFORS_YAML, loadPolicyFile('policies/hofors.yaml'), now);
    const { inquiry } = await store.insertIfAbsent(newInquiry({ externalId: 'persist' }), received, now);
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const again = new DrizzleInquiryStore(second.db);
    expect(await again.get(inquiry.id)).toEqual(inquiry);
    expect(await again.events(inquiry.id)).toHaveLength(1);
    await second.close();
  });
});

describe.each(process.env.TEST_DATABASE_URL ? ['PostgreSQL'] : [])('migrations on %s', () => {
  it('are applied once when three instances start at the same moment (advisory lock)', async () => {
    const { freshPostgresUrl } = await import('../support/databases.js');
    const { url, drop } = await freshPostgresUrl();
    try {
      const dbs = await Promise.all([openDatabase({ url }), openDatabase({ url }), openDatabase({ url })]);
      const rows = await query(dbs[0]!.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const journal = JSON.parse(readFileSync('migrations/meta/_journal.json', 'utf8')) as { entries: unknown[] };
      expect(rows[0]!.n).toBe(journal.entries.length);
      await Promise.all(dbs.map((d) => d.close()));
    } finally {
      await drop();
    }
  });
});
