/**
 * One process per PGlite data directory (issue 11, item 9). PGlite is PostgreSQL in this process;
 * two processes on one directory hand out the same ids and overwrite each other's pages. So the
 * directory is locked with a lock file beside it (`<dir>.lock`, holding the pid), created
 * exclusively; a second process refuses to start, naming the directory and the pid that holds it.
 *
 * The lock file is written in full before it appears (a temporary file hard-linked into place: the
 * link fails if the lock exists), so nobody ever reads a half-written pid. A lock whose pid is no
 * longer running (a crash, a kill -9) is stale and taken over: renamed aside (atomic; of several
 * processes racing for it, one gets it), checked to still be that stale lock, and removed. The lock
 * is removed on close and when the process exits.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class DirectoryLockedError extends Error {
  override readonly name = 'DirectoryLockedError';
  /** a stable code: the CLI prints the message alone, exit code 1 */
  readonly code = 'data_directory_in_use';
  constructor(
    readonly directory: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the database directory ${directory} is in use by process ${pid} (another svarstid); stop that one first, or give this one another SVARSTID_DATA_DIR. ` +
        `If no process ${pid} is svarstid, remove ${lockFile}`,
    );
  }
}

export interface DirectoryLock {
  readonly file: string;
  release(): void;
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const ignoreMissing = (f: () => void): void => {
  try {
    f();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
};

/** Locks `directory` for this process, or throws DirectoryLockedError naming who holds it. */
export function lockDirectory(directory: string): DirectoryLock {
  const file = join(dirname(directory), `${basename(directory)}.lock`);
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const pid = holder(file);
      if (pid !== undefined && (pid === process.pid || running(pid))) throw new DirectoryLockedError(directory, pid, file);
      if (attempt >= 3) throw new DirectoryLockedError(directory, pid ?? 0, file);
      // stale (or unreadable): move it aside, and remove it only if it is still the stale one
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      if (holder(aside) !== pid) {
        // someone else's fresh lock: put it back (unless yet another one took the place) and let the loop judge it
        try {
          linkSync(aside, file);
        } catch (e) {
          if (!['ENOENT', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
        }
      }
      ignoreMissing(() => unlinkSync(aside));
    }
  } finally {
    ignoreMissing(() => unlinkSync(mine));
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    if (holder(file) === process.pid) ignoreMissing(() => unlinkSync(file));
  };
  process.on('exit', release);
  return { file, release };
}
