/**
 * The chat service's vocabulary, shared by the Slack and Teams adapters: who is writing (a platform
 * user), what they may do to an inquiry, and what the service answers. Platform-free: adapters turn
 * a ChatReply into Block Kit or an Adaptive Card.
 */
import type { Language } from '../commands/index.js';
import type { AnswerAvailability, InquirySummary, Person } from '../reminders/model.js';
import type { RegistryRow } from '../db/registry-store.js';
import type { PeriodReport } from '../reports/model.js';

export type ChatPlatform = 'slack' | 'teams';

/** A person as a chat platform identifies them. */
export interface ChatUser {
  readonly platform: ChatPlatform;
  /** Slack user id (U…), Teams user id (29:…) */
  readonly id: string;
  /** Teams: the Entra ID (AAD) object id; a directory may name a person by either id */
  readonly aadObjectId?: string;
  /** the organization whose workspace the request came from, when the adapter knows it (Slack: one workspace per organization) */
  readonly orgId?: string;
}

/** What a person can do to an inquiry from a message's buttons or a command. */
export const INQUIRY_ACTIONS = ['claim', 'answer', 'forward', 'done', 'close', 'register', 'hide', 'remove', 'secure'] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

/** An inquiry as a message about it shows it after an action: the content, the state and the buttons left. */
export interface InquiryCard {
  readonly summary: InquirySummary;
  readonly registered: boolean;
  readonly caseNumber: string | null;
  /** the buttons that still make sense, in this order */
  readonly actions: readonly InquiryAction[];
  /** answering from chat for the viewer (the Svara dialog's prefilled text), or why not */
  readonly answer?: AnswerAvailability;
  readonly timezone: string;
  readonly language: Language;
}

/** A person's queue: what is theirs, and what nobody has taken yet on their team's accounts; nearest deadline first. */
export interface QueueView {
  readonly person: Person;
  readonly mine: readonly InquirySummary[];
  readonly unclaimed: readonly InquirySummary[];
  readonly timezone: string;
  readonly language: Language;
}

/** The organization right now, for managers (`sammanfattning`); the weekly summary is the full report. */
export interface OrgStatus {
  readonly orgId: string;
  readonly channels: ReadonlyArray<{ readonly channel: string; readonly active: number; readonly unclaimed: number; readonly overdue: number }>;
  /** active inquiries past their deadline, most overdue first (at most 10) */
  readonly overdue: readonly InquirySummary[];
  readonly unrouted: number;
  readonly timezone: string;
}

export type ChatReply =
  /** help: text to show the person */
  | { readonly kind: 'text'; readonly text: string; readonly language: Language }
  /** away / back: the absence as registered or ended */
  | {
      readonly kind: 'absence';
      readonly action: 'away' | 'back';
      readonly startsAt: number;
      readonly endsAt: number;
      readonly substituteName: string | null;
      /** the colleague it was registered or ended for (by a manager); absent: the writer's own */
      readonly forName?: string;
      readonly timezone: string;
      readonly language: Language;
    }
  | { readonly kind: 'status'; readonly status: OrgStatus; readonly language: Language }
  /** `konton`: the registry of accounts (kontoförteckning) */
  | { readonly kind: 'registry'; readonly organization: string; readonly accounts: readonly RegistryRow[]; readonly language: Language }
  /** `årsuppföljning`: a year's key figures (the yearly follow-up, on request) */
  | { readonly kind: 'report'; readonly report: PeriodReport; readonly language: Language }
  /** an action on an inquiry succeeded: `text` says who did what; messages about it are updated with `card` */
  | { readonly kind: 'acted'; readonly text: string; readonly card: InquiryCard; readonly language: Language }
  | { readonly kind: 'queue'; readonly queue: QueueView; readonly language: Language }
  /** not done, and why, in words for the person (the code is stable, for tests and logs) */
  | { readonly kind: 'refused'; readonly code: RefusalCode; readonly text: string; readonly language: Language };

export type RefusalCode =
  | 'unknown_user'
  | 'parse_error'
  | 'not_found'
  | 'wrong_organization'
  | 'unknown_person'
  | 'ambiguous_person'
  | 'not_allowed'
  | 'illegal_transition'
  | 'already_claimed'
  | 'already_yours'
  | 'already_registered'
  | 'unknown_reason'
  | 'concurrent_change'
  /** the answer was not posted (src/answers AnswerError): the text says what happened and what to do */
  | 'answer_refused'
  /** hide or remove refused: the platform does not allow it, or refused it (src/moderation) */
  | 'moderation_refused'
  | 'absence';
