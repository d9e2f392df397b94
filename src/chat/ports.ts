/** Ports of the chat service: small structural interfaces, implemented on the database in src/db/chat-store.ts. */
import type { PersonRef } from '../commands/index.js';
import type { Inquiry } from '../inquiries/model.js';
import type { ActDeps } from '../inquiries/act.js';
import type { AbsenceStore } from '../people/absences.js';
import type { Policy } from '../policy/index.js';
import type { AnswerAvailability, ChatNotifier, InquirySummary, Person } from '../reminders/model.js';
import type { AnswerOutcome, AnswerRequest } from '../answers/post-answer.js';
import type { ModerationOutcome, ModerationRequest } from '../moderation/moderate.js';
import type { Capability } from '../moderation/ports.js';
import type { PersonalDataOutcome, PersonalDataRequest } from '../moderation/personal-data.js';
import type { ChatUser, OrgStatus } from './types.js';
import type { RegistryRow } from '../db/registry-store.js';
import type { PeriodReport } from '../reports/model.js';

export type PersonMatch = { readonly ok: true; readonly person: Person } | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous'; readonly candidates?: readonly string[] };

export interface ChatDirectory {
  /** the active person a platform user is, in `user.orgId` when given */
  personOf(user: ChatUser): Promise<Person | undefined>;
  /** a person named in a command (mention, directory key or name), among the active people of `orgId` */
  resolve(orgId: string, ref: PersonRef): Promise<PersonMatch>;
  /** the active people of an organization, by name (Teams' forward picker) */
  peopleOf(orgId: string): Promise<Person[]>;
}

export interface ChatInquiries {
  /** an inquiry as a message shows it at `now` */
  summary(inquiry: Inquiry, now: number): Promise<InquirySummary>;
  /** a person's active inquiries and the team's unclaimed ones, nearest deadline first */
  queue(person: Person, now: number): Promise<{ mine: InquirySummary[]; unclaimed: InquirySummary[] }>;
  /** the organization's current state, for managers (`sammanfattning`) */
  status(orgId: string, now: number): Promise<OrgStatus>;
}

/** Answering the citizen from chat (src/answers/post-answer.ts), as the App wires it. */
export interface ChatAnswering {
  /** whether `person` can answer the inquiry from chat (their prefilled text), or why not */
  availability(inquiryId: number, person: Person): Promise<AnswerAvailability | undefined>;
  post(req: AnswerRequest): Promise<AnswerOutcome>;
}

/** Hide and remove from chat (src/moderation/moderate.ts), as the App wires it. */
export interface ChatModeration {
  /** what the platform allows `person` on the inquiry (per action), or undefined when nothing applies (not theirs, not active) */
  offer(inquiryId: number, person: Person): Promise<{ readonly hide: Capability; readonly remove: Capability; readonly personalData: boolean } | undefined>;
  run(req: ModerationRequest): Promise<ModerationOutcome>;
  /** "Dölj och för över till diariet" (src/moderation/personal-data.ts) */
  secure(req: PersonalDataRequest): Promise<PersonalDataOutcome>;
}

export interface ChatServiceDeps {
  readonly act: ActDeps;
  readonly directory: ChatDirectory;
  readonly inquiries: ChatInquiries;
  readonly absences: AbsenceStore;
  readonly policyOf: (orgId: string) => Policy | undefined;
  /** tells a forwardee at once (the reminder port; optional) */
  readonly notifier?: ChatNotifier;
  /** answering from chat; without it there is no Svara button and `svara` is refused */
  readonly answering?: ChatAnswering;
  /** hide and remove from chat; without it there are no Dölj / Ta bort buttons and the commands are refused */
  readonly moderation?: ChatModeration;
  readonly onNotifyError?: (e: unknown) => void;
  /** the registry of accounts of an organization (`konton`); absent: the command says there are none */
  readonly registry?: (orgId: string) => Promise<RegistryRow[]>;
  /** a year's key figures of an organization (`årsuppföljning`, src/db/report-store.ts); absent: the command is refused */
  readonly yearlyReport?: (orgId: string, year: number, now: number) => Promise<PeriodReport>;
}
