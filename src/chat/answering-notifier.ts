/**
 * Reminders (and the forwarded notice) carry the recipient's answering: the Svara button with the
 * text prefilled with their signature, or the line saying why svarstid cannot answer on the account.
 * A decorator of the notifier; other notifications pass unchanged.
 */
import type { ChatNotifier } from '../reminders/model.js';
import type { ChatService } from './service.js';

export function answeringNotifier(inner: ChatNotifier, chat: Pick<ChatService, 'answerability' | 'moderationOffer'>): ChatNotifier {
  return {
    async send(to, n, key) {
      if (n.type !== 'reminder') return inner.send(to, n, key);
      const answer = await chat.answerability(n.inquiry.id, to, n.language);
      // and the Dölj / Ta bort buttons where the platform allows them (src/moderation), or why not
      const moderation = await chat.moderationOffer(n.inquiry.id, to, n.language);
      return inner.send(to, answer || moderation ? { ...n, inquiry: { ...n.inquiry, ...(answer && { answer }), ...(moderation && { moderation }) } } : n, key);
    },
  };
}
