/**
 * Delivery problems: a person the bot cannot reach yet (never opened the app) is reported to the
 * manager at once, not retried in silence; Teams' 429 hands its Retry-After to the tick, which
 * retries later (botbuilder's own pipeline does not sleep inside the tick). One app for the file:
 * the tests run in order, each on its own inquiry and day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reminders } from '../../../src/db/schema.js';
import { at } from '../../support/calendar-builder.js';
import { cardLines, textOf } from './card-content.js';
import { ANNA, ERIK, startTeamsHarness, type TeamsHarness } from './teams-harness.js';

describe('Teams delivery problems', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
    await h.say(ANNA, 'hej'); // only Anna has opened her chat with the bot, so far
  });
  afterAll(() => h.close());

  const rows = async (inquiryId: number) => h.app.database.db.select().from(reminders).where(eq(reminders.inquiryId, inquiryId));
  const earlier: number[] = [];
  /** a comment at 09:00 on `day`; its first reminder (to Erik) is due before 14:00. The earlier ones are answered, so their reminders stay out of the way. */
  const commentOn = async (day: string, externalId: string) => {
    h.time = at(`${day}T09:00`);
    for (const old of earlier.splice(0)) await h.app.chat.handle({ platform: 'teams', id: ERIK.id }, { type: 'done', inquiryId: old }, h.time);
    const id = await h.comment(externalId);
    earlier.push(id);
    h.time = at(`${day}T14:00`);
    h.connector.clear();
    return id;
  };

  it('an officer who has not opened the app yet: the reminder fails at once and the manager hears in Teams', async () => {
    const id = await commentOn('2026-11-24', 'unreachable');
    await h.app.tick(h.time);
    const failed = (await rows(id)).filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toContain('Erik Lind is not reachable in Teams yet');
    expect(failed[0]!.attempts).toBe(1);
    await h.app.tick(h.time + 60_000);
    const notice = h.connector.sentTo(ANNA.conversation).filter((c) => textOf(c).includes('kunde inte levereras'));
    expect(notice).toHaveLength(1);
    expect(cardLines(notice[0]).join('\n')).toContain('Erik Lind');
  });

  it('429 from Teams: retried after the Retry-After, then delivered', async () => {
    await h.say(ERIK, 'hej'); // now Erik can be reached
    const id = await commentOn('2026-11-25', 'throttled');
    h.connector.failNext(429, 1, '120');
    const started = Date.now();
    await h.app.tick(h.time);
    expect(Date.now() - started).toBeLessThan(5_000); // botbuilder did not sleep 3 × 120 s
    expect(h.connector.sentTo(ERIK.conversation)).toHaveLength(0); // one refused call, not retried inside
    const pending = (await rows(id)).find((r) => r.attempts === 1)!;
    expect(pending).toMatchObject({ status: 'pending', nextAttemptAt: new Date(h.time + 120_000) });
    expect(pending.lastError).toContain('rate limiting');
    await h.app.tick(h.time + 60_000);
    expect(h.connector.sentTo(ERIK.conversation)).toHaveLength(0);
    await h.app.tick(h.time + 120_000);
    expect(h.connector.sentTo(ERIK.conversation).filter((c) => textOf(c).includes(`Fråga #${id} `))).toHaveLength(1);
    expect((await rows(id)).find((r) => r.id === pending.id)!.status).toBe('sent');
  });

  it('another error from Teams (500) is retried with the tick\'s backoff, at once and without sleeping', async () => {
    const id = await commentOn('2026-11-26', 'server-error');
    h.connector.failNext(500, 1);
    const started = Date.now();
    await h.app.tick(h.time);
    expect(Date.now() - started).toBeLessThan(5_000);
    const pending = (await rows(id)).find((r) => r.attempts === 1)!;
    expect(pending.status).toBe('pending');
    expect(pending.lastError).toContain('Teams did not accept the message for Erik Lind: the Bot Connector answered 500');
  });

  it('403 (the bot was blocked or removed): permanent, the manager hears', async () => {
    const id = await commentOn('2026-11-30', 'blocked');
    h.connector.failNext(403, 1);
    await h.app.tick(h.time);
    const failed = (await rows(id)).find((r) => r.status === 'failed')!;
    expect(failed.lastError).toContain('Erik Lind cannot be reached in Teams (403');
    await h.app.tick(h.time + 60_000);
    expect(h.connector.sentTo(ANNA.conversation).filter((c) => textOf(c).includes('kunde inte levereras'))).toHaveLength(1);
  });
});
