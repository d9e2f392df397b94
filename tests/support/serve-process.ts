/** Runs `svarstid serve` as a real child process (what `npm start` runs) and waits for its port. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export function spawnServe(args: string[], env: Record<string, string>, nodeArgs: readonly string[] = []): ChildProcessWithoutNullStreams {
  return spawn('node', [...nodeArgs, 'bin/svarstid.js', 'serve', '--port', '0', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '', ...env } });
}

/** The port from the "svarstid is running" log line; rejects if the process exits first. */
export function portOf(child: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.includes('svarstid is running'));
      if (line) resolve(JSON.parse(line).port);
    });
    child.once('exit', (code) => reject(new Error(`svarstid serve exited with ${code}`)));
  });
}
