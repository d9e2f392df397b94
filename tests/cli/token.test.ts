/**
 * svarstid token create | list | rotate | revoke: each organization's REST API tokens, kept hashed,
 * shown once. In process on PGlite, and once end to end with the real bin and `npm start`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPolicyFile } from '../../src/admin/apply.js';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand, tokenRotateCommand } from '../../src/cli/token-commands.js';
import type { CliContext } from '../../src/cli/report-command.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { apiTokens } from '../../src/db/schema.js';
import { PolicyRegistry } from '../../src/policy/registry.js';
import { portOf, spawnServe } from '../support/serve-process.js';

const TOKEN_LINE = /^svarstid_[A-Za-z0-9_-]{43}\n$/;

function io() {
  const out = { stdout: '', stderr: '' };
  const sink = (k: 'stdout' | 'stderr') => new Writable({ write: (c, _e, done) => ((out[k] += String(c)), done()) });
  return { io: { stdout: sink('stdout'), stderr: sink('stderr'), stdin: process.stdin }, out };
}

describe('svarstid token, in process', () => {
  let database: Database;
  let ctx: CliContext;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    const admin = { directory: new DirectoryStore(database.db), policies: new PolicyRegistry(), now: () => Date.parse('2026-11-25T08:00:00Z') };
    await applyPolicyFile(admin, 'policies/hofors.yaml');
    await applyPolicyFile(admin, 'policies/nassjo.yaml');
    ctx = { open: async () => ({ ...database, close: async () => {} }), now: () => Date.parse('2026-11-25T08:00:00Z') };
  });
  afterAll(() => database.close());

  it('create prints the token alone on stdout, once, and keeps only its SHA-256', async () => {
    const c = io();
    await tokenCreateCommand({ org: 'hofors', name: 'intranät' }, c.io, ctx);
    expect(c.out.stdout).toMatch(TOKEN_LINE);
    expect(c.out.stderr).toBe('created token 1 (organization hofors, "intranät"); the token is shown only now: keep it in a password manager\n');
    const token = c.out.stdout.trim();
    const rows = await database.db.select().from(apiTokens);
    expect(rows).toMatchObject([{ id: 1, orgId: 'hofors', name: 'intranät', hash: createHash('sha256').update(token).digest('hex'), revokedAt: null }]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('create --admin makes a deployment-admin token; both or neither of --org and --admin, or an unknown organization, is an error', async () => {
    const c = io();
    await tokenCreateCommand({ admin: true }, c.io, ctx);
    expect(c.out.stdout).toMatch(TOKEN_LINE);
    expect(c.out.stderr).toContain('created token 2 (deployment admin, "admin")');
    await expect(tokenCreateCommand({}, io().io, ctx)).rejects.toThrow('give either --org KEY (a token of that organization) or --admin');
    await expect(tokenCreateCommand({ org: 'hofors', admin: true }, io().io, ctx)).rejects.toThrow('give either --org KEY');
    await expect(tokenCreateCommand({ org: 'gavle' }, io().io, ctx)).rejects.toThrow('--org: no organization "gavle"; known: hofors, nassjo');
    await expect(tokenCreateCommand({ org: 'hofors', name: '' }, io().io, ctx)).rejects.toThrow('--name: "" is not a token name');
  });

  it('list shows ids, organizations and names, never a token', async () => {
    const c = io();
    await tokenListCommand({}, c.io, ctx);
    expect(c.out.stdout).toBe(
      'id  organization  name      created                   state\n' +
        '1   hofors        intranät  2026-11-25T08:00:00.000Z  active\n' +
        '2   (admin)       admin     2026-11-25T08:00:00.000Z  active\n',
    );
    const j = io();
    await tokenListCommand({ org: 'hofors', format: 'json' }, j.io, ctx);
    expect(JSON.parse(j.out.stdout)).toEqual([{ id: 1, organization: 'hofors', admin: false, name: 'intranät', created_at: '2026-11-25T08:00:00.000Z', revoked_at: null }]);
  });

  it('rotate gives a new token in place of the old, which is revoked; revoke stops a token, and says so twice', async () => {
    const c = io();
    await tokenRotateCommand('1', c.io, ctx);
    expect(c.out.stdout).toMatch(TOKEN_LINE);
    expect(c.out.stderr).toContain('created token 3 (organization hofors, "intranät") in place of token 1, which no longer works');
    const r = io();
    await tokenRevokeCommand('3', r.io, ctx);
    expect(r.out.stdout).toBe('revoked token 3 (organization hofors, "intranät")\n');
    await expect(tokenRevokeCommand('3', io().io, ctx)).rejects.toThrow('token 3 was already revoked at 2026-11-25T08:00:00.000Z');
    await expect(tokenRotateCommand('1', io().io, ctx)).rejects.toThrow('token 1 was already revoked');
    await expect(tokenRevokeCommand('99', io().io, ctx)).rejects.toThrow('no token 99; svarstid token list shows them');
    await expect(tokenRevokeCommand('abc', io().io, ctx)).rejects.toThrow('"abc" is not a token id');
    const rows = await database.db.select().from(apiTokens);
    expect(rows.filter((t) => t.revokedAt === null).map((t) => t.id)).toEqual([2]);
  });
});

const exec = promisify(execFile);
const svarstid = (args: string[], env: Record<string, string>) =>
  exec('node', ['bin/svarstid.js', ...args], { env: { ...process.env, DATABASE_URL: '', SVARSTID_API_TOKEN: '', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );

describe('svarstid token with npm start', () => {
  it('an organization token made by the CLI reads its organization in the running service; no token file is generated; a legacy one still works as admin', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'svarstid-token-'));
    const env = { SVARSTID_DATA_DIR: dataDir };
    await svarstid(['org', 'apply', 'policies/hofors.yaml', 'policies/nassjo.yaml'], env);
    const made = await svarstid(['token', 'create', '--org', 'nassjo'], env);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(TOKEN_LINE);
    writeFileSync(join(dataDir, 'api-token'), 'legacy-token-from-an-earlier-version\n', { mode: 0o600 });
    const child = spawnServe([], env);
    try {
      const port = await portOf(child);
      const get = (path: string, token: string) => fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({ status: r.status, body: await r.json() }));
      expect(await get('/health', made.stdout.trim())).toMatchObject({ status: 200, body: { organizations: ['nassjo'] } });
      expect(await get('/api/inquiries', made.stdout.trim())).toEqual({ status: 200, body: { inquiries: [] } });
      expect((await get('/health', 'legacy-token-from-an-earlier-version')).body.organizations).toEqual(['arvidsjaur', 'hofors', 'hultsfred', 'nassjo', 'region-gotland']);
      expect((await get('/api/inquiries', 'nope')).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
    const fresh = mkdtempSync(join(tmpdir(), 'svarstid-token-'));
    await svarstid(['org', 'apply', 'policies/hofors.yaml'], { SVARSTID_DATA_DIR: fresh });
    expect(existsSync(join(fresh, 'api-token'))).toBe(false);
    // five processes each opening an embedded database: generous under a loaded full suite
  }, 240_000);
});
