/**
 * The manager's notice that a reminder could not be delivered to someone (src/reminders/tick.ts:
 * after MAX_ATTEMPTS, or at once when the platform says the person cannot be reached): what failed,
 * the inquiry, who has it, and what to do. The technical error is the platform's (English) message,
 * shown as it is for whoever investigates. It does not say how many attempts were made: the notice
 * does not know, and one attempt is enough when the person cannot be reached at all.
 */
import type { Notification } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { oneLine, truncate } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type RenderedMessage } from './message.js';

export type DeliveryFailedNotification = Extract<Notification, { type: 'delivery_failed' }>;

const ERROR_LIMIT = 300;

export function renderDeliveryFailed(n: DeliveryFailedNotification, now: number): RenderedMessage {
  const lang = n.language;
  const t = texts(lang).deliveryFailed;
  const intended = oneLine(n.intendedName);
  const error = truncate(n.error, ERROR_LIMIT);
  return rendered(t.title, [
    t.failed(n.inquiry.id, intended),
    ...inquiryLines(n.inquiry, n.timezone, now, lang),
    assignmentLine(n.inquiry, lang),
    personalDataLine(n.inquiry, lang),
    error ? t.error(error) : undefined,
    t.action(intended),
  ]);
}
