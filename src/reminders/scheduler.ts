/**
 * Cron is only a trigger (DESIGN.md convention 7): every minute, run one reminder tick, then the
 * checks for the daily digest, the weekly summary and retention (each runs once per organization and
 * period across instances: the job key decides). A tick still running when the next minute comes is
 * not started twice. Timers hold no state: everything due is in the database.
 *
 * While the database is away the jobs fail; that is logged once ("unavailable"), each minute tries
 * again, and the first minute that gets through logs "resumed". Nothing is lost meanwhile: what fell
 * due is still due, and a reminder claimed just before the outage is claimed again when its lease ends.
 */
import cron from 'node-cron';
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { summarizeError } from '../log/summary.js';
import { metrics } from '../metrics.js';

export interface Schedulable {
  tick(now: number): Promise<{ claimed: number; sent: number; retried: number; failed: number; cancelled: number }>;
  digest(now: number): Promise<number>;
  summary(now: number): Promise<number>;
  retention(now: number): Promise<number>;
  /** catch-up (src/catchup), when turned on: its own task, so a slow platform never holds up reminders */
  readonly catchup?: (now: number, o?: { startup?: boolean }) => Promise<{ ran: number; created: number; notified: number }>;
}

export interface SchedulerOptions {
  /** when to run (node-cron; default every minute) */
  readonly cron?: string;
}

export interface Scheduler {
  /** no tick starts after this; resolves when the tick in progress (if any) has finished */
  stop(): Promise<void>;
}

export function startScheduler(app: Schedulable, logger: Logger, now: () => number, o: SchedulerOptions = {}): Scheduler {
  let running: Promise<void> | undefined;
  let stopped = false;
  let unavailableSince: number | undefined;
  const task = cron.schedule(o.cron ?? '* * * * *', () => {
    if (running || stopped) return running;
    running = minute().finally(() => {
      running = undefined;
    });
    return running;
  });
  const minute = async (): Promise<void> => {
    const timer = metrics.tickDuration.startTimer();
    try {
      const t = now();
      const result = await app.tick(t);
      if (unavailableSince !== undefined) {
        logger.info({ unavailableSince: new Date(unavailableSince).toISOString() }, 'the database is back; reminders and scheduled jobs resumed');
        unavailableSince = undefined;
      }
      if (result.claimed > 0) logger.info(result, 'reminder tick');
      const digests = await app.digest(t);
      if (digests > 0) logger.info({ digests }, 'daily digests sent');
      const summaries = await app.summary(t);
      if (summaries > 0) logger.info({ summaries }, 'summaries sent (weekly, yearly)');
      const erased = await app.retention(t);
      if (erased > 0) logger.info({ erased }, 'retention: erased the text of finished inquiries');
    } catch (e) {
      metrics.tickFailures.inc();
      if (!isDatabaseUnavailable(e)) logger.error({ error: summarizeError(e) }, 'scheduled tick failed; the next minute tries again');
      else if (unavailableSince === undefined) {
        unavailableSince = Date.now();
        logger.warn({ error: summarizeError(e) }, 'the database is unavailable; reminders and scheduled jobs wait, and try again every minute');
      }
    } finally {
      timer();
    }
  };
  const catchup = app.catchup ? startCatchup(app.catchup, logger, now, o.cron) : undefined;
  return {
    stop: async () => {
      stopped = true;
      catchup?.stop();
      await task.stop();
      await running;
    },
  };
}

/**
 * Catch-up on start and then every minute (each account runs when its interval has passed: the
 * database decides, across instances). A pass still running when the next minute comes is not
 * started twice; a database outage is logged once, and its end once.
 */
export function startCatchup(run: NonNullable<Schedulable['catchup']>, logger: Logger, now: () => number, expression = '* * * * *'): { stop(): void; pass(startup: boolean): Promise<void>; started: Promise<void> } {
  let running = false;
  let unavailableSince: number | undefined;
  const pass = async (startup: boolean): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const r = await run(now(), { startup });
      if (unavailableSince !== undefined) {
        logger.info({ unavailableSince: new Date(unavailableSince).toISOString() }, 'catch-up: the database answers again; catch-up resumed');
        unavailableSince = undefined;
      }
      if (r.ran > 0 && (r.created > 0 || r.notified > 0)) logger.info(r, 'catch-up pass');
    } catch (e) {
      if (!isDatabaseUnavailable(e)) logger.error({ error: summarizeError(e) }, 'catch-up pass failed; the next minute tries again');
      else if (unavailableSince === undefined) {
        unavailableSince = now();
        logger.warn({ error: summarizeError(e) }, 'catch-up: the database does not answer; catch-up waits, and tries again every minute');
      }
    } finally {
      running = false;
    }
  };
  const task = cron.schedule(expression, () => pass(false));
  const started = pass(true);
  return { stop: () => void task.stop(), pass, started };

}
