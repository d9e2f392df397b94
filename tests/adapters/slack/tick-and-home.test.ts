/** The reminder tick through Slack (429 with Retry-After honoured, a person Slack cannot reach), and App Home. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, at, ERIK, eventually, startSlackHarness, STRANGER, X, type SlackHarness } from './support.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ time: at('2026-11-25T09:00') });
});
afterAll(() => h.close());

const postsTo = (user: string, id: number) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${user}` && c.params.text.includes(`#${id}`));

describe('reminders through the tick', () => {
  it('a 429 from Slack is retried after its Retry-After, not before', async () => {
    h.time = at('2026-11-25T09:00');
    const id = await h.inquiry();
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 120 });
    h.time = at('2026-11-25T14:00');
    expect(await h.app.tick(h.time)).toMatchObject({ sent: 0, retried: 1 });
    expect(await h.app.tick(h.time + 60_000)).toMatchObject({ sent: 0, claimed: 0 });
    expect(await h.app.tick(h.time + 120_000)).toMatchObject({ sent: 1 });
    // two attempts reached Slack: the rate-limited one and the delivered one
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${ERIK}` && c.params.text.includes(`#${id}`))).toHaveLength(2);
  });

  it('a person Slack says is inactive: the reminder fails at once and the manager is told in Slack', async () => {
    h.time = at('2026-11-26T09:00');
    const id = await h.inquiry();
    await h.app.tick(at('2026-11-26T11:30')); // the earlier question's reminders
    h.fake.failNext('chat.postMessage', { error: 'account_inactive' });
    h.time = at('2026-11-26T14:00');
    expect(await h.app.tick(h.time)).toMatchObject({ sent: 0, failed: 1 });
    await h.app.tick(h.time); // the notice to the manager is queued as a reminder of its own
    const told = postsTo(ANNA, id);
    expect(told).toHaveLength(1);
    expect(told[0]!.params.text).toContain('En påminnelse kunde inte levereras');
    // escaped like the blocks: `_` carries a zero-width joiner, so it is never read as italics
    expect(told[0]!.params.text).toContain('account_\u200Dinactive');
    expect(told[0]!.params.text).not.toContain('trots upprepade försök');
  });
});

describe('App Home', () => {
  const opened = (user: string, tab = 'home', eventId = `Ev-${Math.random()}`) =>
    h.event({ type: 'event_callback', team_id: 'T0HOFORS', api_app_id: 'A0SVARSTID', event_id: eventId, event_time: 1, event: { type: 'app_home_opened', user, channel: `D${user}`, tab } });
  const published = (user: string, after: number) => eventually(() => h.fake.callsTo('views.publish').slice(after).find((c) => c.params.user_id === user));

  it('shows the person’s queue and the unclaimed questions, nearest deadline first', async () => {
    h.time = at('2026-11-30T09:00');
    const facebook = await h.inquiry({ text: 'Facebookfrågan' });
    h.time = at('2026-11-30T09:05');
    const x = await h.inquiry({ channel: 'x', account: X, text: 'X-frågan' });
    const before = h.fake.callsTo('views.publish').length;
    const ack = await opened(ANNA);
    expect(ack.status).toBe(200);
    const view = JSON.stringify((await published(ANNA, before)).params.view);
    expect(view).toContain('"type":"home"');
    expect(view.indexOf(`#${x} till @hoforskommun`)).toBeGreaterThan(-1);
    expect(view.indexOf(`#${x} till @hoforskommun`)).toBeLessThan(view.indexOf(`#${facebook} till Hofors kommun`));
    expect(view).toContain(`svarstid:inquiry:${x}`);
  });

  it('an unknown Slack user sees the polite refusal', async () => {
    const before = h.fake.callsTo('views.publish').length;
    await opened(STRANGER);
    expect(JSON.stringify((await published(STRANGER, before)).params.view)).toContain('Jag hittar dig inte bland Hofors kommuns handläggare');
  });

  it('opening the Messages tab publishes nothing', async () => {
    const before = h.fake.callsTo('views.publish').length;
    expect((await opened(ERIK, 'messages')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsTo('views.publish')).toHaveLength(before);
  });
});
