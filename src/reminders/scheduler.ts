/**
 * Cron is only a trigger (DESIGN.md convention 7): every minute, run one reminder tick, then the
 * checks for the daily digest, the weekly summary and retention (each runs once per organization and
 * period across instances: the job key decides). A tick still running when the next minute comes is not started twice. Timers hold no
 * state: everything due is in the database.
 */
import cron from 'node-cron';
import type { Logger } from 'pino';

export interface Schedulable {
  tick(now: number): Promise<{ claimed: number; sent: number; retried: number; failed: number; cancelled: number }>;
  digest(now: number): Promise<number>;
  summary(now: number): Promise<number>;
  retention(now: number): Promise<number>;
}

export function startScheduler(app: Schedulable, logger: Logger, now: () => number): { stop(): void } {
  let running = false;
  const task = cron.schedule('* * * * *', async () => {
    if (running) return;
    running = true;
    try {
      const t = now();
      const result = await app.tick(t);
      if (result.claimed > 0) logger.info(result, 'reminder tick');
      const digests = await app.digest(t);
      if (digests > 0) logger.info({ digests }, 'daily digests sent');
      const summaries = await app.summary(t);
      if (summaries > 0) logger.info({ summaries }, 'weekly summaries sent');
      const erased = await app.retention(t);
      if (erased > 0) logger.info({ erased }, 'retention: erased the text of finished inquiries');
    } catch (e) {
      logger.error({ err: e }, 'scheduled tick failed; the next minute tries again');
    } finally {
      running = false;
    }
  });
  return { stop: () => void task.stop() };
}
