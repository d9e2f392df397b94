/**
 * The data directory holds citizens' messages: only svarstid's own user may read it (issue 11,
 * item 12). Whatever the umask, the directory is 0700 and what is in it 0700 (directories) or 0600
 * (files):
 *
 *   - what is already there is made so when the directory is opened;
 *   - the process's umask becomes 077, for what is created later;
 *   - PGlite's file system layer (Emscripten's NODEFS) sets modes itself after creating a file (0666
 *     for the files of its initial database, 0644 for some it writes later), which no umask limits:
 *     `chmod` of a path inside a private directory is limited to the owner's bits.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve, sep } from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const roots = new Set<string>();

function inPrivateDirectory(path: unknown): boolean {
  if (roots.size === 0) return false;
  const p = typeof path === 'string' ? path : Buffer.isBuffer(path) ? path.toString() : path instanceof URL ? path.pathname : undefined;
  if (p === undefined) return false;
  const abs = resolve(p);
  for (const root of roots) if (abs === root || abs.startsWith(root + sep)) return true;
  return false;
}

let limited = false;
/** `chmod` under a private directory keeps the owner's bits only (the same fs object Emscripten's NODEFS calls). */
function limitChmod(): void {
  if (limited) return;
  limited = true;
  const fs = createRequire(import.meta.url)('node:fs') as { chmodSync: (path: unknown, mode: unknown) => void };
  const chmod = fs.chmodSync;
  fs.chmodSync = (path, mode) => {
    const m = typeof mode === 'string' ? parseInt(mode, 8) : mode;
    chmod(path, typeof m === 'number' && inPrivateDirectory(path) ? m & 0o700 : mode);
  };
}

function tighten(path: string): void {
  const s = lstatSync(path);
  if (s.isSymbolicLink()) return;
  if (s.isDirectory()) {
    if ((s.mode & 0o777) !== PRIVATE_DIRECTORY_MODE) chmodSync(path, PRIVATE_DIRECTORY_MODE);
    for (const name of readdirSync(path)) tighten(resolve(path, name));
  } else if ((s.mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Creates `dir` (and missing parents) private, makes what it already holds private, and keeps it so. */
export function makePrivateDirectory(dir: string): void {
  try {
    process.umask(0o077);
  } catch {
    /* a worker thread may not set the umask; chmod below and limitChmod still hold */
  }
  const abs = resolve(dir);
  mkdirSync(abs, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  tighten(abs);
  roots.add(abs);
  limitChmod();
}
