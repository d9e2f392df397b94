/** The Slack chat adapter (Bolt): slash command, buttons, modals, App Home and DMs. See docs/readme-slack.md. */
export { createSlackAdapter, type SlackAdapterOptions } from './adapter.js';
export { slackConfigFromEnv, type SlackConfig, type SlackWorkspaceConfig } from './config.js';
export { SLASH_COMMAND } from './listeners.js';
