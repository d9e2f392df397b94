export { parsePolicy } from './parse.js';
export { loadPolicyFile } from './load.js';
export { deadlineFor, deadlineByRule, ruleFor, UnknownChannelError, type Deadline } from './deadline.js';
export { PolicyError, type PolicyProblem } from './errors.js';
export { parseDuration, DurationFormatError, type Duration } from './duration.js';
export { DEFAULT_REMINDERS } from './defaults.js';
export type { Policy } from './policy.js';
export type { ReminderRule } from './schema.js';
export { CHANNEL_KINDS, RECIPIENTS, type ChannelKind, type Recipient } from './vocabulary.js';
