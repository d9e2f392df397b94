/**
 * `svarstid serve` when the database is not there yet (PostgreSQL still starting after a reboot,
 * a failover, a network blip at the wrong moment): instead of exiting, it tries again with a
 * growing wait (1 s, 2 s, 4 s … at most 30 s), logging each attempt without the connection string,
 * until the database answers. Meanwhile nothing listens, so the platforms' deliveries are refused
 * at the TCP level and redelivered by them later; nothing is acknowledged that is not stored.
 * Any other error (a bad policy, a secrets file others can read, a migration that fails) stops the
 * start as before: waiting would not mend it.
 */
import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { summarizeError } from '../http/failure.js';

export interface WaitOptions {
  readonly logger: Logger;
  /** injected in tests; default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitForDatabase<T>(open: () => Promise<T>, o: WaitOptions): Promise<T> {
  const sleep = o.sleep ?? realSleep;
  const max = o.maxDelayMs ?? 30_000;
  let delay = o.firstDelayMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    try {
      const opened = await open();
      if (attempt > 1) o.logger.info({ attempt }, 'the database answers; starting');
      return opened;
    } catch (e) {
      if (!isDatabaseUnavailable(e)) throw e;
      o.logger.warn({ attempt, retryInMs: delay, error: summarizeError(e) }, 'the database is not reachable; trying again');
      await sleep(delay);
      delay = Math.min(max, delay * 2);
    }
  }
}
