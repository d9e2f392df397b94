/**
 * One catch-up pass over every account that names a credential: each account that is due (or, on
 * start, each one not waiting on a rate limit) is reconciled in turn. An account's failure is logged
 * and the others go on; the database going away ends the pass (the scheduler logs it once and the
 * next pass tries again; the lease of an account cut short runs out and it is claimed again).
 */
import { summarizeError } from '../log/summary.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { CatchupAccount, RunOutcome } from './model.js';
import { reconcileAccount, type CatchupDeps } from './reconcile.js';

export interface CatchupPass {
  /** accounts reconciled in this pass */
  readonly ran: number;
  readonly created: number;
  readonly notified: number;
  readonly outcomes: ReadonlyMap<string, RunOutcome>;
}

/**
 * One account run's result, as svarstid_reconciliation_total counts it: `found` (it stored messages
 * no webhook had delivered), `ok` (it ran and found nothing new), the cause it stopped on
 * (`rate_limited`, `unavailable`, `invalid_request`, `token_invalid`, `permission`,
 * `credential_missing`, …), or `error` (it failed; see the log). Accounts not due are not counted.
 */
export function reconciliationResult(o: RunOutcome): string | undefined {
  if (!o.ran) return undefined;
  return o.stopped ?? (o.created > 0 ? 'found' : 'ok');
}

const platformOf = (a: CatchupAccount): 'meta' | 'x' => (a.channel === 'x' ? 'x' : 'meta');

export async function runCatchup(deps: CatchupDeps, accounts: readonly CatchupAccount[], now: number, force = false): Promise<CatchupPass> {
  const outcomes = new Map<string, RunOutcome>();
  let ran = 0, created = 0, notified = 0;
  for (const account of accounts) {
    try {
      const o = await reconcileAccount(deps, account, now, force);
      outcomes.set(`${account.orgId}/${account.key}`, o);
      const result = reconciliationResult(o);
      if (result !== undefined) deps.counted?.(platformOf(account), result);
      if (o.ran) {
        ran++;
        created += o.created;
        notified += o.notified.length;
      }
    } catch (e) {
      deps.counted?.(platformOf(account), isDatabaseUnavailable(e) ? 'unavailable' : 'error');
      if (isDatabaseUnavailable(e)) throw e;
      deps.logger.error({ account: account.key, org: account.orgId, error: summarizeError(e) }, 'catch-up failed for the account; its lease runs out and a later pass tries again');
    }
  }
  return { ran, created, notified, outcomes };
}
