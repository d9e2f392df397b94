/**
 * The one reader of the files the CLI and `serve` are given (policies, directories, the secrets
 * file): a regular file of at most 1 MiB — the largest real one is a few KB. Anything else (a
 * directory, /dev/zero, a FIFO, a 2 GB log given by mistake) is refused with a reason, never read
 * forever. The file is opened once and checked through its descriptor (fstat), and at most 1 MiB + 1
 * byte is read, so a file that grows after the check is refused too.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** Why a file could not be read: "no such file", "not a regular file", "larger than 1 MiB", … */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(readonly reason: string, readonly mode?: number) {
    super(reason);
  }
}

const WHY: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'is a directory, not a file', EACCES: 'permission denied', ENOTDIR: 'no such file (a part of the path is not a directory)' };

/** The file's text (UTF-8) and its mode bits. */
export function readConfigFile(path: string): { text: string; mode: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigFileError(WHY[code] ?? `cannot be opened (${code})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ConfigFileError(WHY.EISDIR!);
    if (!st.isFile()) throw new ConfigFileError('not a regular file');
    if (st.size > MAX_CONFIG_FILE_BYTES) throw new ConfigFileError('larger than 1 MiB');
    const buf = Buffer.alloc(MAX_CONFIG_FILE_BYTES + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > MAX_CONFIG_FILE_BYTES) throw new ConfigFileError('larger than 1 MiB');
    }
    return { text: buf.subarray(0, n).toString('utf8'), mode: st.mode };
  } catch (e) {
    if (e instanceof ConfigFileError) throw e;
    throw new ConfigFileError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}
