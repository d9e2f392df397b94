/**
 * Reminders, digests and every other notification as Slack DMs. A reminder (and the forwarded notice,
 * which is one) gets the inquiry's buttons; any other type is rendered generically by chat-text, so a
 * new notification type needs nothing here. An image (the weekly chart) is uploaded into the same DM
 * with the files upload v2 flow. The WebClient does not retry by itself: a 429 becomes a NotifyError
 * with Slack's Retry-After and the tick reschedules the reminder.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { NotifyError, type ChatNotifier, type Notification, type Person } from '../../src/reminders/model.js';
import { renderNotification, type RenderedMessage } from '../chat-text/index.js';
import { messageBlocks, type SlackMessage } from './blocks.js';
import { toNotifyError } from './errors.js';
import { reminderMessage } from './inquiry-blocks.js';
import { summarizeError } from '../../src/log/summary.js';

type Render = (n: Notification, now: number) => RenderedMessage;

export function notificationMessage(n: Notification, now: number, render: Render = renderNotification): { message: SlackMessage; image?: RenderedMessage['image'] } {
  if (n.type === 'reminder') return { message: reminderMessage(n, now) };
  const rendered = render(n, now);
  return { message: messageBlocks(rendered), ...(rendered.image && { image: rendered.image }) };
}

export class SlackNotifier implements ChatNotifier {
  /** DM channel per workspace and user: conversations.open is idempotent, this only saves a call */
  private readonly dms = new Map<string, string>();

  constructor(
    /** the notifier's WebClient per organization (no retries of its own, rate limits rejected) */
    private readonly clients: ReadonlyMap<string, webApi.WebClient>,
    private readonly now: () => number,
    private readonly logger: Logger,
    /** how notifications other than reminders become text (chat-text; replaceable in tests) */
    private readonly render: Render = renderNotification,
  ) {}

  async send(to: Person, notification: Notification, _key: string): Promise<void> {
    const client = this.clients.get(to.orgId);
    if (!client) throw new NotifyError(`no Slack workspace is configured for organization ${to.orgId}`, undefined, true);
    if (!to.slackUserId) throw new NotifyError(`${to.name} has no Slack user in the directory`, undefined, true);
    const { message, image } = notificationMessage(notification, this.now(), this.render);
    const channel = await this.dm(client, to.orgId, to.slackUserId);
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    } catch (e) {
      throw toNotifyError(e, `chat.postMessage to ${to.slackUserId}`);
    }
    if (!image) return;
    try {
      await client.filesUploadV2({ channel_id: channel, file: Buffer.from(image.png), filename: image.filename, title: image.filename, alt_text: image.alt });
    } catch (e) {
      // the text is delivered (and says what the picture shows); failing the send would repeat the text
      this.logger.warn({ error: summarizeError(e), to: to.slackUserId }, 'Slack: the message was sent but its image could not be uploaded');
    }
  }

  private async dm(client: webApi.WebClient, orgId: string, userId: string): Promise<string> {
    const key = `${orgId}:${userId}`;
    const known = this.dms.get(key);
    if (known) return known;
    try {
      const res = await client.conversations.open({ users: userId });
      const id = res.channel?.id;
      if (!id) throw new NotifyError(`conversations.open for ${userId} returned no channel`);
      this.dms.set(key, id);
      return id;
    } catch (e) {
      throw toNotifyError(e, `conversations.open with ${userId}`);
    }
  }
}
