/**
 * What the platform reports about a message already received: the citizen edited it, or it was
 * removed (by its author, or by the account itself on the platform).
 *
 * - An edit replaces the inquiry's text, re-runs personal-data detection and keeps the deadline;
 *   the earlier text is kept whole in the `edited` event (allmän handling: every version that came
 *   in is a record). A redelivered edit (same text) changes nothing. An edit of a message svarstid
 *   never saw is received as a new message when the platform sent the message whole, else ignored.
 * - A removal by the author closes an active inquiry as "borttagen av skribenten" (a reason of its
 *   own, counted apart in reports); a removal by the account closes it as "borttagen av kontot" and
 *   marks it removed. Either stops its reminders and keeps the archived original (text, raw payload).
 *   An inquiry already answered or closed gets the removal recorded once, and nothing else changes.
 *   A removal of a message svarstid never saw is ignored.
 */
import { detectPersonalData } from './personal-data/index.js';
import { InquiryError } from './errors.js';
import { sourceActor, type SourceEdit, type SourceRemoval } from './inbound.js';
import { REMOVED_BY_ACCOUNT, REMOVED_BY_AUTHOR, type Inquiry } from './model.js';
import type { InquiryStore, ReminderPlanner } from './ports.js';
import { decide, type Command } from './state-machine.js';

export interface ChangeDeps {
  readonly store: Pick<InquiryStore, 'findByExternalId' | 'apply' | 'events'>;
  readonly plan?: ReminderPlanner;
}

export type ChangeOutcome = { readonly kind: 'changed'; readonly inquiry: Inquiry } | { readonly kind: 'unchanged' } | { readonly kind: 'unknown' };

async function change(deps: ChangeDeps, inquiry: Inquiry, command: Command, actor: string, now: number): Promise<ChangeOutcome> {
  try {
    const { patch, event } = decide(inquiry, command, now);
    return { kind: 'changed', inquiry: await deps.store.apply(inquiry.id, inquiry.version, patch, { ...event, actor }, now, deps.plan) };
  } catch (e) {
    if (e instanceof InquiryError && (e.code === 'unchanged' || e.code === 'illegal_transition')) return { kind: 'unchanged' };
    throw e;
  }
}

export async function editFromSource(deps: ChangeDeps, edit: SourceEdit, now: number): Promise<ChangeOutcome> {
  const inquiry = await deps.store.findByExternalId(edit.channel, edit.accountExternalId, edit.externalId);
  if (!inquiry) return { kind: 'unknown' };
  const personalData = detectPersonalData(edit.text).kinds;
  return change(deps, inquiry, { type: 'edit', by: 'source', text: edit.text, personalData, at: edit.editedAt }, sourceActor(edit), now);
}

export async function removeFromSource(deps: ChangeDeps, removal: SourceRemoval, now: number): Promise<ChangeOutcome> {
  const inquiry = await deps.store.findByExternalId(removal.channel, removal.accountExternalId, removal.externalId);
  if (!inquiry) return { kind: 'unknown' };
  const reason = removal.by === 'author' ? REMOVED_BY_AUTHOR : REMOVED_BY_ACCOUNT;
  if (inquiry.state === 'closed' && inquiry.closeReason === reason) return { kind: 'unchanged' };
  if (inquiry.state === 'answered' || inquiry.state === 'closed') {
    const recorded = (await deps.store.events(inquiry.id)).some((e) => e.type === 'removed_on_platform' && e.data.removedBy === removal.by);
    if (recorded) return { kind: 'unchanged' };
  }
  return change(deps, inquiry, { type: 'removed', by: 'source', removedBy: removal.by, how: removal.how, at: removal.removedAt ?? now }, sourceActor(removal), now);
}
