/**
 * Issue 14: summaries and digests only in working time, through the real Slack and Teams adapters on
 * both databases. Hofors: the weekly summary is configured for Monday 08:00 and the digest for 08:15;
 * annandag påsk (Monday 6 April 2026) moves the summary to Tuesday's opening; an instance first
 * started after the close sends no morning digest that evening; juldagen has none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { ANNA, at, startSlackHarness, type SlackHarness } from '../adapters/slack/support.js';
import { textOf } from '../adapters/teams/card-content.js';
import { ANNA as TEAMS_ANNA, startTeamsHarness, type TeamsHarness } from '../adapters/teams/teams-harness.js';

/** Stockholm wall-clock time in summer (+02:00) */
const summer = (local: string): number => new Date(`${local}+02:00`).getTime();

describe.each(TARGETS)('working time in Slack on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: summer('2026-04-01T09:00') });
  });
  afterAll(() => h.close());
  const toAnna = (needle: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${ANNA}` && String(c.params.text).includes(needle));

  it('the weekly summary of a Monday that is a holiday goes at Tuesday’s opening, once', async () => {
    await h.inquiry();
    expect(await h.app.summary(summer('2026-04-06T08:00'))).toBe(0); // annandag påsk
    expect(await h.app.summary(summer('2026-04-06T13:00'))).toBe(0);
    expect(await h.app.summary(summer('2026-04-07T07:59'))).toBe(0);
    expect(await h.app.summary(summer('2026-04-07T08:00'))).toBe(1);
    expect(await h.app.summary(summer('2026-04-07T08:01'))).toBe(0);
    expect(toAnna('Veckosammanfattning för Hofors kommun, vecka 14')).toHaveLength(1);
  });

  it('no digest after the close (first start at 16:40) nor on juldagen; the next working morning’s at 08:15', async () => {
    expect(await h.app.digest(at('2026-12-22T16:40'))).toBe(0);
    expect(await h.app.digest(at('2026-12-25T09:00'))).toBe(0);
    expect(await h.app.digest(at('2026-12-28T08:14'))).toBe(0);
    expect(await h.app.digest(at('2026-12-28T08:15'))).toBeGreaterThan(0);
    expect(toAnna('Dina obesvarade frågor, måndag 28 december')).toHaveLength(1);
    expect(toAnna('tisdag 22 december')).toHaveLength(0);
  });
});

describe.each(TARGETS)('working time in Teams on $name', ({ target }) => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: summer('2026-04-01T09:00'), make: target });
    await h.say(TEAMS_ANNA, 'hjälp');
    h.connector.clear();
  });
  afterAll(() => h.close());

  it('the summary waits for Tuesday’s opening; the digest for the next working morning', async () => {
    await h.comment('wt-1');
    expect(await h.app.summary(summer('2026-04-06T08:00'))).toBe(0);
    expect(await h.app.summary(summer('2026-04-07T08:00'))).toBe(1);
    expect(h.connector.sentTo(TEAMS_ANNA.conversation).filter((c) => textOf(c).includes('Veckosammanfattning för Hofors kommun, vecka 14'))).toHaveLength(1);
    expect(await h.app.digest(at('2026-12-22T16:40'))).toBe(0);
    expect(await h.app.digest(at('2026-12-25T09:00'))).toBe(0);
    expect(await h.app.digest(at('2026-12-28T08:15'))).toBeGreaterThan(0);
  });
});
