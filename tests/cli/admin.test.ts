import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { portOf, spawnServe } from '../support/serve-process.js';

const exec = promisify(execFile);
const svarstid = (args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> =>
  exec('node', ['bin/svarstid.js', ...args], { env: { ...process.env, DATABASE_URL: '', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );

describe('svarstid org apply and directory apply', () => {
  const env = { SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-admin-')) };

  it('refuses a directory for an organization that has no policy yet', async () => {
    const r = await svarstid(['directory', 'apply', 'directory/hofors.yaml'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no organization "hofors": apply its policy first \(svarstid org apply policies\/hofors.yaml\)/);
  });

  it('applies a policy, and applying it again reports it unchanged', async () => {
    expect((await svarstid(['org', 'apply', 'policies/hofors.yaml'], env)).stdout).toBe('policies/hofors.yaml: organization hofors applied\n');
    expect((await svarstid(['org', 'apply', 'policies/hofors.yaml'], env)).stdout).toBe('policies/hofors.yaml: organization hofors unchanged\n');
  });

  it('applies a directory idempotently', async () => {
    expect((await svarstid(['directory', 'apply', 'directory/hofors.yaml'], env)).stdout).toBe(
      'directory/hofors.yaml: hofors: people 3 new, 0 changed, 0 deactivated; accounts 5 new, 0 changed, 0 deactivated\n',
    );
    expect((await svarstid(['directory', 'apply', 'directory/hofors.yaml'], env)).stdout).toBe(
      'directory/hofors.yaml: hofors: people 0 new, 0 changed, 0 deactivated; accounts 0 new, 0 changed, 0 deactivated\n',
    );
  });

  it('names the file and the field of an invalid directory, and writes nothing', async () => {
    const file = join(env.SVARSTID_DATA_DIR, 'bad.yaml');
    writeFileSync(file, 'organization: hofors\npeople:\n  - { key: eva, name: Eva }\naccounts:\n  - { key: fb, name: FB, channel: facebok, external_id: "1", responsible: ingen }\n');
    const r = await svarstid(['directory', 'apply', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: invalid directory`);
    expect(r.stderr).toContain('accounts[0].channel: channel must be one of: facebook');
  });
});

describe('npm start with webhook secrets', () => {
  it('accepts a signed generic webhook and shows the inquiry, with its deadline, in the API', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'svarstid-start-'));
    const child = spawnServe(['--directory', 'tests/fixtures/directory'], { SVARSTID_DATA_DIR: dataDir, SVARSTID_API_TOKEN: 'token-1', SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: 'hemligt' });
    try {
      const port = await portOf(child);
      const body = JSON.stringify({ account: 'hofors-bloggen', external_id: 'k-1', author: 'Anna', text: 'När öppnar badhuset?', received_at: '2026-11-27T14:30:00+01:00' });
      const posted = await fetch(`http://127.0.0.1:${port}/webhooks/generic`, {
        method: 'POST', body, headers: { 'content-type': 'application/json', ...signGeneric(body, 'hemligt', Math.floor(Date.now() / 1000), 'hofors-blogg') },
      });
      expect(await posted.json()).toMatchObject({ received: 1 });
      const list = await (await fetch(`http://127.0.0.1:${port}/api/inquiries`, { headers: { authorization: 'Bearer token-1' } })).json();
      // Fri 2026-11-27 14:30 + 1 working day (Hofors: Fridays 08–12, 13–15) = Mon 30 Nov 14:30 CET
      expect(list.inquiries).toMatchObject([{ external_id: 'k-1', organization: 'hofors', deadline: '2026-11-30T13:30:00.000Z' }]);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
