/**
 * The folder of svarstid's package.json: where `migrations/` and package.json are, whether this
 * module runs as TypeScript from `src/` (tsx, tests) or compiled from `dist/src/` (npm start, the
 * `svarstid` command).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`svarstid: no package.json with migrations/ above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot();
