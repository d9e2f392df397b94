/**
 * A PostgreSQL cluster of the test's own, for tests that stop and start the server (the shared one
 * at 127.0.0.1:5432 must never be restarted: other suites run on it). initdb in a temp directory,
 * on a free port, on 127.0.0.1 only; run as the `postgres` OS user when the tests run as root
 * (initdb refuses root). Always `destroy()` it: stopped (immediately) and its directory removed; a
 * process exit also stops it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly port: number;
  /** a URL for database `name` on this cluster */
  urlOf(name: string): string;
  /** pg_ctl stop -m fast: every connection is terminated (57P01), then the server is gone */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** The PostgreSQL server binaries (pg_config --bindir, else the newest /usr/lib/postgresql/N/bin). */
export function postgresBinaries(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    /* no pg_config on the PATH */
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) found: install postgresql or put pg_config on the PATH');
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinaries();
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  const group = asRoot ? Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'svarstid-pg-'));
  if (owner !== undefined) chownSync(dir, owner, group!);
  const data = join(dir, 'data');
  const command = (tool: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args]);
  const pgCtl = (args: string[]) => command('pg_ctl', ['-D', data, ...args]);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
  let running = false;
  const stopNow = () => {
    if (!running) return;
    try {
      execFileSync(...pgCtl(['-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    } catch {
      /* already stopped */
    }
    running = false;
  };
  process.once('exit', stopNow);
  const cluster: PrivateCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    urlOf: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    stop: async () => {
      await run(...pgCtl(['-m', 'fast', '-w', 'stop']));
      running = false;
    },
    start: async () => {
      await run(...pgCtl(['-w', '-l', join(dir, 'log'), '-o', options, 'start']));
      running = true;
    },
    destroy: async () => {
      process.removeListener('exit', stopNow);
      stopNow();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await run(...command('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']));
    await cluster.start();
  } catch (e) {
    await cluster.destroy();
    throw e;
  }
  return cluster;
}
