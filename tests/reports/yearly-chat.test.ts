/**
 * The yearly follow-up (Nässjö 4) through the real chat adapters, on PGlite and PostgreSQL: on the
 * first working day of January the scheduler sends last year's key figures to the manager — a Slack
 * DM (Bolt against the fake Web API, every message checked against Slack's limits) and a Teams card
 * (botbuilder against the fake connector, every card validated by the adaptivecards package) — once;
 * and a manager asks for any year with `årsuppföljning ÅR`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { ANNA, at, eventually, startSlackHarness, type SlackHarness } from '../adapters/slack/support.js';
import { textOf } from '../adapters/teams/card-content.js';
import { ANNA as TEAMS_ANNA, startTeamsHarness, type TeamsHarness } from '../adapters/teams/teams-harness.js';

const FOLLOW_UP = at('2027-01-04T08:00'); // nyårsdagen is a Friday; Monday 4 January is the first working day
const TITLE = 'Nyckeltal för Hofors kommun, år 2026';

describe.each(TARGETS)('the yearly follow-up in Slack on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());
  const toAnna = () => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${ANNA}` && String(c.params.text).includes(TITLE));

  it('goes to Anna on Monday 4 January 2027 at 08:00, once', async () => {
    await h.inquiry({ externalId: 'yearly-1' });
    await h.inquiry({ externalId: 'yearly-2' });
    h.time = at('2027-01-04T07:59');
    await h.app.summary(h.time);
    expect(toAnna()).toHaveLength(0);
    h.time = FOLLOW_UP;
    await h.app.summary(h.time);
    const [sent, ...more] = toAnna();
    expect(more).toHaveLength(0);
    expect(String(sent!.params.text)).toContain('Inom parentes: år 2025.');
    expect(String(sent!.params.text)).toContain('inkomna 2 (0)');
    h.time = at('2027-01-05T10:00');
    await h.app.summary(h.time);
    expect(toAnna()).toHaveLength(1);
  });

  it('årsuppföljning 2026 on request gives the same figures', async () => {
    await h.command(ANNA, 'årsuppföljning 2026', { name: 'yearly' });
    const [reply] = await eventually(() => (h.replies('yearly').length ? h.replies('yearly') : undefined));
    expect(reply.text).toContain(TITLE);
    expect(reply.text).toContain('inkomna 2 (0)');
  });
});

describe.each(TARGETS)('the yearly follow-up in Teams on $name', ({ target }) => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00'), make: target });
    await h.say(TEAMS_ANNA, 'hjälp'); // Anna has opened her chat with the bot
    h.connector.clear();
  });
  afterAll(() => h.close());

  it('goes to Anna as a card on the first working day of January, once; årsuppföljning shows it on request', async () => {
    await h.comment('yearly-teams-1');
    h.time = FOLLOW_UP;
    await h.app.summary(h.time);
    await h.app.summary(at('2027-01-04T09:00'));
    const cards = h.connector.sentTo(TEAMS_ANNA.conversation).filter((c) => textOf(c).includes(TITLE));
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('inkomna 1 (0)');
    h.connector.clear();
    await h.say(TEAMS_ANNA, 'årsuppföljning 2026');
    expect(textOf(h.connector.sentTo(TEAMS_ANNA.conversation).at(-1))).toContain(TITLE);
  });
});
