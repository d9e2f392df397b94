/**
 * Chat commands: what a person asks svarstid to do, as the shared parser (Slack and Teams) reads it
 * from `/svarstid …` text. Inquiry ids are not checked against the database here and people are
 * references, not ids: the use cases resolve them (and report not_found / unknown_person).
 */
import type { CloseReason } from '../inquiries/model.js';

/** The language of the text the bot writes (policy `language`). */
export type Language = 'sv' | 'en';

/**
 * A person named in a command. Slack sends mentions escaped as `<@U0123ABC>` or `<@U0123ABC|anna>`;
 * a Teams message carries the mention as `<at>Anna Berg</at>` (the display name; the Teams user id is
 * only in the activity's entities, so an adapter that resolves it may build `{ kind: 'teams' }`).
 * `{ kind: 'name' }` is a directory key (`@anna.berg`, `anna.berg`) or a display name (`Anna Berg`).
 */
export type PersonRef =
  | { readonly kind: 'slack'; readonly userId: string }
  | { readonly kind: 'teams'; readonly id: string }
  | { readonly kind: 'name'; readonly name: string };

export type ChatCommand =
  | { readonly type: 'list' }
  | { readonly type: 'claim'; readonly inquiryId: number }
  /** `svara 42 text`: the answer posted to the citizen where they wrote (src/answers) */
  | { readonly type: 'answer'; readonly inquiryId: number; readonly text: string }
  | { readonly type: 'forward'; readonly inquiryId: number; readonly to: PersonRef; readonly reason?: string }
  | { readonly type: 'done'; readonly inquiryId: number }
  | { readonly type: 'close'; readonly inquiryId: number; readonly reason: CloseReason; readonly note?: string }
  | { readonly type: 'register'; readonly inquiryId: number; readonly caseNumber?: string }
  /** `dölj 42 personangrepp [not]`, `radera 42 …` / `ta bort 42 …`: archive first, then hide or delete on the platform, and close (src/moderation) */
  | { readonly type: 'hide' | 'remove'; readonly inquiryId: number; readonly reason: CloseReason; readonly note?: string }
  /**
   * `from` and `to` are epoch ms; `to` is exclusive (a whole last day ends at the next local midnight).
   * `person`: the colleague the absence is for (`frånvaro @erik.lind …`); absent: the writer's own.
   */
  | { readonly type: 'away'; readonly from: number; readonly to: number; readonly substitute?: PersonRef; readonly person?: PersonRef }
  /** `person`: the colleague whose absence ends (`tillbaka @erik.lind`); absent: the writer's own. */
  | { readonly type: 'back'; readonly person?: PersonRef }
  | { readonly type: 'summary' }
  /** `överför 42 [diarienummer]` ("Dölj och för över till diariet"): personal data — archive, hide, register, answer with the secure channel */
  | { readonly type: 'secure'; readonly inquiryId: number; readonly caseNumber?: string }
  /** `polisanmälan 42 ja|nej [anteckning]`: whether a police report was made (Hofors 2.6), for the trail */
  | { readonly type: 'police'; readonly inquiryId: number; readonly made: boolean; readonly note?: string }
  /** the registry of accounts (kontoförteckning) */
  | { readonly type: 'accounts' }
  /** the yearly follow-up's key figures (Nässjö 4); `year` absent: the last complete year */
  | { readonly type: 'yearly'; readonly year?: number }
  /** `topic` is the command type asked about (`hjälp stäng` → 'close'). */
  | { readonly type: 'help'; readonly topic?: CommandType };

export type CommandType = ChatCommand['type'];

export const PARSE_ERROR_CODES = [
  'unknown_command',
  'missing_id',
  'bad_id',
  'missing_person',
  'bad_person',
  'missing_reason',
  /** `svara 42` without the answer */
  'missing_text',
  'unknown_reason',
  /** `stäng 42 annat` without saying what it was */
  'missing_note',
  /** `polisanmälan 42` without ja or nej */
  'missing_answer',
  'missing_date',
  /** `frånvaro i dag @anna.berg`: the start is there, the end is not */
  'missing_end_date',
  'bad_date',
  'bad_period',
  'too_many_arguments',
  /** `årsuppföljning 1899`: not a year svarstid has figures for */
  'bad_year',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** Why a text is not a command. The code is stable; `errorText` gives the words a person reads. */
export interface ParseError {
  readonly code: ParseErrorCode;
  /** the command being read when the problem was found (absent for unknown_command) */
  readonly command?: CommandType;
  /** the words that were not understood, as written */
  readonly given?: string;
  /** a known word close to `given` ("did you mean …") */
  readonly suggestion?: string;
}

export type ParseResult = { readonly ok: true; readonly command: ChatCommand } | { readonly ok: false; readonly error: ParseError };

export interface ParseOptions {
  /** epoch ms; "idag", "imorgon" and weekday names are relative to it */
  readonly now: number;
  /** IANA zone the dates are local to, e.g. Europe/Stockholm */
  readonly timezone: string;
}
