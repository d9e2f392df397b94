/** Socket Mode (no public URL): the same app over a WebSocket, against a local fake of Slack's socket endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { FakeSocketMode } from '../../fakes/slack-socket.js';
import { BOT_TOKEN, buttonPayload, ERIK, eventually, startSlackHarness, type SlackHarness } from './support.js';

let h: SlackHarness;
let socket: FakeSocketMode;
beforeAll(async () => {
  socket = await new FakeSocketMode().start();
  const fake = await new FakeSlackApi().start();
  fake.socketUrl = socket.url;
  h = await startSlackHarness({ fake, config: { workspaces: [{ orgId: 'hofors', botToken: BOT_TOKEN, appToken: 'xapp-test-hofors', path: '/slack/events' }] } });
  await h.app.startChat();
  await socket.whenConnected();
});
afterAll(async () => {
  await h.close();
  await socket.close();
});

describe('Socket Mode', () => {
  it('opens the connection with the app-level token', () => {
    expect(h.fake.callsTo('apps.connections.open').map((c) => c.token)).toContain('xapp-test-hofors');
  });

  it('mounts no HTTP route: /slack/events is not served', async () => {
    expect((await fetch(`${h.base}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('a slash command envelope is acked at once, then answered through the response_url', async () => {
    const id = await h.inquiry();
    const started = performance.now();
    const ack = await socket.send('slash_commands', { command: '/svarstid', text: `ta ${id}`, user_id: ERIK, team_id: 'T0HOFORS', channel_id: `D${ERIK}`, response_url: h.fake.responseUrl('socket-cmd'), trigger_id: 'sock-1' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ack.envelope_id).toBeTruthy();
    const [reply] = await eventually(() => (h.replies('socket-cmd').length ? h.replies('socket-cmd') : undefined));
    expect(reply.text).toContain(`#${id} – Erik Lind tog frågan.`);
  });

  it('a button envelope acts and updates the DM in place', async () => {
    const id = await h.inquiry();
    await socket.send('interactive', buttonPayload({ userId: ERIK, actionId: 'svarstid:claim', inquiryId: id, ts: '1700000500.000100' }));
    const update = await eventually(() => h.fake.callsTo('chat.update').find((c) => c.params.ts === '1700000500.000100'));
    expect(update.params.blocks[0].text.text).toBe(`*#${id} – Erik Lind tog frågan.*`);
  });

  it('an app_home_opened event is acked and publishes Home', async () => {
    const before = h.fake.callsTo('views.publish').length;
    const ack = await socket.send('events_api', { type: 'event_callback', team_id: 'T0HOFORS', api_app_id: 'A0SVARSTID', event_id: 'Ev-sock-1', event_time: 1, event: { type: 'app_home_opened', user: ERIK, channel: `D${ERIK}`, tab: 'home' } });
    expect(ack.envelope_id).toBeTruthy();
    await eventually(() => h.fake.callsTo('views.publish').slice(before).find((c) => c.params.user_id === ERIK));
  });
});
