/** A validated, compiled policy: what the rest of svarstid uses. */
import type { BusinessCalendar, LocalInterval } from '../calendar/index.js';
import type { Duration } from './duration.js';
import type { RetentionPeriod } from './retention.js';
import type { ReminderRule } from './schema.js';
import type { AnswerPolicy } from './answer.js';
import type { ModerationPolicy } from './moderation.js';
import type { ChannelKind } from './vocabulary.js';

export interface Policy {
  /** the file it was loaded from (or a label), for messages */
  readonly source: string;
  readonly organization: string;
  readonly timezone: string;
  readonly language: 'sv' | 'en';
  readonly calendar: BusinessCalendar;
  /** the weekly hours, Monday first, for summaries */
  readonly week: ReadonlyArray<readonly LocalInterval[]>;
  readonly channels: ReadonlyMap<ChannelKind, Duration>;
  readonly reminders: readonly ReminderRule[];
  readonly remindersAreDefaults: boolean;
  readonly digest?: { readonly dailyAt: number };
  readonly summary?: {
    readonly weekday: number;
    readonly minutes: number;
    readonly to: 'managers';
    /** the yearly follow-up (Nässjö 4): on working day `workingDay` of January at `minutes`; null: none */
    readonly yearly: { readonly workingDay: number; readonly minutes: number } | null;
  };
  /** gallring: erase the text of finished, unregistered inquiries this long after they were finished; absent: never */
  readonly retention?: { readonly textAfter: RetentionPeriod };
  /** signature, length limits and the registration message (defaults when the file has no `answer:`) */
  readonly answer: AnswerPolicy;
  /** per reason: registration and police report after a hide or remove; the personal-data answer (defaults when the file has none) */
  readonly moderation?: ModerationPolicy;
}
