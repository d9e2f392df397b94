import { describe, expect, it } from 'vitest';
import { slackConfigFromEnv } from '../../../adapters/slack/index.js';

describe('slackConfigFromEnv', () => {
  it('is undefined when no Slack variable is set (the console adapter is used)', () => {
    expect(slackConfigFromEnv({ PORT: '3000', SLACK_BOT_TOKEN: '' })).toBeUndefined();
  });

  it('reads one workspace in HTTP mode, served at /slack/events', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_ORGANIZATION: 'hofors' })).toEqual({
      workspaces: [{ orgId: 'hofors', botToken: 'xoxb-1', signingSecret: 's', path: '/slack/events' }],
    });
  });

  it('reads one workspace in Socket Mode', () => {
    expect(slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_ORGANIZATION: 'hofors' })?.workspaces[0]).toMatchObject({ orgId: 'hofors', appToken: 'xapp-1' });
  });

  it('reads several workspaces from suffixed variables, each at its own path', () => {
    const c = slackConfigFromEnv({
      SLACK_BOT_TOKEN_HOFORS: 'xoxb-h',
      SLACK_SIGNING_SECRET_HOFORS: 'sh',
      SLACK_BOT_TOKEN_REGION_GOTLAND: 'xoxb-g',
      SLACK_APP_TOKEN_REGION_GOTLAND: 'xapp-g',
    });
    expect(c?.workspaces).toEqual([
      { orgId: 'hofors', botToken: 'xoxb-h', signingSecret: 'sh', path: '/slack/hofors/events' },
      { orgId: 'region-gotland', botToken: 'xoxb-g', appToken: 'xapp-g', path: '/slack/region-gotland/events' },
    ]);
  });

  describe('when the configuration is partial, the error names the missing variable', () => {
    it.each([
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, /SLACK_ORGANIZATION is not set/],
      [{ SLACK_SIGNING_SECRET: 's', SLACK_ORGANIZATION: 'hofors' }, /SLACK_BOT_TOKEN is not set/],
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_ORGANIZATION: 'hofors' }, /SLACK_SIGNING_SECRET \(HTTP mode\) or SLACK_APP_TOKEN/],
      [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's', SLACK_ORGANIZATION: 'hofors' }, /must be a bot token/],
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2', SLACK_ORGANIZATION: 'hofors' }, /SLACK_APP_TOKEN must be an app-level token/],
      [{ SLACK_SIGNING_SECRET_HOFORS: 's' }, /SLACK_BOT_TOKEN_HOFORS is not set/],
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_ORGANIZATION: 'Hofors kommun' }, /not an organization key/],
      [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_ORGANIZATION: 'hofors', SLACK_BOT_TOKEN_HOFORS: 'xoxb-2', SLACK_SIGNING_SECRET_HOFORS: 't' }, /configured twice/],
    ])('%j', (env, message) => {
      expect(() => slackConfigFromEnv(env)).toThrow(message);
    });
  });
});
