/**
 * The manager's notice that a reminder could not be delivered to someone after repeated attempts
 * (src/reminders/tick.ts, MAX_ATTEMPTS): what failed, the inquiry, who has it, and what to do.
 * The technical error is the platform's (English) message, shown as it is for whoever investigates.
 */
import type { Notification } from '../../src/reminders/model.js';
import { oneLine, truncate } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type RenderedMessage } from './message.js';

export type DeliveryFailedNotification = Extract<Notification, { type: 'delivery_failed' }>;

const ERROR_LIMIT = 300;

export function renderDeliveryFailed(n: DeliveryFailedNotification, now: number): RenderedMessage {
  const lang = n.language;
  const id = n.inquiry.id;
  const intended = oneLine(n.intendedName);
  const error = truncate(n.error, ERROR_LIMIT);
  const en = lang === 'en';
  const failed = en
    ? `The reminder about question #${id} could not be delivered to ${intended || 'the recipient'}, despite repeated attempts.`
    : `Påminnelsen om fråga #${id} kunde inte levereras till ${intended || 'mottagaren'}, trots upprepade försök.`;
  const action = en
    ? `Make sure someone answers the question${intended ? `, and check that ${intended} has the right chat account in the directory` : ''}.`
    : `Se till att någon svarar på frågan${intended ? ` och kontrollera att ${intended} har rätt chattkonto i katalogen` : ''}.`;
  return rendered(en ? 'A reminder could not be delivered' : 'En påminnelse kunde inte levereras', [
    failed,
    ...inquiryLines(n.inquiry, n.timezone, now, lang),
    assignmentLine(n.inquiry, lang),
    personalDataLine(n.inquiry, lang),
    error ? `${en ? 'Technical error' : 'Tekniskt fel'}: ${error}` : undefined,
    action,
  ]);
}
