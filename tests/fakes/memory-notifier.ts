/** A ChatNotifier that records what would have been sent, for tests of the core's scheduling. */
import type { ChatNotifier, Notification, Person } from '../../src/reminders/model.js';

export interface Sent {
  readonly to: Person;
  readonly notification: Notification;
  readonly key: string;
  readonly at: number;
}

export class MemoryNotifier implements ChatNotifier {
  readonly sent: Sent[] = [];
  /** make the next N sends to a person fail, for retry tests */
  failNext = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  async send(to: Person, notification: Notification, key: string): Promise<void> {
    const left = this.failNext.get(to.id) ?? 0;
    if (left > 0) {
      this.failNext.set(to.id, left - 1);
      throw new Error(`fake platform error for ${to.name}`);
    }
    this.sent.push({ to, notification, key, at: this.now() });
  }
}
