/** The Slack notifier against the fake Web API: DMs, the image upload, and errors the tick understands. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { pino } from 'pino';
import { SlackNotifier } from '../../../adapters/slack/notifier.js';
import { renderNotification } from '../../../adapters/chat-text/index.js';
import { NotifyError, type InquirySummary, type Notification, type Person } from '../../../src/reminders/model.js';
import { FakeSlackApi } from '../../fakes/slack-api.js';

const now = new Date('2026-11-24T10:00:00+01:00').getTime();
const erik: Person = { id: 2, orgId: 'hofors', name: 'Erik Lind', title: 'Kommunikatör', role: 'officer', language: null, slackUserId: 'U01HOF0002', teamsUserId: null, active: true };
const inquiry: InquirySummary = { id: 7, channel: 'facebook', accountName: 'Hofors kommun', authorName: 'Karin', text: 'Hej', url: null, receivedAt: now - 60_000, deadline: now + 3_600_000, workingTimeLeft: 3_600_000, state: 'open', assigneeName: null, personalData: [] };
const digest: Notification = { type: 'digest', date: '2026-11-24', inquiries: [inquiry], unrouted: [], timezone: 'Europe/Stockholm', language: 'sv' };
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

let fake: FakeSlackApi;
let notifier: SlackNotifier;
beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  const client = new webApi.WebClient('xoxb-test-hofors', { slackApiUrl: fake.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  // the chart is the reports engineer's: here any rendered message may carry an image
  const render = (n: Notification, t: number) => (n.type === 'digest' && n.date === '2026-11-30' ? { ...renderNotification(n, t), image: { png, alt: 'Andel i tid per kanal', filename: 'svarstid-2026-W49.png' } } : renderNotification(n, t));
  notifier = new SlackNotifier(new Map([['hofors', client]]), () => now, pino({ level: 'silent' }), render);
});
afterAll(() => fake.close());

describe('SlackNotifier', () => {
  it('opens the DM once and posts any notification type as a header and sections', async () => {
    await notifier.send(erik, digest, 'digest:1');
    await notifier.send(erik, digest, 'digest:2');
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    const post = fake.callsTo('chat.postMessage').at(-1)!;
    expect(post.params.channel).toBe('DU01HOF0002');
    expect(post.params.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Dina obesvarade frågor, tisdag 24 november' } });
    expect(post.params.text).toContain('#7 på Facebook från Karin');
  });

  it('uploads a message’s image into the same DM (files upload v2)', async () => {
    await notifier.send(erik, { ...digest, date: '2026-11-30' }, 'summary:1');
    const get = fake.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(get.params).toMatchObject({ filename: 'svarstid-2026-W49.png', length: String(png.length), alt_text: 'Andel i tid per kanal' });
    expect([...fake.uploads.at(-1)!.bytes]).toEqual([...png]);
    expect(fake.callsTo('files.completeUploadExternal').at(-1)!.params).toMatchObject({ channel_id: 'DU01HOF0002', files: [{ id: fake.uploads.at(-1)!.fileId, title: 'svarstid-2026-W49.png' }] });
  });

  it('a 429 becomes a NotifyError carrying Slack’s Retry-After', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 42 });
    const e = await notifier.send(erik, digest, 'k').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotifyError);
    expect(e).toMatchObject({ retryAfterMs: 42_000, permanent: false });
  });

  it.each(['user_not_found', 'account_inactive'])('%s is permanent: no retry can reach the person', async (error) => {
    fake.failNext('chat.postMessage', { error });
    await expect(notifier.send(erik, digest, 'k')).rejects.toMatchObject({ permanent: true, message: expect.stringContaining(error) });
  });

  it('another Slack error is retried by the tick (not permanent)', async () => {
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    await expect(notifier.send(erik, digest, 'k')).rejects.toMatchObject({ permanent: false });
  });

  it('a person without a Slack user, or of an organization with no workspace, cannot be reached', async () => {
    await expect(notifier.send({ ...erik, slackUserId: null }, digest, 'k')).rejects.toMatchObject({ permanent: true });
    await expect(notifier.send({ ...erik, orgId: 'nassjo' }, digest, 'k')).rejects.toMatchObject({ permanent: true });
  });
});
