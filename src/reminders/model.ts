/** Reminders (påminnelser): planned notifications for an inquiry, and what a chat adapter renders. */
import type { Recipient } from '../policy/index.js';
import type { WeeklySummary } from '../reports/model.js';
import type { LateReason } from '../inquiries/model.js';

/** A reminder as planned for an inquiry; `kind` + `role` is its unique key within the inquiry. */
export interface PlannedReminder {
  /** "share:50", "before:60m", "deadline", "after:120m", "after:1d" */
  readonly kind: string;
  /** who, resolved to a person only at send time */
  readonly role: Recipient;
  readonly dueAt: number;
}

/** What kind of moment a reminder marks, for the message ('forwarded': someone sent the inquiry to the recipient just now). */
export type ReminderMoment = 'heads_up' | 'due_soon' | 'deadline' | 'overdue' | 'forwarded';

/** Who forwarded an inquiry to the recipient, and why (the motivering, if one was given). */
export interface ForwardedBy {
  readonly name: string;
  readonly reason: string | null;
}

/** A person as routing and rendering need them. */
export interface Person {
  readonly id: number;
  /** the directory file's key ("anna.berg"): unique in the organization, unlike the name */
  readonly key?: string;
  readonly orgId: string;
  readonly name: string;
  readonly title: string | null;
  readonly role: 'officer' | 'manager';
  readonly language: 'sv' | 'en' | null;
  readonly slackUserId: string | null;
  readonly teamsUserId: string | null;
  readonly active: boolean;
}

/** Why a reminder went to someone other than the one it was for. */
export interface RoutedVia {
  /** the person it was for */
  readonly intendedId: number;
  readonly intendedName: string;
  /** absence: the intended person is away (until `until`); no_substitute: nobody else could be found */
  readonly reason: 'absent';
  readonly until: number;
}

/** One inquiry as a reminder or digest shows it. */
export interface InquirySummary {
  readonly id: number;
  readonly channel: string;
  readonly accountName: string;
  readonly authorName: string | null;
  readonly text: string | null;
  readonly url: string | null;
  readonly receivedAt: number;
  readonly deadline: number | null;
  /** working time left until the deadline (negative when overdue), ms */
  readonly workingTimeLeft: number | null;
  readonly state: string;
  readonly assigneeName: string | null;
  readonly personalData: readonly string[];
  /** diarieförd, and under which number (a message offers "Diarieför" only when not) */
  readonly registered?: boolean;
  readonly caseNumber?: string | null;
  /** catch-up found it on the platform after no webhook delivered it: when, and why */
  readonly late?: { readonly foundAt: number; readonly reason: LateReason };
  /** whether the recipient can answer it from chat (a Svara button with the prefilled text), or why not (a line instead); absent: unknown, no button */
  readonly answer?: AnswerAvailability;
  /** whether the recipient can hide or remove it from chat (src/moderation); absent: no such buttons */
  readonly moderation?: ModerationOffer;
  /** the reader covers it for someone away (digest, `lista`): whom, and until when */
  readonly covering?: { readonly name: string; readonly until: number };
}

/** The managers' team view in their digest (src/reminders/digest.ts teamView). */
export interface TeamView {
  readonly people: ReadonlyArray<{
    readonly name: string;
    /** open inquiries intended for them (assigned, or unclaimed on their accounts) */
    readonly open: number;
    readonly overdue: number;
    /** away now: until when (null: inactive, no end), and who covers (by name; empty: nobody) */
    readonly away?: { readonly until: number | null; readonly coveredBy: readonly string[] };
  }>;
  /** open inquiries that reach nobody now (no responsible officer named, or nobody reachable) */
  readonly unattended: number;
}

/** Answering from chat, for one viewer: the text the dialog starts with (their signature), or why svarstid cannot answer on the account. */
/** What catch-up tells an organization's managers about an account, once per cause until it recovers (src/catchup). */
export type CatchupCause = 'webhook_missed' | 'unsubscribed' | 'token_invalid' | 'permission' | 'credential_missing';

/** Whether the recipient can hide or remove the message from chat (the Dölj / Ta bort buttons), and why not, in their words. */
export interface ModerationOffer {
  readonly hide: boolean;
  readonly remove: boolean;
  /** "Dölj och för över till diariet": personal data was found (docs/personal-data.md) */
  readonly secure?: boolean;
  /** why one or both are missing (a private message, X's rules, no token); absent when both are offered */
  readonly why?: string;
}

export type AnswerAvailability = { readonly ok: true; readonly prefill: string } | { readonly ok: false; readonly reason: string };

/** What the core asks a chat adapter to deliver. Adapters render it (Swedish by default). */
export type Notification =
  | {
      readonly type: 'reminder';
      readonly moment: ReminderMoment;
      readonly inquiry: InquirySummary;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
      readonly routedVia?: RoutedVia;
      /** with moment 'forwarded' */
      readonly forwardedBy?: ForwardedBy;
    }
  | {
      readonly type: 'digest';
      readonly date: string;
      readonly inquiries: readonly InquirySummary[];
      /** for managers: messages that reached no account in the directory */
      readonly unrouted: readonly InquirySummary[];
      /** for managers: per person what is open and overdue, who is away and who covers */
      readonly team?: TeamView;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
    }
  | {
      readonly type: 'delivery_failed';
      readonly inquiry: InquirySummary;
      readonly intendedName: string;
      readonly error: string;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
    }
  | {
      /**
       * an absence registered or ended by someone else: to the absent person (a manager registered it
       * for them) or to the substitute named in it (src/chat/service.ts)
       */
      readonly type: 'absence_notice';
      readonly action: 'away' | 'back';
      /** who receives it: the absent person, or the substitute */
      readonly to: 'absent' | 'substitute';
      /** who registered or ended it */
      readonly byName: string;
      readonly absentName: string;
      readonly substituteName: string | null;
      readonly startsAt: number;
      readonly endsAt: number;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
    }
  | {
      /** catch-up's notice to a manager: an account's webhook gone silent, a subscription gone, a token that no longer works */
      readonly type: 'catchup_notice';
      readonly cause: CatchupCause;
      readonly accountName: string;
      readonly channel: string;
      readonly platform: 'meta' | 'x';
      /** webhook_missed: how many messages were found that no webhook delivered */
      readonly count?: number;
      /** credential_missing: where the directory says the credential is (a variable or secrets entry name, never a value) */
      readonly detail?: string;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
    }
  | {
      /** the weekly summary to a manager (src/reports): figures per account and officer, and the chart */
      readonly type: 'weekly_summary';
      readonly summary: WeeklySummary;
      readonly timezone: string;
      readonly language: 'sv' | 'en';
    };

/** The port chat adapters implement. `key` is stable per delivery, for idempotent receivers. */
export interface ChatNotifier {
  send(to: Person, notification: Notification, key: string): Promise<void>;
}

/** A failed send that may be retried (rate limit, platform error); other errors are retried too. */
export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    /** retrying cannot help (e.g. the bot cannot reach the person at all yet): fail now and tell the manager */
    readonly permanent = false,
  ) {
    super(message);
  }
}
