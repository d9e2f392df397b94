/** npm start picks its chat adapters from the environment: Slack, Teams, both, or the console. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { appFromEnv } from '../../src/main.js';

const env = (o: Record<string, string>) => ({ SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-env-')), SVARSTID_API_TOKEN: 't', ...o });
const SLACK = { SLACK_ORGANIZATION: 'hofors', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
const TEAMS = { MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' };

describe('chat adapters from the environment', () => {
  it.each([
    ['nothing set: the console', {}, ['console'], []],
    ['Slack over HTTP', SLACK, ['slack'], ['/slack/events']],
    ['Teams', TEAMS, ['teams'], ['/api/messages']],
    ['both', { ...SLACK, ...TEAMS }, ['slack', 'teams'], ['/slack/events', '/api/messages']],
  ])('%s', async (_, vars, platforms, paths) => {
    const app = await appFromEnv(env(vars), pino({ level: 'silent' }));
    try {
      expect(app.chatAdapters.map((a) => a.platform)).toEqual(platforms);
      expect(app.chatAdapters.flatMap((a) => a.routes.map((r) => r.path))).toEqual(paths);
    } finally {
      await app.close();
    }
  });

  it('a partly configured platform stops the start with the missing variable named', async () => {
    await expect(appFromEnv(env({ SLACK_BOT_TOKEN: 'xoxb-1' }), pino({ level: 'silent' }))).rejects.toThrow(/SLACK_/);
    await expect(appFromEnv(env({ MICROSOFT_APP_ID: 'a' }), pino({ level: 'silent' }))).rejects.toThrow('MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are missing');
  });
});
