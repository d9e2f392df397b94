/**
 * Issue 14: after downtime, no burst of stale reminders. svarstid is down Tuesday 10:00–20:00 while
 * an X question (4 working hours, Maria Ek) passes its heads-up, "due soon", deadline and escalation.
 * At 20:00 only the most advanced moment per recipient is left (the others superseded), and as it
 * is outside working time it waits for Wednesday's opening; then each recipient gets one message.
 * Through the real Slack adapter (Bolt against the fake Web API) and the real Teams adapter
 * (botbuilder against the fake connector), on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { ANNA, at, ERIK, MARIA, startSlackHarness, X, type SlackHarness } from '../adapters/slack/support.js';
import { textOf } from '../adapters/teams/card-content.js';
import { ANNA as TEAMS_ANNA, ERIK as TEAMS_ERIK, startTeamsHarness, type TeamsHarness } from '../adapters/teams/teams-harness.js';

describe.each(TARGETS)('stale reminders after downtime, Slack on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());
  const posts = (user: string, id: number) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${user}` && String(c.params.text).includes(`#${id}`));

  it('sends only the most advanced moment, once, at the next opening', async () => {
    const id = await h.inquiry({ channel: 'x', account: X });
    expect(await h.app.tick(at('2026-11-24T09:30'))).toMatchObject({ claimed: 0 }); // up, nothing due yet
    // down 10:00–20:00: heads-up 11:00, due soon 13:00, deadline 14:00 (Maria, Erik), escalation 16:00 (Anna)
    h.time = at('2026-11-24T20:00');
    expect(await h.app.tick(h.time)).toMatchObject({ superseded: 2, postponed: 3, sent: 0 });
    expect(h.fake.callsTo('chat.postMessage').filter((c) => String(c.params.text).includes(`#${id}`))).toHaveLength(0);
    expect(await h.app.tick(at('2026-11-25T07:59'))).toMatchObject({ claimed: 0 });

    h.time = at('2026-11-25T08:00');
    expect(await h.app.tick(h.time)).toMatchObject({ sent: 3, superseded: 0, postponed: 0 });
    const [maria, ...moreMaria] = posts(MARIA, id);
    expect(moreMaria).toHaveLength(0);
    expect(maria!.params.text).toContain('Svarstiden har gått ut');
    expect(maria!.params.text).not.toContain('går snart ut');
    expect(posts(ERIK, id)).toHaveLength(1);
    expect(posts(ANNA, id)).toHaveLength(1);
    expect(posts(ANNA, id)[0]!.params.text).toContain('Försenad');

    const rows = await h.app.reminders.byInquiry(id);
    expect(rows.map((r) => [r.kind, r.role, r.status])).toEqual([
      ['share:50', 'assignee', 'superseded'],
      ['before:60m', 'assignee', 'superseded'],
      ['deadline', 'assignee', 'sent'],
      ['deadline', 'substitute', 'sent'],
      ['after:120m', 'manager', 'sent'],
    ]);
    expect(rows.filter((r) => r.status === 'sent').every((r) => r.attempts === 1)).toBe(true); // the postponed claim is no attempt
    expect(await h.app.tick(at('2026-11-25T08:01'))).toMatchObject({ claimed: 0 });
  });

  it('a reminder due at the close itself (the deadline at 16:30) still goes a minute later, not the next morning', async () => {
    h.time = at('2026-11-25T11:30'); // X, 4 working hours: 11:30–12:00 and 13:00–16:30
    const id = await h.inquiry({ channel: 'x', account: X, externalId: 'at-close' });
    expect((await h.app.inquiries.get(id))!.deadline).toBe(at('2026-11-25T16:30'));
    await h.app.tick(at('2026-11-25T16:29')); // heads-up and due soon, on time
    expect(await h.app.tick(at('2026-11-25T16:31'))).toMatchObject({ sent: 2, postponed: 0, superseded: 0 });
    expect((await h.app.reminders.byInquiry(id)).filter((r) => r.kind === 'deadline').map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(posts(MARIA, id).map((c) => String(c.params.text).includes('Svarstiden har gått ut'))).toContain(true);
  });
});

describe.each(TARGETS)('stale reminders after downtime, Teams on $name', ({ target }) => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00'), make: target });
    await h.say(TEAMS_ERIK, 'hjälp');
    await h.say(TEAMS_ANNA, 'hjälp');
    h.connector.clear();
  });
  afterAll(() => h.close());

  it('Erik gets one reminder, the deadline, at Thursday’s opening; Anna one escalation', async () => {
    // Facebook, 1 working day: heads-up Tue afternoon, due soon Wed 08:00, deadline Wed 09:00, escalation Wed 11:00
    const id = await h.comment('stale-1');
    h.time = at('2026-11-25T20:00'); // down since Tuesday 10:00
    expect(await h.app.tick(h.time)).toMatchObject({ superseded: 2, sent: 0 });
    expect(h.connector.sentTo(TEAMS_ERIK.conversation)).toHaveLength(0);
    h.time = at('2026-11-26T08:00');
    await h.app.tick(h.time);
    const erik = h.connector.sentTo(TEAMS_ERIK.conversation).filter((c) => textOf(c).includes(`#${id}`));
    expect(erik).toHaveLength(1);
    expect(textOf(erik[0])).toContain('Svarstiden har gått ut');
    const anna = h.connector.sentTo(TEAMS_ANNA.conversation).filter((c) => textOf(c).includes(`#${id}`) && textOf(c).includes('Försenad'));
    expect(anna).toHaveLength(1);
  });
});
