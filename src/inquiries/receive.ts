/**
 * Receive a citizen message: route it to its account, compute its deadline from the organization's
 * policy at receipt, flag personal data, and store it with the raw payload — idempotently: a
 * redelivery never creates a second inquiry nor alters the first.
 */
import { deadlineFor, UnknownChannelError } from '../policy/index.js';
import { PRIVATE_CHANNELS } from '../policy/vocabulary.js';
import { sourceActor, type InboundMessage } from './inbound.js';
import type { Inquiry } from './model.js';
import { detectPersonalData } from './personal-data/index.js';
import type { InquiryStore, RouteLookup } from './ports.js';
import { collapseOverdue, planReminders } from '../reminders/plan.js';

export interface ReceiveDeps {
  readonly store: Pick<InquiryStore, 'insertIfAbsent'>;
  readonly route: RouteLookup;
}

export async function receive(deps: ReceiveDeps, m: InboundMessage, now: number): Promise<{ inquiry: Inquiry; created: boolean }> {
  const route = await deps.route(m.channel, m.accountExternalId);
  let deadline: number | null = null;
  let allowedMinutes: number | null = null;
  let noRule = false;
  if (route) {
    try {
      const d = deadlineFor(route.policy, m.channel, m.receivedAt);
      deadline = d.deadline;
      allowedMinutes = Math.round(d.allowed / 60_000);
    } catch (e) {
      if (!(e instanceof UnknownChannelError)) throw e;
      noRule = true; // kept, with no deadline: the policy has no rule for this channel
    }
  }
  const personalData = detectPersonalData(m.text).kinds;
  return deps.store.insertIfAbsent(
    {
      orgId: route?.orgId ?? null,
      accountId: route?.accountId ?? null,
      source: m.source,
      channel: m.channel,
      accountExternalId: m.accountExternalId,
      externalId: m.externalId,
      authorId: m.author.id ?? null,
      authorName: m.author.name ?? null,
      authorHandle: m.author.handle ?? null,
      text: m.text,
      url: m.url ?? null,
      inReplyTo: m.inReplyTo ?? null,
      privateConversation: m.privateConversation ?? (PRIVATE_CHANNELS.includes(m.channel) ? (m.author.id ?? null) : null),
      receivedAt: m.receivedAt,
      deadline,
      allowedMinutes,
      state: route ? 'open' : 'unrouted',
      personalData,
      raw: m.raw,
      ...(m.late ? { caughtUpAt: m.late.foundAt, lateReason: m.late.reason } : {}),
    },
    {
      type: 'received',
      actor: sourceActor(m),
      at: now,
      data: { routed: route !== undefined, deadline, ...(noRule ? { noRule: `the policy has no rule for ${m.channel}` } : {}), ...(m.note === undefined ? {} : { note: m.note }), personalData, ...(m.late ? { caughtUp: { reason: m.late.reason } } : {}) },
    },
    now,
    // a late arrival's reminders already due are not all sent at once: only the latest per recipient
    route ? (inquiry) => (m.late ? collapseOverdue(planReminders(inquiry, route.policy), now) : planReminders(inquiry, route.policy)) : undefined,
  );
}
