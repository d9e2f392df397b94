/**
 * Reminders and digests to Teams: proactive messages into the person's personal chat with the bot,
 * found from the conversation reference stored when they installed the app or first wrote to it.
 * Someone the bot cannot reach yet is a permanent failure, so the tick tells the manager at once
 * instead of retrying for nothing; a 429 hands the connector's Retry-After to the tick.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ChatRuntime } from '../../src/chat/adapter.js';
import { NotifyError, type ChatNotifier, type Notification, type Person } from '../../src/reminders/model.js';
import { ConnectorHttpError } from './connector-http.js';
import { ServiceUrlRefused } from './loopback.js';
import { notificationActivity } from './notification-activity.js';
import { summarizeError } from '../../src/log/summary.js';

/** Retry-After: seconds, or an HTTP date. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export function notifyErrorOf(e: unknown, to: Person, now: number): NotifyError {
  // a RestError from botbuilder's pipeline (4xx) or a ConnectorHttpError (429, 408, 5xx) both carry statusCode
  const status = (e as { statusCode?: number }).statusCode;
  const message = (e as Error).message?.split('\n')[0] ?? String(e);
  if (e instanceof ServiceUrlRefused) return new NotifyError(`${to.name} cannot be reached: ${message}`, undefined, true);
  if (e instanceof ConnectorHttpError && (status === 429 || status === 503)) {
    return new NotifyError(`Teams is rate limiting the bot (${status}) for ${to.name}`, retryAfterMs(e.retryAfter, now));
  }
  // 403: the bot was blocked or uninstalled by the user, or disabled by the tenant admin; 404: the conversation is gone
  if (status === 403 || status === 404) return new NotifyError(`${to.name} cannot be reached in Teams (${status}: ${message}); they must open or reinstall the svarstid app`, undefined, true);
  return new NotifyError(`Teams did not accept the message for ${to.name}: ${message}`);
}

export class TeamsNotifier implements ChatNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly runtime: ChatRuntime,
  ) {}

  async send(to: Person, notification: Notification, key: string): Promise<void> {
    if (!to.teamsUserId) throw new NotifyError(`${to.name} has no Teams id in the directory`, undefined, true);
    const reference = await this.runtime.conversations.find('teams', [to.teamsUserId]);
    if (!reference) {
      throw new NotifyError(`${to.name} is not reachable in Teams yet: they have not installed the svarstid app or written to it`, undefined, true);
    }
    const now = this.runtime.now();
    const forwardees = notification.type === 'reminder' ? await this.runtime.chat.forwardees(to) : [];
    const activity = notificationActivity(notification, forwardees, now);
    try {
      await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
        // botbuilder gives the continuation a random id and would send the message as a reply to it;
        // without one it is a new message in the conversation (POST …/activities)
        context.activity.id = undefined;
        await context.sendActivity(activity);
      });
    } catch (e) {
      const error = notifyErrorOf(e, to, now);
      this.runtime.logger.warn({ key, to: to.id, error: summarizeError(e), status: (e as { statusCode?: unknown }).statusCode, retryAfterMs: error.retryAfterMs, permanent: error.permanent }, 'Teams send failed');
      throw error;
    }
  }
}
