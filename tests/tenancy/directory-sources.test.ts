/**
 * Tenancy, the directory's `sources:`: which accounts a generic source may post for. Checked in the
 * file (names, accounts, platform channels) and, on applying, across the deployment (a source name
 * and a platform account belong to one organization).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { DirectoryError, DirectoryStore } from '../../src/db/directory-store.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile, PolicyError } from '../../src/policy/index.js';
import { DATABASES } from '../support/databases.js';

const file = (sources: string, accounts = '') => `organization: hofors
people:
  - { key: maria.ek, name: Maria Ek }
accounts:
  - { key: facebook, name: Hofors kommun, channel: facebook, external_id: "104000000000001", responsible: maria.ek }
  - { key: x, name: "@hoforskommun", channel: x, external_id: "1400000000000000001", responsible: maria.ek }
  - { key: blogg, name: Kommunbloggen, channel: blog, external_id: hofors-blogg, responsible: maria.ek }
${accounts}sources:
${sources}`;

function problems(text: string): string[] {
  try {
    parseDirectory(text, 'hofors.yaml');
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('the sources of a directory file', () => {
  it('binds a source to accounts of the file', () => {
    expect(parseDirectory(file('  - { name: hofors-blogg, accounts: [blogg] }\n'), 'hofors.yaml').sources).toEqual([{ name: 'hofors-blogg', accounts: ['blogg'] }]);
  });

  it('refuses a binding to a Facebook, Messenger, Instagram or X account, naming the field', () => {
    expect(problems(file('  - { name: hofors-blogg, accounts: [blogg, facebook, x] }\n'))).toEqual([
      'sources[0].accounts[1]: "facebook" is a facebook account: facebook messages come only through the platform\'s own webhook, never from a generic source',
      'sources[0].accounts[2]: "x" is a x account: x messages come only through the platform\'s own webhook, never from a generic source',
    ]);
  });

  it('refuses an account that is not in the file, a name given twice, and a name that is not one environment variable', () => {
    expect(problems(file('  - { name: hofors-blogg, accounts: [bloggen] }\n  - { name: hofors-blogg, accounts: [blogg] }\n  - { name: Hofors_Blogg, accounts: [blogg] }\n'))).toEqual([
      'sources[2].name: a source name is 1 to 64 lower case letters, digits and "-" (not at either end)',
    ]);
    expect(problems(file('  - { name: hofors-blogg, accounts: [bloggen] }\n  - { name: hofors-blogg, accounts: [blogg] }\n'))).toEqual([
      'sources[0].accounts[0]: "bloggen" is not among accounts',
      'sources[1].name: "hofors-blogg" appears twice',
    ]);
  });

  it('refuses a source bound to nothing, and two accounts with one platform id on one channel', () => {
    expect(problems(file('  - { name: hofors-blogg, accounts: [] }\n'))).toEqual(['sources[0].accounts: a source is bound to at least one account']);
    const twin = '  - { key: blogg2, name: Bloggen igen, channel: blog, external_id: hofors-blogg, responsible: maria.ek }\n';
    expect(problems(file('  - { name: hofors-blogg, accounts: [blogg] }\n', twin))).toEqual(['accounts[3].external_id: the blog account "hofors-blogg" is already accounts[2]']);
  });
});

describe.each(DATABASES)('applying sources across organizations, on $name', (db) => {
  let database: Database;
  let directory: DirectoryStore;
  const now = Date.parse('2026-11-25T08:00:00Z');
  const seed = (org: string) => parseDirectory(readFileSync(`directory/${org}.yaml`, 'utf8'), `directory/${org}.yaml`);
  beforeAll(async () => {
    database = await db.open();
    directory = new DirectoryStore(database.db);
    for (const org of ['hofors', 'arvidsjaur']) {
      await directory.applyOrganization(org, readFileSync(`policies/${org}.yaml`, 'utf8'), loadPolicyFile(`policies/${org}.yaml`), now);
      await directory.applyDirectory(seed(org));
    }
  });
  afterAll(() => database.close());

  it('stores each seed source with the accounts it serves', async () => {
    expect((await directory.sourceAccounts('hofors-blogg')).map((a) => [a.orgId, a.key, a.channel, a.externalId])).toEqual([['hofors', 'blogg', 'blog', 'hofors-blogg']]);
    expect((await directory.sourceAccounts('arvidsjaur-chatt')).map((a) => [a.orgId, a.key])).toEqual([['arvidsjaur', 'chatt']]);
    expect(await directory.sourceAccounts('gavle-blogg')).toEqual([]);
  });

  it('refuses a source name another organization has, naming it and its secret, and changes nothing', async () => {
    const arvidsjaur = seed('arvidsjaur');
    const stolen = { ...arvidsjaur, sources: [...arvidsjaur.sources, { name: 'hofors-blogg', accounts: ['blogg'] }] };
    const e = await directory.applyDirectory(stolen).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DirectoryError);
    expect((e as Error).message).toBe(
      'arvidsjaur: sources[2].name: "hofors-blogg" is already a source of organization hofors; a source name is unique in the deployment (its secret is SVARSTID_SOURCE_SECRET_HOFORS_BLOGG)',
    );
    expect((await directory.sourceAccounts('hofors-blogg')).map((a) => a.orgId)).toEqual(['hofors']);
    expect((await directory.sourceAccounts('arvidsjaur-blogg')).map((a) => a.key)).toEqual(['blogg']);
  });

  it('refuses another organization’s platform account, naming the field and its owner', async () => {
    const arvidsjaur = seed('arvidsjaur');
    const page = { key: 'fb', name: 'Falsk sida', channel: 'facebook' as const, external_id: '104000000000001', responsible: 'jonas.lundberg' };
    await expect(directory.applyDirectory({ ...arvidsjaur, accounts: [...arvidsjaur.accounts, page] })).rejects.toThrow(
      'arvidsjaur: accounts[3].external_id: the facebook account "104000000000001" belongs to organization hofors',
    );
    expect(await directory.routeAccount('facebook', '104000000000001')).toMatchObject({ orgId: 'hofors' });
  });

  it('refuses an account for another organization’s Instagram account’s direct messages: one Instagram account, one organization', async () => {
    const hofors = seed('hofors');
    const dms = { key: 'ig-dm', name: 'Falska DM', channel: 'instagram_dm' as const, external_id: '17841400000000001', responsible: 'erik.lind' };
    await expect(directory.applyDirectory({ ...hofors, accounts: [...hofors.accounts, dms] })).rejects.toThrow(
      `hofors: accounts[${hofors.accounts.length}].external_id: the instagram account "17841400000000001" belongs to organization arvidsjaur`,
    );
    expect(await directory.routeAccount('instagram_dm', '17841400000000001')).toBeUndefined();
  });
});
