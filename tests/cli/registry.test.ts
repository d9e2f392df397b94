/**
 * svarstid registry: every account with channel, address, responsible, substitute and manager, as
 * HTML (escaped, Swedish headings), CSV and JSON, on both databases; bad options name the option.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { registryCommand } from '../../src/cli/registry-command.js';
import type { Database } from '../../src/db/connection.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { accounts } from '../../src/db/schema.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';

const exec = promisify(execFile);

function capture(): { io: CliIo; out: () => string } {
  const stdout = new PassThrough();
  let o = '';
  stdout.on('data', (c) => (o += String(c)));
  return { io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, out: () => o };
}

describe.each(DATABASES)('svarstid registry on $name', (target) => {
  let database: Database;
  const run = async (opts: { org?: string; format?: string }) => {
    const c = capture();
    await registryCommand(opts, c.io, { open: async () => ({ ...database, close: async () => {} }) });
    return c.out();
  };
  beforeAll(async () => {
    database = await target.open();
    const directory = new DirectoryStore(database.db);
    for (const org of ['hofors', 'nassjo']) {
      await directory.applyOrganization(org, readFileSync(`policies/${org}.yaml`, 'utf8'), loadPolicyFile(`policies/${org}.yaml`), at('2026-11-23T09:00'));
      await directory.applyDirectory(parseDirectory(readFileSync(`directory/${org}.yaml`, 'utf8'), org));
    }
    // a name with the characters HTML gives meaning to
    await database.db.update(accounts).set({ name: 'Kommunbloggen <b>"Hofors & co"</b>' }).where(eq(accounts.key, 'blogg'));
  });
  afterAll(() => database.close());

  it('json: every active account of the organization with its people', async () => {
    const rows = JSON.parse(await run({ org: 'hofors', format: 'json' }));
    expect(rows).toHaveLength(5);
    expect(rows.find((r: any) => r.key === 'facebook')).toEqual({
      organization: 'Hofors kommun', account: 'Hofors kommun', key: 'facebook', channel: 'facebook', address: 'https://www.facebook.com/hoforskommun', responsible: 'Erik Lind', substitute: 'Maria Ek', manager: 'Anna Berg',
    });
    expect(rows.every((r: any) => r.organization === 'Hofors kommun')).toBe(true);
  });

  it('html: Swedish headings, every value escaped, http(s) addresses as links', async () => {
    const html = await run({ org: 'hofors' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain('<title>Kontoförteckning för Hofors kommun</title>');
    expect(html).toContain('<th scope="col">Kontoansvarig</th><th scope="col">Ersättare</th><th scope="col">Chef</th>');
    expect(html).toContain('<td>Kommunbloggen &lt;b&gt;&quot;Hofors &amp; co&quot;&lt;/b&gt;</td>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<a href="https://x.com/hoforskommun">https://x.com/hoforskommun</a>');
  });

  it('csv: a BOM, the headings, quoted fields where needed; every organization without --org', async () => {
    const csv = await run({ format: 'csv' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFOrganisation,Konto,Kanal,Adress,Kontoansvarig,Ersättare,Chef');
    expect(lines).toContain('Hofors kommun,Hofors kommun,Facebook,https://www.facebook.com/hoforskommun,Erik Lind,Maria Ek,Anna Berg');
    expect(lines.some((l) => l.startsWith('Hofors kommun,"Kommunbloggen <b>""Hofors & co""</b>"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Nässjö kommun,'))).toBe(true);
  });

  it('an unknown organization is an error naming --org', async () => {
    await expect(run({ org: 'atlantis' })).rejects.toThrow(/--org: no organization "atlantis"/);
  });
});

describe('svarstid registry on the command line', () => {
  it('a format it does not know names --format, exit code 1 or 2', async () => {
    const r = await exec('node', ['bin/svarstid.js', 'registry', '--format', 'pdf'], { env: { ...process.env, DATABASE_URL: '', SVARSTID_DATA_DIR: '/nonexistent/never-opened' } }).then(
      (x) => ({ code: 0, ...x }),
      (e) => e as { code: number; stdout: string; stderr: string },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--format: "pdf" is not a format; use html, csv, json');
  });
});
