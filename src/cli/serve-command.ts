/** svarstid serve: opens the database, applies the policy and directory folders, runs the HTTP server. */
import { createLogger } from '../log/index.js';
import { applyFolders } from '../admin/apply.js';
import { appFromEnv } from '../main.js';
import { systemClock } from '../app.js';
import { CliError } from './errors.js';
import { startScheduler } from '../reminders/scheduler.js';
import { installLastResort } from './last-resort.js';
import { waitForDatabase } from './wait-for-database.js';

/** longest wait for requests in flight and the current tick after SIGTERM (systemd waits 90 s, Kubernetes 30 s) */
export const SHUTDOWN_TIMEOUT_MS = 25_000;

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
  // graceful shutdown (SIGTERM from systemd, Kubernetes, docker stop; SIGINT from Ctrl-C): /readyz
  // answers 503, no new connections, requests in flight are answered, the tick in progress finishes,
  // then the database is closed. A second signal, or SHUTDOWN_TIMEOUT_MS, ends it at once.
  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      const closing = app.close();
      await scheduler.stop();
      await closing;
    })());
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down: finishing requests in flight and the current tick');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    shutdown().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (e: unknown) => {
        logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // an error nobody caught is logged and the server keeps serving (see last-resort.ts for why)
  installLastResort({ logger, stop: shutdown });
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
