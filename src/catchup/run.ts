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

export async function runCatchup(deps: CatchupDeps, accounts: readonly CatchupAccount[], now: number, force = false): Promise<CatchupPass> {
  const outcomes = new Map<string, RunOutcome>();
  let ran = 0, created = 0, notified = 0;
  for (const account of accounts) {
    try {
      const o = await reconcileAccount(deps, account, now, force);
      outcomes.set(`${account.orgId}/${account.key}`, o);
      if (o.ran) {
        ran++;
        created += o.created;
        notified += o.notified.length;
      }
    } catch (e) {
      if (isDatabaseUnavailable(e)) throw e;
      deps.logger.error({ account: account.key, org: account.orgId, error: summarizeError(e) }, 'catch-up failed for the account; its lease runs out and a later pass tries again');
    }
  }
  return { ran, created, notified, outcomes };
}
