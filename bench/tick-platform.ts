/**
 * The fake chat platform for the tick benchmark, in a process of its own (as a real platform is not
 * in the instance's event loop): tests/fakes/notifier-server.ts on 127.0.0.1, controlled over its
 * /control and /stats endpoints. Run as a script it starts the server and prints its URL; it exits
 * when its stdin closes (when the benchmark ends, however it ends).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NotifierServer, type Control } from '../tests/fakes/notifier-server.js';

export interface Platform {
  readonly deliveriesUrl: string;
  control(c: Control): Promise<void>;
  stats(): Promise<ReturnType<NotifierServer['stats']>>;
  close(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fake platform exited (${code}) before it started`)));
  });
  const { url } = JSON.parse(first) as { url: string };
  return {
    deliveriesUrl: `${url}/deliveries`,
    control: async (c) => {
      const res = await fetch(`${url}/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
      if (!res.ok) throw new Error(`control: ${res.status}`);
      await res.text();
    },
    stats: async () => (await fetch(`${url}/stats`)).json() as Promise<ReturnType<NotifierServer['stats']>>,
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await NotifierServer.start();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}
