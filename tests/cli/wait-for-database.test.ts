/** svarstid serve waits for a database that is not reachable yet instead of exiting. */
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { waitForDatabase } from '../../src/cli/wait-for-database.js';
import { openDatabase } from '../../src/db/connection.js';

function capture() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
  return { logger, lines };
}

describe('waiting for the database at start', () => {
  it('tries a refused connection again with a growing wait, then starts when the database answers', async () => {
    const { logger, lines } = capture();
    const waits: number[] = [];
    let attempts = 0;
    const opened = await waitForDatabase(
      async () => {
        attempts++;
        // a real refused connection through the real driver wrapper (port 1: nothing listens there)
        if (attempts < 4) return openDatabase({ url: 'postgres://postgres:hemligt@127.0.0.1:1/test' }, { logger });
        return 'open';
      },
      { logger, sleep: async (ms) => void waits.push(ms), firstDelayMs: 1000, maxDelayMs: 3000 },
    );
    expect(opened).toBe('open');
    expect(waits).toEqual([1000, 2000, 3000]);
    const log = lines.join('');
    expect(log).toContain('the database is not reachable; trying again');
    expect(log).toContain('the database answers; starting');
    expect(log).not.toContain('hemligt');
    expect(log).not.toContain('127.0.0.1:1');
  });

  it('does not wait on an error that waiting cannot mend', async () => {
    const { logger } = capture();
    const waits: number[] = [];
    await expect(waitForDatabase(async () => Promise.reject(new Error('policies/hofors.yaml: invalid policy')), { logger, sleep: async (ms) => void waits.push(ms) })).rejects.toThrow('invalid policy');
    expect(waits).toEqual([]);
  });
});
