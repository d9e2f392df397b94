/**
 * The organization's own reply seen on the platform (a page comment replying to a tracked comment,
 * the account's reply tweet, a Messenger/DM answer) marks the tracked inquiry answered, with the
 * reply's time. Inquiries already answered or closed are left alone; an unknown target is ignored.
 *
 * Idempotent across instances: it runs in the delivery's unit of work (ingest), where the targets
 * found are locked until it ends, so of several identical notices arriving at once one answers and
 * the others find the inquiry answered (issue 11, item 7), never a version conflict.
 */
import { sourceActor, type OwnReply } from './inbound.js';
import { isActive, type Inquiry } from './model.js';
import type { InquiryStore, ReminderPlanner, RouteLookup } from './ports.js';
import { decide } from './state-machine.js';
import { withAnswerMetrics } from './act.js';

export type AnswerDeps = {
  readonly store: Pick<InquiryStore, 'findByExternalId' | 'findActiveFromAuthor' | 'apply'>;
  readonly plan?: ReminderPlanner;
  /** the account's route (with its organization's policy), for the answer metrics; ingest passes the receiver's */
  readonly route?: RouteLookup;
};


export async function answerFromSource(deps: AnswerDeps, reply: OwnReply, now: number): Promise<Inquiry[]> {
  const targets = reply.conversationWith
    ? await deps.store.findActiveFromAuthor(reply.channel, reply.accountExternalId, reply.inReplyTo)
    : [await deps.store.findByExternalId(reply.channel, reply.accountExternalId, reply.inReplyTo)].filter((i): i is Inquiry => i !== undefined);
  const answered: Inquiry[] = [];
  const active = targets.filter((i) => isActive(i.state) && reply.answeredAt >= i.receivedAt);
  const route = active.length > 0 ? await deps.route?.(reply.channel, reply.accountExternalId) : undefined;
  for (const inquiry of active) {
    const { patch, event } = decide(inquiry, { type: 'answer', by: 'source', at: reply.answeredAt }, now);
    // the actor is the source that reported the answer, not the one the question came from
    const withReply = { ...event, actor: sourceActor(reply), data: { ...event.data, replyId: reply.externalId } };
    const measured = withAnswerMetrics(inquiry, patch, (org) => (route && route.orgId === org ? route.policy : undefined));
    answered.push(await deps.store.apply(inquiry.id, inquiry.version, measured, withReply, now, deps.plan));
  }
  return answered;
}
