/** Several workspaces in one process: each organization's app at its own path, with its own secret and token. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../fakes/slack-api.js';
import { commandBody, FORM, postSigned } from '../../fakes/slack-signing.js';
import { at, ERIK, eventually, SECRET, startSlackHarness, type SlackHarness } from './support.js';

const JONAS = 'U01ARV0002'; // directory/arvidsjaur.yaml, responsible for the chat
const ARV_SECRET = 'arvidsjaur-signing-secret';
let h: SlackHarness;
beforeAll(async () => {
  const fake = await new FakeSlackApi(['xoxb-test-hofors', 'xoxb-test-arvidsjaur']).start();
  h = await startSlackHarness({
    fake,
    orgs: ['arvidsjaur'],
    config: {
      workspaces: [
        { orgId: 'hofors', botToken: 'xoxb-test-hofors', signingSecret: SECRET, path: '/slack/hofors/events' },
        { orgId: 'arvidsjaur', botToken: 'xoxb-test-arvidsjaur', signingSecret: ARV_SECRET, path: '/slack/arvidsjaur/events' },
      ],
    },
  });
});
afterAll(() => h.close());

const command = (path: string, secret: string, userId: string, text: string, name: string) =>
  postSigned(`${h.base}${path}`, commandBody({ text, userId, responseUrl: h.fake.responseUrl(name) }), { secret, nowMs: h.time, contentType: FORM });

describe('two organizations, two workspaces', () => {
  it('serves each at its own path, verified with its own signing secret', async () => {
    expect((await command('/slack/arvidsjaur/events', SECRET, JONAS, 'lista', 'w1')).status).toBe(401);
    expect((await command('/slack/arvidsjaur/events', ARV_SECRET, JONAS, 'lista', 'w2')).status).toBe(200);
    expect((await fetch(`${h.base}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
  });

  it('a person acts in their own organization only; a Hofors user is unknown in the Arvidsjaur workspace', async () => {
    const id = await h.inquiry({ channel: 'chat', account: 'arvidsjaur-chatt' });
    await command('/slack/arvidsjaur/events', ARV_SECRET, JONAS, `ta ${id}`, 'w3');
    expect((await eventually(() => h.replies('w3')[0])).text).toContain(`#${id} – Jonas Lundberg tog frågan.`);
    await command('/slack/arvidsjaur/events', ARV_SECRET, ERIK, `ta ${id}`, 'w4');
    expect((await eventually(() => h.replies('w4')[0])).text).toContain('Jag hittar dig inte');
  });

  it('reminders go out through the person’s own workspace (its bot token)', async () => {
    h.time = at('2026-11-25T09:00');
    const hofors = await h.inquiry();
    const arvidsjaur = await h.inquiry({ channel: 'chat', account: 'arvidsjaur-chatt' });
    // inside both calendars' hours (Arvidsjaur closes at 16:00: a reminder claimed after close waits for the opening)
    await h.app.tick(at('2026-11-25T15:30'));
    const post = (user: string, id: number) => h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === `D${user}` && c.params.text.includes(`#${id}`));
    expect(post(ERIK, hofors)?.token).toBe('xoxb-test-hofors');
    expect(post(JONAS, arvidsjaur)?.token).toBe('xoxb-test-arvidsjaur');
    expect(h.app.chatAdapters[0]!.reaches({ id: 1, orgId: 'nassjo', name: 'N', title: null, role: 'officer', language: null, slackUserId: 'U1', teamsUserId: null, active: true })).toBe(false);
  });
});
