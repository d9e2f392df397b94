/**
 * Hide or remove, archive first (Nässjö 13: "arkivera … så att dess sammanhang framgår", then delete;
 * Arvidsjaur 8: document before unpublishing; Gotland: removed material is saved and registered):
 *
 *   1. the person must be of the inquiry's organization (another's inquiry is "not found"), the
 *      inquiry still waiting for an answer, the reason one of the guidelines' ("annat" with a note);
 *   2. the platform must allow the action on this message (no button and a reason why otherwise:
 *      private messages, X's delete of others' posts, no token);
 *   3. the context is read from the platform (the post it was under, the neighbouring comments) and
 *      the archive record is stored — the original, every version svarstid has, the context —
 *      BEFORE the platform is asked to change anything;
 *   4. the platform hides or deletes; its answer is recorded on the archive; the inquiry is closed
 *      with the reason, the close event naming the action, the archive and the platform's answer.
 *
 * A refusal (token 190, permission #10/#200, 429, …) leaves the archive (state refused), the inquiry
 * unchanged, and a ModerationError for the officer. A generic source gets no platform call: the
 * archive and the close only. A retry of an action already done on the platform (the close failed
 * after it) does not call the platform again.
 */
import { act, type ActDeps } from '../inquiries/act.js';
import { InquiryError } from '../inquiries/errors.js';
import { isActive, type CloseReason, type Inquiry, type InquiryEvent } from '../inquiries/model.js';
import { canonicalReason, needsNote } from '../inquiries/reasons.js';
import { isPlatformError } from '../platform/errors.js';
import { ModerationError } from './errors.js';
import type { ArchiveRecord, ArchiveStore, ModerationAction, ModerationPlatform, ModerationResult } from './ports.js';

export interface ModerateDeps {
  readonly act: ActDeps;
  readonly events: (inquiryId: number) => Promise<readonly InquiryEvent[]>;
  readonly archives: ArchiveStore;
  readonly platform: ModerationPlatform;
  readonly now: () => number;
}

export interface ModerationRequest {
  readonly inquiryId: number;
  readonly personId: number;
  readonly action: ModerationAction;
  readonly reason: string;
  readonly note?: string;
  /** the trail's actor when not the person themself: "api:token:3" acting as the person */
  readonly via?: string;
  /** false: hide (or remove) and record it in the trail, but leave the inquiry open (the personal-data flow registers and answers next) */
  readonly close?: boolean;
}

export interface ModerationOutcome {
  readonly inquiry: Inquiry;
  readonly archive: ArchiveRecord;
  /** the platform's answer; null for a generic source (archived and closed only) */
  readonly result: ModerationResult | null;
}

/** Every version svarstid has, oldest first: the texts the edits replaced, then the current one. */
export function versionsOf(inquiry: Inquiry, events: readonly InquiryEvent[]): Array<{ text: string | null; from: number; until: number | null }> {
  const edits = events.filter((e) => e.type === 'edited' && typeof e.data.previousText === 'string');
  const out: Array<{ text: string | null; from: number; until: number | null }> = [];
  let from = inquiry.receivedAt;
  for (const e of edits) {
    out.push({ text: e.data.previousText as string, from, until: e.at });
    from = e.at;
  }
  out.push({ text: inquiry.text, from, until: null });
  return out;
}

async function checkRequest(deps: ModerateDeps, req: ModerationRequest): Promise<{ inquiry: Inquiry; reason: CloseReason }> {
  const inquiry = await deps.act.store.get(req.inquiryId);
  if (!inquiry) throw new InquiryError('not_found', `no inquiry ${req.inquiryId}`);
  const org = await deps.act.personOrg(req.personId);
  if (org === undefined) throw new InquiryError('unknown_person', `no active person ${req.personId}`);
  if (inquiry.orgId === null || org !== inquiry.orgId) throw new InquiryError('not_found', `no inquiry ${inquiry.id}`);
  const reason = canonicalReason(req.reason);
  if (reason === undefined) throw new InquiryError('unknown_reason', `"${req.reason.slice(0, 100)}" is not one of the guidelines' reasons`);
  if (needsNote(reason, req.note)) throw new InquiryError('note_required', `"${reason}" needs a note saying what it was`);
  if (!isActive(inquiry.state)) throw new InquiryError('illegal_transition', `inquiry ${inquiry.id} is ${inquiry.state}; cannot ${req.action} it`);
  return { inquiry, reason };
}

/** The archive and the platform's answer of an earlier attempt that the platform carried out (its close then failed). */
async function doneBefore(deps: ModerateDeps, inquiry: Inquiry, action: ModerationAction): Promise<ArchiveRecord | undefined> {
  return (await deps.archives.ofInquiry(inquiry.id)).reverse().find((a) => a.state === 'done' && (a.action === action || a.action === 'archive'));
}

export async function moderate(deps: ModerateDeps, req: ModerationRequest): Promise<ModerationOutcome> {
  const { inquiry, reason } = await checkRequest(deps, req);
  const capability = await deps.platform.capability(inquiry, req.action);
  if (!capability.ok) throw new ModerationError(capability.code, capability.message, { message: capability.message });
  const actor = req.via ?? `person:${req.personId}`;
  let archive = await doneBefore(deps, inquiry, req.action);
  let result: ModerationResult | null = null;
  if (archive) {
    result = archive.platformResult as ModerationResult | null;
  } else {
    const context = await deps.platform.context(inquiry, deps.now());
    const original = { externalId: inquiry.externalId, channel: inquiry.channel, source: inquiry.source, account: inquiry.accountExternalId, author: { id: inquiry.authorId, name: inquiry.authorName, handle: inquiry.authorHandle }, text: inquiry.text, url: inquiry.url, receivedAt: inquiry.receivedAt, raw: inquiry.raw };
    archive = await deps.archives.create(
      { inquiryId: inquiry.id, orgId: inquiry.orgId!, personId: req.personId, actor, action: capability.platform ? req.action : 'archive', reason, note: req.note ?? null, original, versions: versionsOf(inquiry, await deps.events(inquiry.id)), context },
      deps.now(),
    );
    if (capability.platform) {
      try {
        result = await deps.platform.apply(inquiry, req.action);
      } catch (e) {
        if (!isPlatformError(e)) throw e;
        await deps.archives.refused(archive.id, { code: e.code, ...(e.detail.status !== undefined && { status: e.detail.status }), ...(e.detail.platformCode !== undefined && { platformCode: e.detail.platformCode }) });
        throw new ModerationError(`platform_${e.code}`, e.message, { archiveId: archive.id, ...(e.detail.retryAfterMs !== undefined && { retryAfterMs: e.detail.retryAfterMs }) });
      }
      await deps.archives.done(archive.id, result);
    } else {
      await deps.archives.done(archive.id, { at: deps.now(), result: null, via: 'none' });
    }
  }
  const moderation = { action: capability.platform ? req.action : 'archive', archiveId: archive.id, ...(result && { via: result.via, at: result.at, result: result.result }), ...(req.via && { requestedBy: req.via }) };
  if (req.close === false) {
    const current = await deps.act.store.get(inquiry.id);
    const trailed = await deps.act.store.apply(inquiry.id, current!.version, {}, { type: 'moderated', actor: `person:${req.personId}`, at: deps.now(), data: { reason, note: req.note ?? null, ...moderation } }, deps.now());
    return { inquiry: trailed, archive, result: capability.platform ? result : null };
  }
  const closed = await act(deps.act, inquiry.id, { type: 'close', by: req.personId, reason, ...(req.note !== undefined && { note: req.note }), moderation }, deps.now());
  return { inquiry: closed, archive, result: capability.platform ? result : null };
}
