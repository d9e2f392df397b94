/**
 * The organization's own reply seen on the platform (a page comment replying to a tracked comment,
 * the account's reply post, a Messenger/Instagram/X DM answer) marks the tracked inquiry answered,
 * with the reply's time and its text (issue 14: the archive holds question and answer, so a missing
 * signature is visible). A reply answers its own conversation only: the post it replies to, or, in a
 * private conversation, that conversation's messages, never the citizen's public posts.
 *
 * An inquiry already answered (an officer marked it in chat first) keeps its answer and gets the
 * reply recorded beside it (`reply_seen`, once per reply id); closed ones and unknown targets are left alone.
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
  readonly store: Pick<InquiryStore, 'findByExternalId' | 'findActiveInConversation' | 'apply' | 'events'>;
  readonly plan?: ReminderPlanner;
  /** the account's route (with its organization's policy), for the answer metrics; ingest passes the receiver's */
  readonly route?: RouteLookup;
};

/** What the answer's event records of the reply: its id, and its text when the platform gave one. */
function replyData(reply: OwnReply): Record<string, unknown> {
  return { replyId: reply.externalId, ...(reply.text === undefined ? {} : { replyText: reply.text }) };
}

export async function answerFromSource(deps: AnswerDeps, reply: OwnReply, now: number): Promise<Inquiry[]> {
  const targets = reply.conversationWith
    ? await deps.store.findActiveInConversation(reply.channel, reply.accountExternalId, reply.inReplyTo)
    : [await deps.store.findByExternalId(reply.channel, reply.accountExternalId, reply.inReplyTo)].filter((i): i is Inquiry => i !== undefined);
  const answered: Inquiry[] = [];
  const inTime = targets.filter((i) => reply.answeredAt >= i.receivedAt);
  const active = inTime.filter((i) => isActive(i.state));
  const route = active.length > 0 ? await deps.route?.(reply.channel, reply.accountExternalId) : undefined;
  for (const inquiry of active) {
    const { patch, event } = decide(inquiry, { type: 'answer', by: 'source', at: reply.answeredAt }, now);
    // the actor is the source that reported the answer, not the one the question came from
    const withReply = { ...event, actor: sourceActor(reply), data: { ...event.data, ...replyData(reply) } };
    const measured = withAnswerMetrics(inquiry, patch, (org) => (route && route.orgId === org ? route.policy : undefined));
    answered.push(await deps.store.apply(inquiry.id, inquiry.version, measured, withReply, now, deps.plan));
  }
  for (const inquiry of inTime.filter((i) => i.state === 'answered')) {
    const seen = (await deps.store.events(inquiry.id)).some((e) => (e.type === 'answered' || e.type === 'reply_seen') && e.data.replyId === reply.externalId);
    if (seen) continue;
    await deps.store.apply(inquiry.id, inquiry.version, {}, { type: 'reply_seen', actor: sourceActor(reply), at: reply.answeredAt, data: replyData(reply) }, now);
  }
  return answered;
}
