/** svarstid serve: opens the database, applies the policy and directory folders, runs the HTTP server. */
import { createLogger } from '../log/index.js';
import { applyFolders } from '../admin/apply.js';
import { appFromEnv } from '../main.js';
import { systemClock } from '../app.js';
import { CliError } from './errors.js';
import { startScheduler } from '../reminders/scheduler.js';
import { installLastResort } from './last-resort.js';
import { waitForDatabase } from './wait-for-database.js';

export interface ServeOptions {
  policies: string;
  directory: string;
  port: string;
}

export async function serveCommand(opts: ServeOptions): Promise<void> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: "${opts.port}" is not a port number`);
  const logger = createLogger();
  // a database that is not there yet is waited for, not a reason to exit (wait-for-database.ts)
  const app = await waitForDatabase(() => appFromEnv(process.env, logger), { logger });
  try {
    // every file is validated before anything is written: nothing starts with an invalid policy
    const applied = await applyFolders({ directory: app.directory, policies: app.policies, now: systemClock.now }, opts.policies, opts.directory);
    logger.info(applied, 'applied policies and directories');
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(port, resolve);
    });
    await app.startChat();
  } catch (e) {
    await app.close();
    throw e;
  }
  const scheduler = startScheduler(app, logger, systemClock.now);
  const address = app.server.address();
  logger.info({ port: typeof address === 'object' && address ? address.port : port, database: app.database.kind, organizations: [...app.policies.all().keys()], chat: app.chatAdapters.map((a) => a.platform) }, 'svarstid is running');
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    scheduler.stop();
    app.close().then(() => process.exit(0), () => process.exit(1));
  };
  // an error nobody caught is logged and the server keeps serving (see last-resort.ts for why)
  installLastResort({ logger, stop: async () => { scheduler.stop(); await app.close(); } });
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
