/**
 * Ports of moderation (src/moderation/moderate.ts): what a platform allows (hide, remove), how it
 * shows a message's context, and the action itself — implemented per platform in
 * adapters/sources/moderation — and the archive records (a table, src/db/archive-store.ts).
 */
import type { AnswerTarget } from '../answers/ports.js';

export type ModerationAction = 'hide' | 'remove';

export type ModerationTarget = AnswerTarget & { readonly inReplyTo?: string | null };

/**
 * Why a platform offers no such action on this message, by a stable code (the officer's words are in
 * src/texts, `moderation.unsupported`):
 *   private_message   Messenger, Instagram Direct and X DMs cannot be hidden or deleted by the account
 *   x_remove          X lets an account delete only its own posts (others' replies it may only hide)
 *   not_hideable      Meta hides comments only: a visitor's post can be removed, not hidden
 *   no_credentials    the account has no token (or X app keys) in svarstid
 */
export type UnsupportedCode = 'private_message' | 'x_remove' | 'not_hideable' | 'no_credentials';

export type Capability =
  /** `platform: false`: a generic source — svarstid archives and closes; the source itself is not asked */
  | { readonly ok: true; readonly platform: boolean }
  | { readonly ok: false; readonly code: UnsupportedCode; readonly message: string };

/** The context of a message as the platform shows it, before anything changes: kept in the archive. */
export interface ArchiveContext {
  /** the message itself as the platform has it now (its current version, hidden or not) */
  readonly message?: unknown;
  /** the post (or media, or conversation root) it was written under */
  readonly parent?: unknown;
  /** the neighbouring comments, in the platform's order */
  readonly neighbours?: readonly unknown[];
  /** why (part of) the context could not be read: the PlatformError code */
  readonly error?: string;
  readonly fetchedAt: number;
}

export interface ModerationResult {
  /** when the platform confirmed it */
  readonly at: number;
  /** the platform's answer body, for the archive and the trail */
  readonly result: unknown;
  /** how: is_hidden, hide, DELETE, hidden, none (a generic source) */
  readonly via: string;
}

export interface ModerationPlatform {
  capability(target: ModerationTarget, action: ModerationAction): Promise<Capability>;
  /** reads the context (never throws for a refusal: the error is in `error`) */
  context(target: ModerationTarget, now: number): Promise<ArchiveContext>;
  /** hides or removes the message; throws a PlatformError on any refusal or failure */
  apply(target: ModerationTarget, action: ModerationAction): Promise<ModerationResult>;
}

export interface ArchiveRecord {
  readonly id: number;
  readonly inquiryId: number;
  readonly orgId: string;
  readonly personId: number | null;
  readonly actor: string;
  readonly action: ModerationAction | 'archive';
  readonly reason: string;
  readonly note: string | null;
  readonly original: unknown;
  readonly versions: readonly unknown[];
  readonly context: ArchiveContext;
  readonly state: 'archived' | 'done' | 'refused';
  readonly platformResult: unknown;
  readonly createdAt: number;
  readonly doneAt: number | null;
}

export type NewArchive = Pick<ArchiveRecord, 'inquiryId' | 'orgId' | 'personId' | 'actor' | 'action' | 'reason' | 'note' | 'original' | 'versions' | 'context'>;

export interface ArchiveStore {
  create(a: NewArchive, now: number): Promise<ArchiveRecord>;
  done(id: number, result: ModerationResult): Promise<void>;
  refused(id: number, error: { code: string; status?: number; platformCode?: string | number }): Promise<void>;
  /** an inquiry's archive records, oldest first (the trail and the export) */
  ofInquiry(inquiryId: number): Promise<ArchiveRecord[]>;
}
