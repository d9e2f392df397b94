/**
 * One account's reconciliation with its platform: claim the account (a lease in the database, so two
 * instances never read it at once), read what came since the last run, ingest every message and own
 * reply through the same path as the webhooks (same idempotency key: a later webhook redelivery is a
 * duplicate, and so is this after a webhook), and tell the managers once when something is wrong.
 *
 * The platform's refusals decide what follows: a rate limit waits as long as the platform says, a
 * failure backs off, an expired or missing token skips the account (logged by its key, never the
 * token) with one notice. What was read before a stop is ingested; the cursor moves only after a
 * complete read.
 */
import { summarizeError } from '../log/summary.js';
import type { Logger } from 'pino';
import { eventTime, type SourceEvent } from '../inquiries/inbound.js';
import type { AccountCredentials } from '../platform/account-credentials.js';
import { isPlatformError, type PlatformError } from '../platform/errors.js';
import type { CatchupCause } from '../reminders/model.js';
import type { AccountReader, CatchupAccount, CatchupSettings, CatchupState, RunOutcome } from './model.js';
import { nextNotices } from './notices.js';
import { failureBackoff, lateReason, readWindow } from './window.js';

export interface CatchupStorePort {
  /**
   * The account's state if this worker may run it now, claimed until now + lease: the lease is free,
   * no rate-limit wait or backoff runs, and the account is due, or (on start) it last ran before `forceIfRunBefore`.
   */
  claim(accountId: number, worker: string, now: number, leaseMs: number, forceIfRunBefore?: number): Promise<CatchupState | undefined>;
  /** records the run's end and releases the lease (only while `worker` holds it) */
  finish(accountId: number, worker: string, next: FinishedRun): Promise<void>;
}

export interface FinishedRun {
  readonly cursor: Readonly<Record<string, unknown>>;
  readonly lastRunAt: number;
  /** the next scheduled run */
  readonly nextRunAt: number;
  /** a rate-limit wait or failure backoff that even the run on start respects */
  readonly waitUntil?: number;
  readonly failures: number;
  readonly notices: readonly CatchupCause[];
}

export interface CatchupDeps {
  readonly store: CatchupStorePort;
  readonly credentials: AccountCredentials;
  /** the reader for an account's channel, if its platform can be read */
  readonly reader: (channel: string) => AccountReader | undefined;
  /** ingests one event as its own unit; created: a new inquiry was stored */
  readonly ingest: (event: SourceEvent) => Promise<{ created: boolean; duplicate: boolean; answered: number }>;
  /** tells the account's organization's managers */
  readonly notify: (account: CatchupAccount, cause: CatchupCause, extra: { count?: number; detail?: string }) => Promise<void>;
  readonly settings: CatchupSettings;
  readonly worker: string;
  readonly logger: Logger;
  /** told of each account run's result (the reconciliation metric): see reconciliationResult in run.ts */
  readonly counted?: (platform: 'meta' | 'x', result: string) => void;
}

const timeOf = (e: SourceEvent): number => eventTime(e) ?? 0;

/** Messages before replies at the same instant, oldest first: a reply finds the message it answers. */
const inOrder = (a: SourceEvent, b: SourceEvent): number => timeOf(a) - timeOf(b) || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1);

// Meta answers 100/33 (not_found) for an account the token cannot see: a permission to fix, as 10 and 200–299 are
const ACCESS_CAUSE: Partial<Record<PlatformError['code'], CatchupCause>> = { token_invalid: 'token_invalid', permission: 'permission', not_found: 'permission', no_credentials: 'credential_missing' };

export async function reconcileAccount(deps: CatchupDeps, account: CatchupAccount, now: number, force = false): Promise<RunOutcome> {
  const reader = deps.reader(account.channel);
  if (!reader) return { ran: false, why: 'no_reader' };
  if (!account.credentialsRef) return { ran: false, why: 'no_reference' };
  const s = deps.settings;
  // on start every account is read unless another instance read it within the grace (nothing to gain)
  const state = await deps.store.claim(account.id, deps.worker, now, s.leaseMs, force ? now - s.graceMs : undefined);
  if (!state) return { ran: false, why: 'not_due' };
  const log = { account: account.key, org: account.orgId, channel: account.channel };

  const lookup = deps.credentials.lookup(account);
  if (!lookup.ok) {
    deps.logger.warn({ ...log, reason: lookup.reason }, 'catch-up skips the account: its credential is missing or unreadable');
    const notified = await tell(deps, account, state, { missed: 0, known: 0, failure: 'credential_missing', read: false }, { detail: lookup.message });
    await deps.store.finish(account.id, deps.worker, { cursor: state.cursor, lastRunAt: now, nextRunAt: now + s.intervalMs, failures: state.failures, notices: notified.notices });
    return { ran: true, created: 0, duplicates: 0, answered: 0, missed: 0, stopped: 'credential_missing', notified: notified.send };
  }

  const window = readWindow(state, now, s);
  const found: SourceEvent[] = [];
  let outcome: Awaited<ReturnType<AccountReader>> | undefined;
  let stop: PlatformError | undefined;
  try {
    outcome = await reader(account, lookup.credential, state.cursor, window, (e) => found.push(e));
  } catch (e) {
    if (!isPlatformError(e)) throw e;
    stop = e;
  }

  // what was read is ingested, even when the read stopped early (idempotent: the next run reads it again)
  const reason = lateReason(state, now, s);
  let created = 0, duplicates = 0, answered = 0, missed = 0;
  for (const e of found.filter((x) => timeOf(x) <= window.until).sort(inOrder)) {
    const event: SourceEvent = e.kind === 'message' ? { kind: 'message', message: { ...e.message, late: { foundAt: now, reason } } } : e;
    const r = await deps.ingest(event);
    if (r.created) {
      created++;
      if (reason === 'not_delivered') missed++;
    }
    if (r.duplicate) duplicates++;
    answered += r.answered;
  }

  const cause = stop ? ACCESS_CAUSE[stop.code] : undefined;
  const read = stop === undefined || stop.transient;
  if (stop) deps.logger.warn({ ...log, code: stop.code, status: stop.detail.status, platformCode: stop.detail.platformCode, retryAfterMs: stop.detail.retryAfterMs }, 'catch-up stopped early for the account');
  const notified = await tell(deps, account, state, { missed, known: duplicates, ...(outcome?.subscribed !== undefined && { subscribed: outcome.subscribed }), ...(cause && { failure: cause }), read }, { count: missed });

  const complete = stop === undefined;
  const failures = stop?.code === 'unavailable' || stop?.code === 'invalid_request' ? state.failures + 1 : 0;
  const waitUntil =
    stop?.code === 'rate_limited' ? now + Math.max(stop.detail.retryAfterMs ?? 60_000, 1000)
    : failures > 0 ? now + failureBackoff(failures, s)
    : undefined;
  await deps.store.finish(account.id, deps.worker, {
    nextRunAt: waitUntil ?? now + s.intervalMs,
    ...(waitUntil !== undefined && { waitUntil }),
    cursor: complete ? { ...state.cursor, ...outcome?.cursor, seenUntil: window.until } : state.cursor,
    lastRunAt: now,
    failures,
    notices: notified.notices,
  });
  if (created > 0) deps.logger.info({ ...log, created, missed, reason }, 'catch-up found messages no webhook had delivered');
  return { ran: true, created, duplicates, answered, missed, ...(stop && { stopped: cause ?? (stop.code as 'rate_limited' | 'unavailable' | 'invalid_request') }), notified: notified.send };
}

/** Sends the notices due; one that cannot be sent is not recorded, so the next run tries again. */
async function tell(deps: CatchupDeps, account: CatchupAccount, state: CatchupState, findings: Parameters<typeof nextNotices>[1], extra: { count?: number; detail?: string }) {
  const next = nextNotices(state.notices, findings);
  const sent: CatchupCause[] = [];
  for (const cause of next.send) {
    try {
      await deps.notify(account, cause, extra);
      sent.push(cause);
    } catch (e) {
      deps.logger.error({ account: account.key, cause, error: summarizeError(e) }, 'catch-up could not tell the managers; the next run tries again');
    }
  }
  return { notices: next.notices.filter((c) => !next.send.includes(c) || sent.includes(c)), send: sent };
}
