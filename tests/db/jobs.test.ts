/**
 * Once-per-period jobs (digest, weekly summary, retention) across instances and outages: one instance
 * runs a job; a run cut short is claimed again after the lease (not lost); a finished one never again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { JOB_LEASE_MS, ReminderQueue } from '../../src/db/reminder-queue.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';

const T = at('2026-11-25T08:15');

describe.each(DATABASES)('once-only jobs on $name', (target) => {
  let database: Database;
  let queue: ReminderQueue;
  beforeAll(async () => {
    database = await target.open();
    queue = new ReminderQueue(database.db);
  });
  afterAll(() => database.close());

  it('runs a job on one instance, and never again once it finished', async () => {
    const runs: string[] = [];
    const run = (worker: string, now: number) => queue.once('digest:hofors:2026-11-25', worker, now, async () => void runs.push(worker));
    expect(await Promise.all([run('a', T), run('b', T)])).toEqual(expect.arrayContaining([true, false]));
    expect(runs).toHaveLength(1);
    expect(await run('c', T + JOB_LEASE_MS + 60_000)).toBe(false);
    expect(runs).toHaveLength(1);
  });

  describe('when a run is cut short (its instance died, or the database went away midway)', () => {
    it('is claimed again once the lease has passed, not before', async () => {
      const failing = queue.once('summary:hofors:2026-W48', 'a', T, async () => {
        throw new Error('connection lost midway');
      });
      await expect(failing).rejects.toThrow('connection lost midway');
      let ran = 0;
      const again = (now: number) => queue.once('summary:hofors:2026-W48', 'b', now, async () => void ran++);
      expect(await again(T + 60_000)).toBe(false);
      expect(await again(T + JOB_LEASE_MS + 60_000)).toBe(true);
      expect(ran).toBe(1);
      expect(await again(T + 2 * JOB_LEASE_MS + 120_000)).toBe(false);
    });
  });
});
