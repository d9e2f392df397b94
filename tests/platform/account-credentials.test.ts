/** Accounts name where their platform credential is; the directory validates it, the store keeps only the reference. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { accounts } from '../../src/db/schema.js';
import { PolicyError } from '../../src/policy/errors.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { accountCredentials } from '../../src/platform/account-credentials.js';
import { credentialSource } from '../../src/platform/credentials.js';
import { applyPolicyFile } from '../../src/admin/apply.js';
import { PolicyRegistry } from '../../src/policy/registry.js';
import { DATABASES } from '../support/databases.js';

const DIRECTORY = `
organization: hofors
people:
  - { key: erik.lind, name: Erik Lind, title: Kommunikatör }
accounts:
  - { key: facebook, name: Hofors kommun, channel: facebook, external_id: "104000000000001", responsible: erik.lind, credentials: { env: HOFORS_FACEBOOK_TOKEN } }
  - { key: x, name: "@hoforskommun", channel: x, external_id: "1400000000000000001", responsible: erik.lind, credentials: { secrets: hofors-x } }
  - { key: blogg, name: Bloggen, channel: blog, external_id: hofors-blogg, responsible: erik.lind }
`;

describe('account credentials in the directory', () => {
  const refusal = (text: string): string => {
    try {
      parseDirectory(text, 'directory/hofors.yaml');
    } catch (x) {
      expect(x).toBeInstanceOf(PolicyError);
      return (x as PolicyError).message;
    }
    throw new Error('the directory was accepted');
  };

  it('a blog account cannot carry platform credentials', () => {
    expect(refusal(DIRECTORY.replace('responsible: erik.lind }\n', 'responsible: erik.lind, credentials: { env: BLOGG } }\n'))).toContain('accounts[2].credentials: a blog account has no platform API');
  });

  it('a reference is an environment variable name or a secrets file entry, nothing else', () => {
    expect(refusal(DIRECTORY.replace('{ env: HOFORS_FACEBOOK_TOKEN }', '{ env: "lower case" }'))).toContain('accounts[0].credentials');
    expect(refusal(DIRECTORY.replace('{ env: HOFORS_FACEBOOK_TOKEN }', '{ token: EAAG-in-the-file }'))).toContain('accounts[0].credentials');
  });

  it('resolves a facebook page token from the environment and an X credential from the secrets file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-creds-'));
    const file = join(dir, 'secrets.yaml');
    writeFileSync(file, 'hofors-x: { access_token: "1400-t", access_token_secret: "s" }\n');
    chmodSync(file, 0o600);
    const creds = accountCredentials(credentialSource({ HOFORS_FACEBOOK_TOKEN: 'EAAG-page' }, file));
    const fb = creds.lookup({ channel: 'facebook', credentialsRef: { env: 'HOFORS_FACEBOOK_TOKEN' } });
    expect(fb.ok && fb.credential.kind === 'meta' && fb.credential.pageToken.reveal()).toBe('EAAG-page');
    const x = creds.lookup({ channel: 'x', credentialsRef: { secrets: 'hofors-x' } });
    expect(x.ok && x.credential.kind === 'x' && x.credential.accessToken.reveal()).toBe('1400-t');
    expect(creds.lookup({ channel: 'facebook', credentialsRef: { env: 'UNSET' } })).toMatchObject({ ok: false, reason: 'not_set', message: 'environment variable UNSET is not set' });
    expect(creds.lookup({ channel: 'messenger', credentialsRef: null })).toMatchObject({ ok: false, reason: 'no_reference' });
  });

  it('svarstid serve refuses to start with a secrets file others can read, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-creds-'));
    const file = join(dir, 'secrets.yaml');
    writeFileSync(file, 'a: b\n');
    chmodSync(file, 0o644);
    const r = await promisify(execFile)('node', ['bin/svarstid.js', 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: '', SVARSTID_DATA_DIR: join(dir, 'data'), SVARSTID_SECRETS_FILE: file } }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: the secrets file is readable by others (mode 644); chmod 600 it`);
  }, 60_000);

  for (const target of DATABASES) {
    it(`keeps only the reference, never a value, in the accounts table (${target.name})`, async () => {
      const database = await target.open();
      try {
        const store = new DirectoryStore(database.db);
        await applyPolicyFile({ directory: store, policies: new PolicyRegistry(), now: () => Date.parse('2026-12-01T09:00:00+01:00') }, 'policies/hofors.yaml');
        await store.applyDirectory(parseDirectory(DIRECTORY, 'directory/hofors.yaml'));
        const rows = await database.db.select({ key: accounts.key, ref: accounts.credentialsRef }).from(accounts).where(eq(accounts.orgId, 'hofors')).orderBy(accounts.key);
        expect(rows).toEqual([
          { key: 'blogg', ref: null },
          { key: 'facebook', ref: { env: 'HOFORS_FACEBOOK_TOKEN' } },
          { key: 'x', ref: { secrets: 'hofors-x' } },
        ]);
        const again = await store.applyDirectory(parseDirectory(DIRECTORY.replace('{ secrets: hofors-x }', '{ secrets: hofors-x-2 }'), 'directory/hofors.yaml'));
        expect(again.accounts.updated).toBe(1);
      } finally {
        await database.close();
      }
    });
  }
});
