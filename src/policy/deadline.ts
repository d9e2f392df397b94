/** The response deadline of a message arriving on a channel, by the policy's rule for that channel. */
import type { Duration } from './duration.js';
import type { Policy } from './policy.js';
import { parentChannel } from './vocabulary.js';

export class UnknownChannelError extends Error {
  override readonly name = 'UnknownChannelError';
  readonly code = 'unknown_channel';

  constructor(
    readonly channel: string,
    readonly known: readonly string[],
    source: string,
  ) {
    super(`${source}: no response rule for channel "${channel}"; the policy has: ${known.join(', ')}`);
  }
}

export interface Deadline {
  readonly arrival: number;
  readonly deadline: number;
  /** working time from arrival to deadline, in ms */
  readonly allowed: number;
}

/** The policy's rule for `channel`; a channel with a parent (instagram_dm → instagram) and no rule of its own takes the parent's. */
export function ruleFor(policy: Policy, channel: string): Duration {
  const parent = parentChannel(channel);
  const rule = policy.channels.get(channel as never) ?? (parent === undefined ? undefined : policy.channels.get(parent));
  if (!rule) throw new UnknownChannelError(channel, [...policy.channels.keys()], policy.source);
  return rule;
}

export function deadlineByRule(policy: Policy, rule: Duration, arrival: number): Deadline {
  const cal = policy.calendar;
  if (rule.unit === 'time') return { arrival, deadline: cal.addWorkingTime(arrival, rule.ms), allowed: rule.ms };
  const deadline = cal.addWorkingDays(arrival, rule.days);
  return { arrival, deadline, allowed: cal.workingTimeBetween(arrival, deadline) };
}

export function deadlineFor(policy: Policy, channel: string, arrival: number): Deadline {
  return deadlineByRule(policy, ruleFor(policy, channel), arrival);
}
