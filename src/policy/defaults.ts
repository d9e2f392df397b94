import type { ReminderRule } from './schema.js';

/**
 * Reminders when a policy gives none: at 50% of the window to the assignee, 1 working hour before
 * the deadline to the assignee, at the deadline to assignee and substitute, 2 working hours after
 * to the manager.
 */
export const DEFAULT_REMINDERS: readonly ReminderRule[] = [
  { when: 'share', percent: 50, to: ['assignee'] },
  { when: 'before_deadline', offset: { unit: 'time', ms: 3_600_000, text: '1 working hour' }, to: ['assignee'] },
  { when: 'share', percent: 100, to: ['assignee', 'substitute'] },
  { when: 'after_deadline', offset: { unit: 'time', ms: 7_200_000, text: '2 working hours' }, to: ['manager'] },
];
