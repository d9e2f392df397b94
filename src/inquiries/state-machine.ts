/**
 * The inquiry state machine, pure: given an inquiry, a command and the time, it decides the change
 * and the event that records it, or throws an InquiryError with a stable code (and changes nothing).
 *
 *   open → claimed → (forwarded → claimed)* → answered | closed;  answered | closed → reopened (open/claimed)
 *   unrouted → closed (e.g. spam to an unknown account);  `registered` is a flag, not a state.
 */
import { InquiryError } from './errors.js';
import { canonicalReason, needsNote } from './reasons.js';
import { ACTIVE_STATES, CLOSE_REASONS, REMOVED_BY_ACCOUNT, REMOVED_BY_AUTHOR, type Inquiry, type InquiryEvent, type InquiryPatch, type InquiryState } from './model.js';

export type Command =
  | { readonly type: 'claim'; readonly by: number }
  | { readonly type: 'forward'; readonly by: number; readonly to: number; readonly reason?: string }
  /** `posted`: the answer svarstid posted to the platform for the officer (text, the platform's reply id and link), kept in the event */
  | { readonly type: 'answer'; readonly by: number | 'source'; readonly at?: number; readonly posted?: Readonly<Record<string, unknown>> }
  /** `moderation`: what svarstid did on the platform (hide/remove, the archive record, the platform's answer), kept in the event */
  | { readonly type: 'close'; readonly by: number; readonly reason: string; readonly note?: string; readonly moderation?: Readonly<Record<string, unknown>> }
  | { readonly type: 'register'; readonly by: number; readonly caseNumber?: string }
  | { readonly type: 'reopen'; readonly by: number; readonly reason?: string }
  /** the citizen edited the message on the platform: the new text and its personal-data findings */
  | { readonly type: 'edit'; readonly by: 'source'; readonly text: string; readonly personalData: readonly string[]; readonly at: number }
  /** the message was removed on the platform, by its author or by the account itself */
  | { readonly type: 'removed'; readonly by: 'source'; readonly removedBy: 'author' | 'account'; readonly how: string; readonly at: number };

export interface Decision {
  readonly patch: InquiryPatch;
  readonly event: InquiryEvent;
}

function actor(by: number | 'source', inquiry: Inquiry): string {
  return by === 'source' ? `source:${inquiry.source}` : `person:${by}`;
}

function requireState(inquiry: Inquiry, allowed: readonly InquiryState[], action: string): void {
  if (!allowed.includes(inquiry.state)) {
    throw new InquiryError('illegal_transition', `inquiry ${inquiry.id} is ${inquiry.state}; cannot ${action} (allowed from: ${allowed.join(', ')})`);
  }
}

export function decide(inquiry: Inquiry, command: Command, now: number): Decision {
  const event = (type: string, data: Record<string, unknown> = {}, at = now): InquiryEvent => ({ type, actor: actor(command.by, inquiry), at, data });
  switch (command.type) {
    case 'claim': {
      if (inquiry.state === 'claimed' && inquiry.assigneeId === command.by) throw new InquiryError('already_yours', `inquiry ${inquiry.id} is already claimed by you`);
      if (inquiry.state === 'claimed') throw new InquiryError('already_claimed', `inquiry ${inquiry.id} is already claimed by person ${inquiry.assigneeId}`);
      requireState(inquiry, ACTIVE_STATES, 'claim');
      return { patch: { state: 'claimed', assigneeId: command.by }, event: event('claimed', { previousAssignee: inquiry.assigneeId }) };
    }
    case 'forward': {
      requireState(inquiry, ACTIVE_STATES, 'forward');
      if (command.to === inquiry.assigneeId && inquiry.state !== 'open') throw new InquiryError('already_yours', `inquiry ${inquiry.id} is already with person ${command.to}`);
      return {
        patch: { state: 'forwarded', assigneeId: command.to },
        event: event('forwarded', { from: inquiry.assigneeId, to: command.to, reason: command.reason ?? null }),
      };
    }
    case 'answer': {
      requireState(inquiry, ACTIVE_STATES, 'mark answered');
      const at = command.at ?? now;
      return { patch: { state: 'answered', answeredAt: at }, event: event('answered', command.posted ? { posted: command.posted } : {}, at) };
    }
    case 'close': {
      requireState(inquiry, [...ACTIVE_STATES, 'unrouted'], 'close');
      // a reason by its name or a short form ("spam" → "reklam/spam"), from every caller alike: chat, REST
      const reason = canonicalReason(command.reason);
      if (reason === undefined) {
        throw new InquiryError('unknown_reason', `"${command.reason}" is not a reason for closing; use one of: ${CLOSE_REASONS.join(', ')}`);
      }
      if (needsNote(reason, command.note)) throw new InquiryError('note_required', `"${reason}" needs a note saying what it was`);
      // every reason in the guidelines' list is a reason to remove the comment, "annat" (with its note) too
      const removed = true;
      return {
        patch: { state: 'closed', closedAt: now, closeReason: reason, removed, removedReason: removed ? reason : null },
        event: event('closed', { reason, note: command.note ?? null, removed, ...(command.moderation && { moderation: command.moderation }) }),
      };
    }
    case 'register': {
      if (inquiry.state === 'unrouted') throw new InquiryError('illegal_transition', `inquiry ${inquiry.id} is unrouted; route it to an account before registering`);
      if (inquiry.registered && (command.caseNumber === undefined || command.caseNumber === inquiry.caseNumber)) {
        throw new InquiryError('already_registered', `inquiry ${inquiry.id} is already registered${inquiry.caseNumber ? ` as ${inquiry.caseNumber}` : ''}`);
      }
      return {
        patch: { registered: true, caseNumber: command.caseNumber ?? inquiry.caseNumber },
        event: event('registered', { caseNumber: command.caseNumber ?? null, previousCaseNumber: inquiry.caseNumber }),
      };
    }
    case 'edit': {
      // every state: the archive keeps each version, whatever became of the question; the deadline stays
      if (inquiry.text === null) throw new InquiryError('illegal_transition', `inquiry ${inquiry.id} has had its text erased (retention); an edit is not stored`);
      if (inquiry.text === command.text) throw new InquiryError('unchanged', `inquiry ${inquiry.id} already has this text`);
      return {
        patch: { text: command.text, personalData: [...command.personalData] },
        event: event('edited', { previousText: inquiry.text, previousPersonalData: [...inquiry.personalData], personalData: [...command.personalData] }, command.at),
      };
    }
    case 'removed': {
      const byAuthor = command.removedBy === 'author';
      if ([...ACTIVE_STATES, 'unrouted'].includes(inquiry.state)) {
        // nothing left to answer: closed with a reason of its own, its reminders stop; the archived original stays
        const reason = byAuthor ? REMOVED_BY_AUTHOR : REMOVED_BY_ACCOUNT;
        return {
          patch: { state: 'closed', closedAt: command.at, closeReason: reason, ...(byAuthor ? {} : { removed: true, removedReason: reason }) },
          event: event('closed', { reason, note: null, removed: !byAuthor, removedBy: command.removedBy, how: command.how }, command.at),
        };
      }
      // answered or closed already: recorded, nothing else changes
      return {
        patch: byAuthor || inquiry.removed ? {} : { removed: true, removedReason: REMOVED_BY_ACCOUNT },
        event: event('removed_on_platform', { removedBy: command.removedBy, how: command.how }, command.at),
      };
    }
    case 'reopen': {
      requireState(inquiry, ['answered', 'closed'], 'reopen');
      return {
        patch: { state: inquiry.assigneeId === null ? 'open' : 'claimed', answeredAt: null, closedAt: null, closeReason: null },
        event: event('reopened', { from: inquiry.state, reason: command.reason ?? null }),
      };
    }
  }
}
