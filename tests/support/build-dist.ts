/**
 * vitest globalSetup: the tests that run `node bin/svarstid.js` (tests/cli, the serve-process and
 * data-directory tests) run the compiled build in dist/, as `npm start` does. It is rebuilt
 * (`npm run build`) when any source is newer than the build's last output, so those tests never
 * run stale code; `npm ci` (CI) has just built it, and then nothing is rebuilt.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const STAMP = join(ROOT, 'dist', 'swedish-days.json');

function newestSource(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return /\.(ts|mjs|json)$/.test(path) ? s.mtimeMs : 0;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

export default function setup(): void {
  const sources = Math.max(...['src', 'adapters', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) => newestSource(join(ROOT, p))));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
