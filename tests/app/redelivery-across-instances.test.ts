/**
 * Two svarstid instances on one database (a fresh PostgreSQL database, or one in-process PGlite
 * both apps share): a platform that redelivers a request to the other
 * instance (Slack after a timeout, the Bot Framework likewise) does not get it handled twice. The use
 * cases alone would refuse a second forward, but the person would then read a refusal ("already
 * yours") for something they did once; with the shared delivery log the redelivery does nothing.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '../../src/db/schema.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { startFakeTeamsConnector } from '../fakes/teams-connector.js';
import { at, ERIK as SLACK_ERIK, MARIA as SLACK_MARIA, startSlackHarness, submissionPayload } from '../adapters/slack/support.js';
import { ANNA as TEAMS_ANNA, ERIK as TEAMS_ERIK, startTeamsHarness } from '../adapters/teams/teams-harness.js';
import { openDatabase } from '../../src/db/connection.js';
import type { DatabaseTarget } from '../../src/db/connection.js';
import { freshPostgresUrl } from '../support/databases.js';

/** One database for two instances: each app gets it as its target; `drop` closes or drops it once. */
const SHARED: Array<{ name: string; make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }> = [
  {
    name: 'PGlite',
    make: async () => {
      const database = await openDatabase({ memory: true });
      // the apps' close() leaves it open; it is closed once, at the end
      return { target: { open: { ...database, close: async () => {} } }, drop: () => database.close() };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', make: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url }, drop }; } }]
    : []),
];

const forwardedEvents = async (app: { database: { db: any } }, id: number) =>
  (await app.database.db.select().from(events).where(eq(events.inquiryId, id))).filter((e: { type: string }) => e.type === 'forwarded');

for (const shared of SHARED) {
  describe(`a redelivery to another instance (${shared.name})`, () => {
    it('Slack: the forward dialog submitted to instance 1 and redelivered to instance 2 is handled once', async () => {
      const { target, drop } = await shared.make();
      const fake = await new FakeSlackApi().start();
      const one = await startSlackHarness({ make: async () => ({ target }), fake, time: at('2026-11-24T09:00') });
      const two = await startSlackHarness({ make: async () => ({ target }), fake, time: at('2026-11-24T09:00') });
      try {
        const id = await one.inquiry({ externalId: 'redeliver-slack' });
        const submission = submissionPayload({
          userId: SLACK_ERIK,
          callbackId: 'svarstid:dialog:forward',
          triggerId: 'trigger-redelivered',
          privateMetadata: JSON.stringify({ inquiryId: id }),
          values: { to: { to: { type: 'users_select', selected_user: SLACK_MARIA } }, reason: { reason: { type: 'plain_text_input', value: 'Du kan detta' } } },
        });
        expect((await one.interact(submission)).status).toBe(200);
        // the work goes on after the ack: wait until instance 1 has forwarded it
        const told = () => fake.callsTo('conversations.open').filter((c) => c.params.users === SLACK_MARIA).length;
        for (let k = 0; (await forwardedEvents(one.app, id)).length === 0 || told() === 0; k++) {
          if (k > 150) throw new Error('instance 1 never finished the forward');
          await new Promise((r) => setTimeout(r, 20));
        }
        await new Promise((r) => setTimeout(r, 200));
        const callsBefore = fake.calls.length;
        expect((await two.interact(submission, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
        await new Promise((r) => setTimeout(r, 300));
        expect(await forwardedEvents(two.app, id)).toHaveLength(1);
        expect(told()).toBe(1);
        // nothing at all was sent for the redelivery: no second notice, no refusal to Erik
        expect(fake.calls.slice(callsBefore).map((c) => c.method)).toEqual([]);
      } finally {
        await one.close();
        // the second harness shares the fake; close its app only
        await two.app.close();
        await drop();
      }
    });

    it('Teams: the same activity posted to both instances is handled once', async () => {
      const { target, drop } = await shared.make();
      const connector = await startFakeTeamsConnector();
      const one = await startTeamsHarness({ time: at('2026-11-24T09:00'), target, connector });
      const two = await startTeamsHarness({ time: at('2026-11-24T09:00'), target, connector });
      try {
        await one.say(TEAMS_ANNA, 'hej');
        const id = await one.comment('redeliver-teams');
        connector.clear();
        const activity = one.activity(TEAMS_ERIK, { text: `skicka ${id} @anna.berg` });
        expect((await one.post(activity)).status).toBe(200);
        expect((await two.post(activity)).status).toBe(200);
        expect(await forwardedEvents(two.app, id)).toHaveLength(1);
        expect(connector.sentTo(TEAMS_ANNA.conversation)).toHaveLength(1);
        expect(connector.sentTo(TEAMS_ERIK.conversation)).toHaveLength(1);
      } finally {
        await one.close();
        await two.close();
        await connector.close();
        await drop();
      }
    });
  });
}
