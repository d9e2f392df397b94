/** Ports the inquiry use cases need: small structural interfaces (DESIGN.md convention 5). */
import type { Policy } from '../policy/index.js';
import type { PlannedReminder } from '../reminders/model.js';
import type { AnswerMetrics } from '../reports/metrics.js';
import type { Inquiry, InquiryEvent, InquiryPatch, InquiryState } from './model.js';

/** Plans an inquiry's reminders as it is after a change (empty when it needs none). */
export type ReminderPlanner = (inquiry: Inquiry) => PlannedReminder[];

export type NewInquiry = Omit<Inquiry, 'id' | 'version' | 'assigneeId' | 'answeredAt' | 'closedAt' | 'closeReason' | 'registered' | 'caseNumber' | 'removed' | 'removedReason' | 'privateConversation'> & {
  readonly privateConversation?: string | null;
};

/**
 * A change as the store applies it: the state machine's patch, plus the answer metrics the use case
 * computed from the policy's calendar (src/reports/metrics.ts). Whenever `answeredAt` changes, the
 * store sets the metrics to `answerMetrics` (null when absent: unknown, filled in later by reports).
 */
export type StoredPatch = InquiryPatch & { readonly answerMetrics?: AnswerMetrics | null };

/** The policy of an organization (the registry), for the answer metrics. */
export type PolicyLookup = (orgId: string) => Policy | undefined;

export interface StoredEvent extends InquiryEvent {
  readonly id: number;
  readonly inquiryId: number;
}

export interface InquiryFilter {
  readonly orgId?: string;
  /** with orgId: the unrouted messages (no organization) as well */
  readonly withUnrouted?: boolean;
  readonly state?: InquiryState;
  readonly accountId?: number;
  /** only inquiries still active whose deadline is before this instant */
  readonly overdueAt?: number;
  readonly limit?: number;
  /** paging: only ids below this one (newest first) */
  readonly beforeId?: number;
}

/** The request body of a webhook delivery, exactly as received: kept with the inquiries it creates (the archive). */
export interface DeliveryBody {
  /** the source that sent it (meta, x, generic:<source name>) */
  readonly source: string;
  readonly body: Uint8Array;
}

/** A message a unit of work will store or answer (by its id), or a private conversation it will answer (by the citizen's id). */
export type MessageKey =
  | { readonly channel: string; readonly accountExternalId: string; readonly externalId: string }
  | { readonly channel: string; readonly accountExternalId: string; readonly authorId: string };

export interface UnitOfWork {
  /** the delivery's exact bytes: the inquiries the unit creates keep a reference to them */
  readonly delivery?: DeliveryBody;
  /** every message the unit will store or answer: units touching the same ones take turns (no deadlock) */
  readonly messages?: readonly MessageKey[];
  /**
   * the work writes once, in one statement (a delivery of one new message: insertIfAbsent): that
   * statement is atomic on its own, so the store may run it without a transaction around it
   */
  readonly oneStatement?: boolean;
  /**
   * the generic source whose binding of the delivery's account the caller read from its cache (a
   * one-statement unit only): the store stores only while that binding still holds, checked in the
   * same statement, and throws StaleBindingError (nothing stored) when it no longer does
   */
  readonly boundTo?: string;
}

export interface InquiryStore {
  /**
   * Runs `work` in one transaction, on a store bound to it: all of its changes are stored, or none.
   * The inquiries it finds (findByExternalId, findActiveInConversation) are locked until it ends, so a
   * change decided from them cannot conflict with another instance's. A transaction that loses a
   * deadlock anyway is run again.
   */
  atomically<T>(work: (store: InquiryStore) => Promise<T>, unit?: UnitOfWork): Promise<T>;
  /**
   * Inserts unless (channel, accountExternalId, externalId) exists; a duplicate changes nothing.
   * `plan`, when given, plans the new inquiry's reminders in the same transaction.
   */
  insertIfAbsent(inquiry: NewInquiry, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<{ inquiry: Inquiry; created: boolean }>;
  get(id: number): Promise<Inquiry | undefined>;
  findByExternalId(channel: string, accountExternalId: string, externalId: string): Promise<Inquiry | undefined>;
  /** the active inquiries of one private conversation (Messenger, Instagram Direct, X DM) on one account, by the citizen's id */
  findActiveInConversation(channel: string, accountExternalId: string, citizenId: string): Promise<Inquiry[]>;
  /** Applies a change if the inquiry still has `version`, with its event, atomically; throws InquiryError('concurrent_change') otherwise. */
  apply(id: number, version: number, patch: StoredPatch, event: InquiryEvent, now: number, plan?: ReminderPlanner): Promise<Inquiry>;
  events(id: number): Promise<StoredEvent[]>;
  list(filter: InquiryFilter): Promise<Inquiry[]>;
}

export interface Route {
  readonly orgId: string;
  readonly accountId: number;
  readonly policy: Policy;
}

/** Finds the organization and account a platform account id belongs to. */
export type RouteLookup = (channel: string, accountExternalId: string) => Promise<Route | undefined>;

/** The organization a person belongs to, for "nobody acts on another organization's inquiries". */
export type PersonOrgLookup = (personId: number) => Promise<string | undefined>;
