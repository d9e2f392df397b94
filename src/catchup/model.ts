/**
 * Catch-up (issue 12): svarstid reads each account on its platform on start and on a schedule, and
 * turns whatever no webhook delivered into an inquiry with its original time. The types the core
 * and the platform readers share; the readers live in adapters/sources/meta and adapters/sources/x.
 */
import type { SourceEvent } from '../inquiries/inbound.js';
import type { AccountCredential, CredentialRef } from '../platform/credentials.js';
import type { CatchupCause } from '../reminders/model.js';

/** An account as catch-up needs it (from the directory). */
export interface CatchupAccount {
  readonly id: number;
  readonly orgId: string;
  readonly key: string;
  readonly name: string;
  readonly channel: string;
  readonly externalId: string;
  readonly credentialsRef: CredentialRef | null;
}

/** The span of message times one run reads: [since, until]. */
export interface ReadWindow {
  readonly since: number;
  readonly until: number;
}

/** What a reader reports besides its events. */
export interface ReadOutcome {
  /** the reader's own cursor fields to keep (e.g. X's since_id), merged into the account's cursor */
  readonly cursor?: Readonly<Record<string, unknown>>;
  /** Meta: whether the app is still subscribed to the page (`/{page-id}/subscribed_apps`); undefined when not checked */
  readonly subscribed?: boolean;
}

/**
 * Reads one account's messages and own replies in the window, calling `emit` for each as it goes
 * (what was read before a rate limit or failure is still ingested). Throws a PlatformError when the
 * platform refuses or fails; throws rate_limited itself when the usage headers say to stop.
 */
export type AccountReader = (
  account: CatchupAccount,
  credential: AccountCredential,
  cursor: Readonly<Record<string, unknown>>,
  window: ReadWindow,
  emit: (event: SourceEvent) => void,
) => Promise<ReadOutcome>;

/** Where an account's run got to, as stored (catchup_accounts). */
export interface CatchupState {
  readonly cursor: Readonly<Record<string, unknown>>;
  /** the end of the last run (any outcome): svarstid was alive then */
  readonly lastRunAt: number | null;
  readonly failures: number;
  /** the causes the managers have been told of and that have not recovered since */
  readonly notices: readonly CatchupCause[];
}

export interface CatchupSettings {
  /** between two runs of an account (default 15 minutes) */
  readonly intervalMs: number;
  /** how far back the first run of an account reads (default 24 hours) */
  readonly lookbackMs: number;
  /** messages younger than this are left to their webhook (and the next run): default 5 minutes */
  readonly graceMs: number;
  /** read again this far before the last run's end, for clock skew and late indexing (default 2 minutes) */
  readonly overlapMs: number;
  /** how long a claimed run may take before another instance takes it over (default 10 minutes) */
  readonly leaseMs: number;
}

/** The outcome of one account's run, for the log and tests. */
export type RunOutcome =
  | { readonly ran: false; readonly why: 'no_reader' | 'no_reference' | 'not_due' }
  | {
      readonly ran: true;
      /** new inquiries (catch-up found them), by why they were late */
      readonly created: number;
      readonly duplicates: number;
      readonly answered: number;
      readonly missed: number;
      /** the run stopped early: rate limit, failure, token */
      readonly stopped?: CatchupCause | 'rate_limited' | 'unavailable' | 'invalid_request';
      readonly notified: readonly CatchupCause[];
    };
