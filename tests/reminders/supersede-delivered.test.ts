/**
 * A reminder that already reached someone is never superseded: when a claim is cut short after the
 * delivery (a crash, a database outage) and the lease has run out by the time later moments are due
 * too, the retry skips the people reached and marks it sent — so the record says what went out. Only
 * reminders that reached nobody are superseded (tests/reminders/stale.test.ts). Both databases.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { at, startSlackHarness, X, type SlackHarness } from '../adapters/slack/support.js';

describe.each(TARGETS)('superseding stale reminders on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());

  it('keeps the one delivered before its claim was cut short; supersedes the ones that reached nobody', async () => {
    const id = await h.inquiry({ channel: 'x', account: X, externalId: 'supersede-delivered' });
    const [headsUp, dueSoon] = await h.app.reminders.byInquiry(id);
    expect([headsUp!.kind, dueSoon!.kind]).toEqual(['share:50', 'before:60m']);
    // the heads-up was claimed at 11:00 and delivered to Maria, then the instance went away before marking it sent
    await h.app.database.db.execute(sql`update reminders set attempts = 1, claimed_by = 'gone', claimed_until = ${new Date(at('2026-11-24T11:05')).toISOString()}::timestamptz, delivered_to = '[3]'::jsonb where id = ${headsUp!.id}`);
    expect(await h.app.reminders.supersedeStale(at('2026-11-24T16:00'))).toBe(1);
    const rows = await h.app.reminders.byInquiry(id);
    expect(rows.map((r) => [r.kind, r.role, r.status])).toEqual([
      ['share:50', 'assignee', 'pending'],
      ['before:60m', 'assignee', 'superseded'],
      ['deadline', 'assignee', 'pending'],
      ['deadline', 'substitute', 'pending'],
      ['after:120m', 'manager', 'pending'],
    ]);
  });
});
