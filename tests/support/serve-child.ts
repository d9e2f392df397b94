/**
 * A real `svarstid serve` child process for the fault and log tests: every line it writes to stdout
 * and stderr is kept, and whether (and how) it exited.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { portOf, spawnServe } from './serve-process.js';

export interface ServedChild {
  readonly child: ChildProcessWithoutNullStreams;
  readonly base: string;
  /** every line written so far, stdout and stderr interleaved as they came */
  readonly lines: string[];
  /** null while it runs */
  exit(): { code: number | null; signal: string | null } | null;
  /** SIGTERM, then SIGKILL after 5 s; resolves when it has exited */
  stop(): Promise<void>;
}

export async function startServed(env: Record<string, string>, args: string[] = []): Promise<ServedChild> {
  const child = spawnServe(args, env);
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.on('data', (c: Buffer) => {
      const parts = (rest + c.toString('utf8')).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
    stream.on('end', () => rest && lines.push(rest));
  };
  collect(child.stdout);
  collect(child.stderr);
  let exited: { code: number | null; signal: string | null } | null = null;
  const done = new Promise<void>((r) => child.once('exit', (code, signal) => { exited = { code, signal }; r(); }));
  let port: number;
  try {
    port = await portOf(child);
  } catch (e) {
    await done;
    throw new Error(`${(e as Error).message}:\n${lines.join('\n')}`);
  }
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    lines,
    exit: () => exited,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}
