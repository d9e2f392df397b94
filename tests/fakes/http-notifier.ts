/**
 * A ChatNotifier that POSTs each send to a NotifierServer (or anything speaking its protocol) with
 * fetch, and throws on a non-2xx answer: a NotifyError carrying Retry-After when the fake says 429,
 * as the Slack and Teams adapters do.
 */
import { NotifyError, type ChatNotifier, type Notification, type Person } from '../../src/reminders/model.js';

export interface HttpNotifierOptions {
  /** e.g. http://127.0.0.1:43121/deliveries */
  readonly url: string;
  /** this instance's name, sent along so the fake can count per instance */
  readonly worker?: string;
  /** the sender's (simulated) now, sent along as `at` */
  readonly now?: () => number;
}

export class HttpNotifier implements ChatNotifier {
  constructor(private readonly o: HttpNotifierOptions) {}

  async send(to: Person, notification: Notification, key: string): Promise<void> {
    const body = {
      key,
      to: to.id,
      toName: to.name,
      slack: to.slackUserId,
      type: notification.type,
      moment: notification.type === 'reminder' ? notification.moment : undefined,
      inquiry: notification.type === 'digest' ? undefined : notification.inquiry.id,
      routedVia: notification.type === 'reminder' ? notification.routedVia?.intendedId : undefined,
      worker: this.o.worker,
      at: this.o.now?.(),
    };
    const res = await fetch(this.o.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text(); // always drain, so the connection is reused
    if (res.ok) return;
    const retryAfter = res.headers.get('retry-after');
    const retryAfterMs = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
    throw new NotifyError(`fake platform answered ${res.status}: ${text.slice(0, 200)}`, retryAfterMs);
  }
}
