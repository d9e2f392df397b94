/**
 * Which notices the managers get after a run (pure): each cause once per account, until it recovers.
 * - webhook_missed: the run found messages no webhook delivered while svarstid was up. It recovers
 *   when a run finds messages again and all of them had already come by webhook.
 * - unsubscribed: `/{page-id}/subscribed_apps` no longer lists the app; recovers when it does again.
 * - token_invalid, permission, credential_missing: the run could not read; recovers when a run reads.
 */
import type { CatchupCause } from '../reminders/model.js';

export interface RunFindings {
  /** new messages found that no webhook delivered while svarstid was up */
  readonly missed: number;
  /** messages found that svarstid already had (a webhook delivered them) */
  readonly known: number;
  readonly subscribed?: boolean;
  /** the cause that stopped the run from reading, if any; undefined when the read went through */
  readonly failure?: CatchupCause;
  /** the run read (to its end or to a rate limit): the token and permissions work */
  readonly read: boolean;
}

const ACCESS: readonly CatchupCause[] = ['token_invalid', 'permission', 'credential_missing'];

export function nextNotices(previous: readonly CatchupCause[], f: RunFindings): { notices: CatchupCause[]; send: CatchupCause[] } {
  const active = new Set(previous);
  if (f.read) for (const c of ACCESS) active.delete(c);
  if (f.failure) active.add(f.failure);
  if (f.missed > 0) active.add('webhook_missed');
  else if (f.known > 0) active.delete('webhook_missed');
  if (f.subscribed === false) active.add('unsubscribed');
  else if (f.subscribed === true) active.delete('unsubscribed');
  const notices = [...active].sort();
  return { notices, send: notices.filter((c) => !previous.includes(c)) };
}
