/** svarstid serve: loads every policy in a folder (all must be valid) and runs the HTTP server. */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pino } from 'pino';
import { createHttpServer } from '../http/server.js';
import { loadPolicyFile, type Policy } from '../policy/index.js';
import { CliError } from './errors.js';

export interface ServeOptions {
  policies: string;
  port: string;
}

export function loadPolicyFolder(dir: string): Map<string, Policy> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new CliError(`cannot read the policy folder ${dir}`);
  }
  if (files.length === 0) throw new CliError(`no policy files (*.yaml) in ${dir}`);
  // loadPolicyFile throws PolicyError naming file and field: nothing starts with an invalid policy
  return new Map(files.map((f) => [basename(f).replace(/\.ya?ml$/, ''), loadPolicyFile(join(dir, f))]));
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: "${opts.port}" is not a port number`);
  const logger = pino({ name: 'svarstid' });
  const policies = loadPolicyFolder(opts.policies);
  const server = createHttpServer({ policies, logger });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  const address = server.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : port, organizations: [...policies.keys()] }, 'svarstid is running');
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
