/**
 * The embedded database's data directory (issue 11, items 9 and 12): one process at a time, and
 * readable by svarstid's own user only, whatever the umask. With real `svarstid serve` processes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericDelivery, runLoad } from '../support/delivery-load.js';
import { startServed } from '../support/serve-child.js';

const SECRET = 'lock-secret';
const envFor = (dataDir: string) => ({ SVARSTID_DATA_DIR: dataDir, SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: SECRET, SVARSTID_API_TOKEN: 'lock-token' });

/** `svarstid serve` that is expected to exit: its exit code and stderr. */
function serveToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('node', ['bin/svarstid.js', 'serve', '--port', '0'], { env: { ...process.env, DATABASE_URL: '', ...env } });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.resume();
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const modes = (dir: string): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  const walk = (p: string) => {
    const s = statSync(p);
    out.push([p, (s.mode & 0o777).toString(8)]);
    if (s.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(dir);
  return out;
};

describe('a PGlite data directory', () => {
  describe('when a second svarstid serve starts on it', () => {
    it('refuses to start, naming the directory and the pid holding it; the first goes on, nothing acknowledged is lost', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'svarstid-lock-'));
      const first = await startServed(envFor(dataDir));
      try {
        const second = await serveToExit(envFor(dataDir));
        expect(second.code).toBe(1);
        expect(second.stderr).toContain(`svarstid: the database directory ${join(dataDir, 'pglite')} is in use by process ${first.child.pid} (another svarstid)`);
        const list = Array.from({ length: 20 }, (_, k) => genericDelivery([{ externalId: `lock-${k}` }], 'hofors-blogg'));
        let i = 0;
        const outcomes = await runLoad(4, () => list[i++], { base: first.base, secret: SECRET });
        expect(outcomes.every((o) => o.acknowledged)).toBe(true);
      } finally {
        await first.stop();
      }
      // stopped, it gave the directory up: the next one starts and finds all 20
      const again = await startServed(envFor(dataDir));
      try {
        const api = await (await fetch(`${again.base}/api/inquiries?limit=100`, { headers: { authorization: 'Bearer lock-token' } })).json();
        expect(api.inquiries).toHaveLength(20);
      } finally {
        await again.stop();
      }
    });
  });

  describe('when the lock was left by a process that is gone (killed, crashed)', () => {
    it('takes it over and starts', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'svarstid-stale-'));
      const dead = spawnSync('node', ['-e', '']).pid!;
      writeFileSync(join(dataDir, 'pglite.lock'), `${dead}\n`);
      const served = await startServed(envFor(dataDir));
      try {
        expect(readFileSync(join(dataDir, 'pglite.lock'), 'utf8').trim()).toBe(String(served.child.pid));
      } finally {
        await served.stop();
      }
    });
  });

  describe('when svarstid serve runs with umask 022', () => {
    it('creates the data directory 0700 and every file in it 0600', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'svarstid-modes-'));
      const dataDir = join(parent, 'data');
      const child = spawn('sh', ['-c', 'umask 022 && exec node bin/svarstid.js serve --port 0'], { env: { ...process.env, DATABASE_URL: '', SVARSTID_DATA_DIR: dataDir } });
      child.stderr.resume();
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c) => ((out += c), out.includes('svarstid is running') && resolve()));
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const notPrivate = () => modes(dataDir).filter(([p, m]) => m !== (statSync(p).isDirectory() ? '700' : '600'));
      // while it runs
      expect(modes(dataDir).length).toBeGreaterThan(100); // the database's files
      expect(notPrivate()).toEqual([]);
      // and after it stopped (what it wrote at the end)
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      expect(notPrivate()).toEqual([]);
    });
  });
});
