/**
 * The Microsoft Teams adapter, on botbuilder's CloudAdapter. botbuilder (the Bot Framework SDK, whose
 * repository is archived and whose support ended 2025-12-31) is used only inside adapters/teams:
 * the application sees the same ChatAdapter port as Slack's, so moving to the Microsoft 365 Agents
 * SDK touches only this folder.
 */
import type { ChatAdapter, ChatRuntime } from '../../src/chat/adapter.js';
import { TeamsBot } from './bot.js';
import { createCloudAdapter } from './cloud-adapter.js';
import { authDisabled, type TeamsConfig } from './config.js';
import { messagesRoute } from './messages-route.js';
import { TeamsNotifier } from './notifier.js';

export { TEAMS_NO_AUTH, teamsConfigFromEnv, type TeamsConfig } from './config.js';

export interface TeamsAdapterOptions {
  /** the HTTP client's fetch for Bot Connector calls (tests) */
  readonly fetch?: typeof fetch;
}

export function createTeamsAdapter(config: TeamsConfig, runtime: ChatRuntime, options: TeamsAdapterOptions = {}): ChatAdapter {
  if (!authDisabled(config) && (config.appPassword === '' || config.tenantId === '')) {
    throw new Error('Teams: a SingleTenant bot needs the app password (MICROSOFT_APP_PASSWORD) and the tenant id (MICROSOFT_APP_TENANT_ID)');
  }
  if (authDisabled(config)) runtime.logger.warn('Teams authentication is DISABLED (SVARSTID_TEAMS_NO_AUTH): for local testing only, never in production; replies go to loopback addresses only');
  const adapter = createCloudAdapter(config, options.fetch);
  const bot = new TeamsBot(runtime, config.tenants);
  return {
    platform: 'teams',
    routes: [messagesRoute(adapter, bot.onTurn, { loopbackOnly: authDisabled(config) })],
    notifier: new TeamsNotifier(adapter, config.appId, runtime),
    reaches: (person) => person.teamsUserId !== null,
  };
}
