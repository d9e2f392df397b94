/**
 * Routing an unrouted message (one that reached no account in the directory) to an account, by a
 * deployment administrator (`svarstid route ID ORG/ACCOUNT`, or the admin API): it gets the account's
 * organization, a deadline computed from its **original** arrival by that organization's policy, and
 * its reminders; the trail gets a `routed` event. Reminders whose time has already passed are not all
 * sent at once: per recipient role only the latest is kept, due now (an overdue message tells the
 * officer and the manager once); the others are recorded as skipped so that later re-planning does
 * not bring them back.
 */
import { deadlineFor, UnknownChannelError, type Policy } from '../policy/index.js';
import type { PlannedReminder } from '../reminders/model.js';
import { planReminders } from '../reminders/plan.js';
import type { Inquiry, InquiryEvent } from './model.js';
import type { InquiryStore } from './ports.js';

export interface RouteTarget {
  readonly orgId: string;
  readonly accountId: number;
  readonly key: string;
  readonly channel: string;
  readonly policy: Policy;
}

export interface Routing {
  readonly orgId: string;
  readonly accountId: number;
  readonly deadline: number | null;
  readonly allowedMinutes: number | null;
}

export interface RoutedReminders {
  /** what to plan (pending) */
  readonly plan: readonly PlannedReminder[];
  /** past reminders left out, recorded as cancelled */
  readonly skipped: readonly PlannedReminder[];
}

export interface RouteDeps {
  readonly store: Pick<InquiryStore, 'get'>;
  /** the active account `key` of organization `orgId`, with the organization's policy */
  readonly account: (orgId: string, key: string) => Promise<RouteTarget | undefined>;
  /** stores the routing, its event and the reminders atomically if the inquiry still has `version` and is unrouted; undefined otherwise */
  readonly save: (id: number, version: number, routing: Routing, event: InquiryEvent, reminders: RoutedReminders, now: number) => Promise<Inquiry | undefined>;
}

export type RoutingErrorCode = 'not_found' | 'not_unrouted' | 'bad_account' | 'unknown_account' | 'channel_mismatch' | 'concurrent_change';

export class RoutingError extends Error {
  override readonly name = 'RoutingError';
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** "hofors/blogg" → { orgId: "hofors", key: "blogg" }: an account is named by its organization and its directory key. */
export function parseAccountRef(ref: string): { orgId: string; key: string } {
  const m = /^([a-z0-9][a-z0-9._-]*)\/([a-z0-9][a-z0-9._-]*)$/.exec(ref.trim());
  if (!m) throw new RoutingError('bad_account', `"${ref}" does not name an account; write ORGANIZATION/ACCOUNT with the directory keys, e.g. hofors/facebook`);
  return { orgId: m[1]!, key: m[2]! };
}

/** Per role, the latest reminder already due, moved to `now`; the rest of the past ones are skipped. */
export function collapsePastReminders(planned: readonly PlannedReminder[], now: number): RoutedReminders {
  const latest = new Map<string, PlannedReminder>();
  for (const r of planned) if (r.dueAt <= now && (latest.get(r.role)?.dueAt ?? -Infinity) <= r.dueAt) latest.set(r.role, r);
  const kept = new Set(latest.values());
  return {
    plan: planned.filter((r) => r.dueAt > now || kept.has(r)).map((r) => (kept.has(r) ? { ...r, dueAt: now } : r)),
    skipped: planned.filter((r) => r.dueAt <= now && !kept.has(r)),
  };
}

export async function routeUnrouted(deps: RouteDeps, id: number, accountRef: string, actor: string, now: number): Promise<Inquiry> {
  const ref = parseAccountRef(accountRef);
  const inquiry = await deps.store.get(id);
  if (!inquiry) throw new RoutingError('not_found', `no inquiry ${id}`);
  if (inquiry.state !== 'unrouted') throw new RoutingError('not_unrouted', `inquiry ${id} is ${inquiry.state}, not unrouted; it already belongs to ${inquiry.orgId ?? 'no organization'}`);
  const target = await deps.account(ref.orgId, ref.key);
  if (!target) throw new RoutingError('unknown_account', `no active account "${ref.key}" in organization "${ref.orgId}"`);
  if (target.channel !== inquiry.channel) {
    throw new RoutingError('channel_mismatch', `account ${ref.orgId}/${ref.key} is a ${target.channel} account; inquiry ${id} came by ${inquiry.channel}`);
  }
  let deadline: number | null = null;
  let allowedMinutes: number | null = null;
  let noRule: string | undefined;
  try {
    const d = deadlineFor(target.policy, inquiry.channel, inquiry.receivedAt);
    deadline = d.deadline;
    allowedMinutes = Math.round(d.allowed / 60_000);
  } catch (e) {
    if (!(e instanceof UnknownChannelError)) throw e;
    noRule = `the policy has no rule for ${inquiry.channel}`;
  }
  const routed = { ...inquiry, state: 'open' as const, orgId: target.orgId, accountId: target.accountId, deadline, allowedMinutes };
  const reminders = collapsePastReminders(planReminders(routed, target.policy), now);
  const event: InquiryEvent = {
    type: 'routed',
    actor,
    at: now,
    data: { organization: target.orgId, account: target.key, accountId: target.accountId, deadline, receivedAt: inquiry.receivedAt, ...(noRule && { noRule }) },
  };
  const saved = await deps.save(id, inquiry.version, { orgId: target.orgId, accountId: target.accountId, deadline, allowedMinutes }, event, reminders, now);
  if (!saved) throw new RoutingError('concurrent_change', `inquiry ${id} was changed meanwhile; try again`);
  return saved;
}
