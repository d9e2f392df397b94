/** What the listeners of one workspace share: its organization, the chat service, a Web API client, a log. */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatRuntime, ChatUser } from '../../src/chat/index.js';

export interface Workspace {
  readonly orgId: string;
  readonly runtime: ChatRuntime;
  /** the bot token's client for the listeners' calls (chat.update, views.*, conversations.open) */
  readonly api: webApi.WebClient;
  readonly logger: Logger;
}

/** The Slack user as the chat service knows them: in this workspace's organization only. */
export function chatUser(ws: Workspace, slackUserId: string): ChatUser {
  return { platform: 'slack', id: slackUserId, orgId: ws.orgId };
}
