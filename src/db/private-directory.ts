/**
 * The data directory holds citizens' messages: only svarstid's own user may read it (issue 11,
 * item 12). Whatever the umask, the directory is 0700 and what is in it 0700 (directories) or 0600
 * (files), and the process's umask becomes 077 so that what the embedded database (and svarstid)
 * creates later is private too.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

function tighten(path: string): void {
  const s = lstatSync(path);
  if (s.isSymbolicLink()) return;
  if (s.isDirectory()) {
    if ((s.mode & 0o777) !== PRIVATE_DIRECTORY_MODE) chmodSync(path, PRIVATE_DIRECTORY_MODE);
    for (const name of readdirSync(path)) tighten(join(path, name));
  } else if ((s.mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Creates `dir` (and missing parents) private, makes what it already holds private, and sets the umask to 077. */
export function makePrivateDirectory(dir: string): void {
  try {
    process.umask(0o077);
  } catch {
    /* a worker thread may not set the umask; the modes below still hold for what exists */
  }
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  tighten(dir);
}
