/**
 * The CLI bundle the build writes (dist/bundle/, scripts/bundle-cli.mjs): what bin/svarstid.js runs,
 * with the right answers, in a dozen files instead of ~250 modules, and every command still lazy:
 * `deadline` loads no database driver, `serve` no chat SDK that is not configured.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { portOf, spawnServe } from '../support/serve-process.js';

const exec = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const TRACE = ['--import', './tests/support/trace-modules.mjs'];
const DEADLINE = ['deadline', '--policy', 'policies/hofors.yaml', '--channel', 'facebook', '--at', '2026-11-25T09:14:00+01:00'];

function traceFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'svarstid-trace-')), 'modules.txt');
}

/** the repository's files and packages among the modules a traced process imported */
function loaded(file: string): { own: string[]; packages: Set<string> } {
  const urls = [...new Set(readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('file:')))];
  const paths = urls.map((u) => new URL(u).pathname);
  const packages = new Set(paths.flatMap((p) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1] ?? []));
  return { own: paths.filter((p) => p.startsWith(`${ROOT}/`) && !p.includes('/node_modules/')).map((p) => p.slice(ROOT.length + 1)), packages };
}

describe('the CLI bundle (dist/bundle/)', () => {
  it('is there (the tests build dist/ first) and answers a deadline when imported on its own', async () => {
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'cli.js'))).toBe(true);
    const script = "const cli = await import('./dist/bundle/cli.js'); await cli.run(['node', 'svarstid', ...process.argv.slice(1)]);";
    const { stdout } = await exec('node', ['--input-type=module', '-e', script, ...DEADLINE], { cwd: ROOT });
    // Wed 09:14 + 1 working day (Hofors: facebook 1 working day) = Thu 09:14
    expect(stdout).toBe('2026-11-26T09:14:00+01:00\n');
  });

  it('is what bin/svarstid.js runs: deadline loads a dozen bundle files, no dist/src module and no bundled package from node_modules', async () => {
    const trace = traceFile();
    const { stdout } = await exec('node', [...TRACE, 'bin/svarstid.js', ...DEADLINE], { cwd: ROOT, env: { ...process.env, SVARSTID_TRACE_MODULES: trace } });
    expect(stdout).toBe('2026-11-26T09:14:00+01:00\n');
    const { own, packages } = loaded(trace);
    expect(own.filter((p) => !p.startsWith('dist/bundle/'))).toEqual(['bin/svarstid.js']);
    expect(own.length).toBeLessThan(20);
    expect([...packages]).toEqual([]);
  });

  it('serves on the embedded database without loading a chat SDK, chart rendering or the PostgreSQL driver', async () => {
    const trace = traceFile();
    const child = spawnServe([], { SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-bundle-')), SVARSTID_TRACE_MODULES: trace }, TRACE);
    try {
      const port = await portOf(child);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const { own, packages } = loaded(trace);
    expect(own.filter((p) => p.startsWith('dist/src/'))).toEqual([]);
    expect(packages).toContain('@electric-sql/pglite');
    for (const sdk of ['@slack/bolt', 'botbuilder', 'chart.js', '@napi-rs/canvas', 'pg']) expect(packages, sdk).not.toContain(sdk);
  });
});
