/**
 * The organization's own reply seen on the platform (a page comment replying to a tracked comment,
 * the account's reply tweet, a Messenger/DM answer) marks the tracked inquiry answered, with the
 * reply's time. Inquiries already answered or closed are left alone; an unknown target is ignored.
 */
import type { OwnReply } from './inbound.js';
import { isActive, type Inquiry } from './model.js';
import type { InquiryStore, ReminderPlanner } from './ports.js';
import { decide } from './state-machine.js';

export type AnswerDeps = { readonly store: Pick<InquiryStore, 'findByExternalId' | 'findActiveFromAuthor' | 'apply'>; readonly plan?: ReminderPlanner };


export async function answerFromSource(deps: AnswerDeps, reply: OwnReply, now: number): Promise<Inquiry[]> {
  const targets = reply.conversationWith
    ? await deps.store.findActiveFromAuthor(reply.channel, reply.accountExternalId, reply.inReplyTo)
    : [await deps.store.findByExternalId(reply.channel, reply.accountExternalId, reply.inReplyTo)].filter((i): i is Inquiry => i !== undefined);
  const answered: Inquiry[] = [];
  for (const inquiry of targets) {
    if (!isActive(inquiry.state) || reply.answeredAt < inquiry.receivedAt) continue;
    const { patch, event } = decide(inquiry, { type: 'answer', by: 'source', at: reply.answeredAt }, now);
    const withReply = { ...event, data: { ...event.data, replyId: reply.externalId } };
    answered.push(await deps.store.apply(inquiry.id, inquiry.version, patch, withReply, now, deps.plan));
  }
  return answered;
}
