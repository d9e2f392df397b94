/** Row <-> core object mapping for inquiries and events. */
import type { Inquiry, InquiryState, LateReason } from '../inquiries/model.js';
import type { StoredEvent } from '../inquiries/ports.js';
import type { events, inquiries } from './schema.js';

type InquiryRow = typeof inquiries.$inferSelect;
type EventRow = typeof events.$inferSelect;

const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());
export const date = (t: number | null | undefined): Date | null => (t === null || t === undefined ? null : new Date(t));

export function toInquiry(r: InquiryRow): Inquiry {
  return {
    id: r.id,
    orgId: r.orgId,
    accountId: r.accountId,
    source: r.source,
    channel: r.channel,
    accountExternalId: r.accountExternalId,
    externalId: r.externalId,
    authorId: r.authorId,
    authorName: r.authorName,
    authorHandle: r.authorHandle,
    text: r.text,
    url: r.url,
    inReplyTo: r.inReplyTo,
    receivedAt: r.receivedAt.getTime(),
    deadline: ms(r.deadline),
    allowedMinutes: r.allowedMinutes,
    state: r.state as InquiryState,
    assigneeId: r.assigneeId,
    answeredAt: ms(r.answeredAt),
    closedAt: ms(r.closedAt),
    closeReason: r.closeReason,
    registered: r.registered,
    caseNumber: r.caseNumber,
    personalData: r.personalData,
    removed: r.removed,
    removedReason: r.removedReason,
    privateConversation: r.privateConversation,
    raw: r.raw,
    version: r.version,
    caughtUpAt: ms(r.caughtUpAt),
    lateReason: (r.lateReason as LateReason | null) ?? null,
  };
}

export function toEvent(r: EventRow): StoredEvent {
  return { id: r.id, inquiryId: r.inquiryId, type: r.type, actor: r.actor, at: r.at.getTime(), data: r.data };
}
