/** The shared log of chat deliveries: the first instance to record a key handles it; keys are kept a day. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryLogStore, DELIVERY_MEMORY_MS } from '../../src/db/chat-store.js';
import type { Database } from '../../src/db/connection.js';
import { DATABASES } from '../support/databases.js';

const T = Date.parse('2026-11-24T09:00:00Z');

for (const target of DATABASES) {
  describe(`the delivery log (${target.name})`, () => {
    let database: Database;
    let log: DeliveryLogStore;
    beforeAll(async () => {
      database = await target.open();
      log = new DeliveryLogStore(database.db);
    });
    afterAll(() => database.close());

    it('says first once per platform and key, also when asked concurrently', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, () => log.first('slack', 'Ev1', T)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      expect(await log.first('teams', 'Ev1', T)).toBe(true);
    });

    it('forgets a key whose handling failed, so the retry is handled', async () => {
      expect(await log.first('slack', 'trigger-2', T)).toBe(true);
      await log.forget('slack', 'trigger-2');
      expect(await log.first('slack', 'trigger-2', T + 1000)).toBe(true);
      expect(await log.first('slack', 'trigger-2', T + 2000)).toBe(false);
    });

    it('drops keys older than a day', async () => {
      expect(await log.first('slack', 'old', T)).toBe(true);
      expect(await log.prune(T + DELIVERY_MEMORY_MS - 1)).toBe(0);
      expect(await log.prune(T + DELIVERY_MEMORY_MS + 5000)).toBeGreaterThanOrEqual(1);
      expect(await log.first('slack', 'old', T + DELIVERY_MEMORY_MS + 6000)).toBe(true);
    });
  });
}
