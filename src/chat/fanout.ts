/**
 * One notifier over several chat adapters: a notification goes to every adapter that can reach the
 * person (a municipality normally runs one platform; with both, a person listed in both gets both).
 * A person no adapter can reach is a permanent failure, so the manager is told at once.
 */
import { NotifyError, type ChatNotifier, type Notification, type Person } from '../reminders/model.js';
import type { ChatAdapter } from './adapter.js';

export class FanoutNotifier implements ChatNotifier {
  constructor(private readonly adapters: readonly ChatAdapter[]) {}

  async send(to: Person, notification: Notification, key: string): Promise<void> {
    const targets = this.adapters.filter((a) => a.reaches(to));
    if (targets.length === 0) {
      const platforms = this.adapters.map((a) => a.platform).join(', ');
      throw new NotifyError(`${to.name} has no identity on any configured chat platform (${platforms}); add it to the directory`, undefined, true);
    }
    for (const a of targets) await a.notifier.send(to, notification, `${key}:${a.platform}`);
  }
}
