/** An inquiry as the core sees it (DESIGN.md vocabulary). Instants are epoch ms. */
export const STATES = ['unrouted', 'open', 'claimed', 'forwarded', 'answered', 'closed'] as const;
export type InquiryState = (typeof STATES)[number];

/** The states in which an inquiry still waits for an answer (and gets reminders). */
export const ACTIVE_STATES: readonly InquiryState[] = ['open', 'claimed', 'forwarded'];

export function isActive(state: string): boolean {
  return (ACTIVE_STATES as readonly string[]).includes(state);
}

/**
 * Reasons for closing without an answer, and for hiding or removing: the union of the five guidelines'
 * lists (Hofors 2.6 and 3, Arvidsjaur 5–6, Nässjö 9, Hultsfred, Gotland); each with its sources, names
 * and defaults in src/inquiries/reasons.ts. The stored value is the Swedish name; the first eleven are
 * the values stored before the list was complete (kept as they were, so old rows read the same).
 */
export const CLOSE_REASONS = [
  'förtal',
  'hets mot folkgrupp',
  'personangrepp',
  'sexism/trakasserier',
  'olaga våldsskildring',
  'upphovsrättsintrång',
  'reklam/spam',
  'sekretess',
  'personuppgifter',
  'utanför ämnet',
  'svordomar/obscena ord',
  'uppmaning till brott',
  'uppvigling',
  'pornografi',
  'barnpornografi',
  'hot/trakasserier',
  'kränkande kommentarer',
  'kommersiella budskap',
  'propaganda',
  'kampanjer/spam',
  'hemligstämplat material',
  'länk till otillåtet material',
  'annat',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Reasons only the platform gives (never in the officers' menu): the citizen removed the message
 * (deleted, unsent), or the account removed it on the platform itself (hidden or deleted by the page).
 */
export const REMOVED_BY_AUTHOR = 'borttagen av skribenten';
export const REMOVED_BY_ACCOUNT = 'borttagen av kontot';
export const SOURCE_CLOSE_REASONS = [REMOVED_BY_AUTHOR, REMOVED_BY_ACCOUNT] as const;

export interface Inquiry {
  readonly id: number;
  readonly orgId: string | null;
  readonly accountId: number | null;
  readonly source: string;
  readonly channel: string;
  readonly accountExternalId: string;
  readonly externalId: string;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly authorHandle: string | null;
  readonly text: string | null;
  readonly url: string | null;
  readonly inReplyTo: string | null;
  readonly receivedAt: number;
  readonly deadline: number | null;
  readonly allowedMinutes: number | null;
  readonly state: InquiryState;
  readonly assigneeId: number | null;
  readonly answeredAt: number | null;
  readonly closedAt: number | null;
  readonly closeReason: string | null;
  readonly registered: boolean;
  readonly caseNumber: string | null;
  readonly personalData: readonly string[];
  readonly removed: boolean;
  readonly removedReason: string | null;
  /** a private message (Messenger, Instagram Direct, X DM): the citizen's id, naming the conversation; null for public posts and comments */
  readonly privateConversation: string | null;
  readonly raw: unknown;
  readonly version: number;
  /** catch-up found it on the platform (no webhook had delivered it): when, and why it came late */
  readonly caughtUpAt?: number | null;
  readonly lateReason?: LateReason | null;
}

/**
 * Why a message reached svarstid only by catch-up (src/catchup): svarstid was not running (or not
 * reconciling) when it was written, or svarstid was running and the platform's webhook never delivered it.
 */
export type LateReason = 'svarstid_down' | 'not_delivered';

/** An append-only record of what happened to an inquiry. */
export interface InquiryEvent {
  readonly type: string;
  /** "person:12", "system", "source:meta", "cli" */
  readonly actor: string;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export type InquiryPatch = Partial<
  Pick<Inquiry, 'state' | 'assigneeId' | 'answeredAt' | 'closedAt' | 'closeReason' | 'registered' | 'caseNumber' | 'removed' | 'removedReason' | 'text' | 'personalData'>
>;
