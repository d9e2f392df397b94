/** npm start picks its chat adapters from the environment: Slack, Teams, both, or the console. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ChatRuntime } from '../../src/chat/index.js';
import type { ChatService } from '../../src/chat/service.js';
import { chatAdaptersFromEnv } from '../../src/main.js';

const SLACK = { SLACK_ORGANIZATION: 'hofors', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
const TEAMS = { MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' };
const clock = { now: () => 0 };
// building adapters reads nothing from the runtime but its logger; nothing here handles a message
const runtime: ChatRuntime = {
  chat: {} as ChatService,
  conversations: { save: async () => {}, find: async () => undefined },
  deliveries: { first: async () => true, forget: async () => {} },
  now: () => 0,
  logger: pino({ level: 'silent' }),
};

describe('chat adapters from the environment', () => {
  it.each([
    ['nothing set: the console', {}, ['console'], []],
    ['Slack over HTTP', SLACK, ['slack'], ['/slack/events']],
    ['Slack in Socket Mode: no HTTP route', { SLACK_ORGANIZATION: 'hofors', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, ['slack'], []],
    ['Teams', TEAMS, ['teams'], ['/api/messages']],
    ['both', { ...SLACK, ...TEAMS }, ['slack', 'teams'], ['/slack/events', '/api/messages']],
  ])('%s', async (_, vars, platforms, paths) => {
    const adapters = (await chatAdaptersFromEnv(vars, clock))(runtime);
    expect(adapters.map((a) => a.platform)).toEqual(platforms);
    expect(adapters.flatMap((a) => a.routes.map((r) => r.path))).toEqual(paths);
  });

  it('a partly configured platform stops the start with the missing variable named, before anything opens', async () => {
    await expect(chatAdaptersFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }, clock)).rejects.toThrow(/SLACK_/);
    await expect(chatAdaptersFromEnv({ MICROSOFT_APP_ID: 'a' }, clock)).rejects.toThrow('MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are missing');
  });
});
