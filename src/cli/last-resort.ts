/**
 * The last-resort guard of `svarstid serve`: an error nobody caught (a rejected promise no one
 * awaits, an exception thrown in a library's socket callback) is logged — class, code and stack
 * frames, never the message or a payload — and the server keeps serving.
 *
 * Why keep serving: svarstid holds no state in memory that a half-run callback could leave corrupt.
 * Inquiries, reminders, claims and deliveries live in the database, changed in transactions that a
 * failure rolls back; timers only trigger (DESIGN.md convention 7). Exiting would instead drop every
 * request in flight, of every organization, for one stray error, and leave the webhooks unanswered
 * until a supervisor (if there is one: `npm start` has none) restarts it. What is not safe is a process that fails over and over:
 * more than `maxPerMinute` uncaught exceptions within a minute mean something is broken for good,
 * so the guard then stops gracefully (`stop`) and exits 1, for the supervisor to restart it.
 */
import type { Logger } from 'pino';
import { summarizeError } from '../http/failure.js';

export interface LastResortOptions {
  readonly logger: Logger;
  /** a graceful stop: close the server and the database */
  readonly stop: () => Promise<void>;
  readonly maxPerMinute?: number;
  /** the process to guard (a stand-in in tests) */
  readonly target?: Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;
  readonly now?: () => number;
}

/** Installs the handlers; returns a function that removes them. */
export function installLastResort(o: LastResortOptions): () => void {
  const target = o.target ?? process;
  const now = o.now ?? Date.now;
  const max = o.maxPerMinute ?? 10;
  let recent: number[] = [];
  let stopping = false;
  const onRejection = (reason: unknown): void => {
    o.logger.error({ error: summarizeError(reason) }, 'unhandled promise rejection; still serving');
  };
  const onException = (e: unknown): void => {
    const t = now();
    recent = [...recent.filter((x) => t - x < 60_000), t];
    if (recent.length <= max) {
      o.logger.error({ error: summarizeError(e) }, 'uncaught exception; still serving');
      return;
    }
    o.logger.fatal({ error: summarizeError(e), count: recent.length }, `more than ${max} uncaught exceptions within a minute: stopping`);
    if (stopping) return;
    stopping = true;
    o.stop().then(
      () => target.exit(1),
      () => target.exit(1),
    );
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
