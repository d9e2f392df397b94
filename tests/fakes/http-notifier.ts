/**
 * A ChatNotifier that POSTs each send to a NotifierServer (or anything speaking its protocol) with
 * keep-alive HTTP, and throws on a non-2xx answer: a NotifyError carrying Retry-After when the fake says 429,
 * as the Slack and Teams adapters do.
 */
import { Agent, request } from 'node:http';
import { NotifyError, type ChatNotifier, type Notification, type Person } from '../../src/reminders/model.js';

export interface HttpNotifierOptions {
  /** e.g. http://127.0.0.1:43121/deliveries */
  readonly url: string;
  /** this instance's name, sent along so the fake can count per instance */
  readonly worker?: string;
  /** the sender's (simulated) now, sent along as `at` */
  readonly now?: () => number;
}

/** keep-alive connections, as a chat SDK's HTTP client keeps them */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

function post(url: string, body: string): Promise<{ status: number; text: string; retryAfter: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        const ra = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, text, retryAfter: typeof ra === 'string' ? ra : null });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
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
      inquiry: 'inquiry' in notification ? notification.inquiry.id : undefined,
      routedVia: notification.type === 'reminder' ? notification.routedVia?.intendedId : undefined,
      worker: this.o.worker,
      at: this.o.now?.(),
    };
    const res = await post(this.o.url, JSON.stringify(body));
    const text = res.text;
    if (res.status >= 200 && res.status < 300) return;
    const retryAfter = res.retryAfter;
    const retryAfterMs = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
    throw new NotifyError(`fake platform answered ${res.status}: ${text.slice(0, 200)}`, retryAfterMs);
  }
}
