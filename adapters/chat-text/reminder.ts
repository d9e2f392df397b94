/**
 * A reminder about one inquiry: a title per moment, why the recipient gets it when it was routed to
 * a substitute, the inquiry, and (for the escalation after the deadline) who has it.
 *
 * 'heads_up' marks any share of the response time (policy `at: "50%"`, but also 25% or 75%), so its
 * title does not name a share; the deadline line says how much time is left.
 */
import type { ForwardedBy, InquirySummary, Notification, ReminderMoment, RoutedVia } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { formatAbsenceEnd, formatDateTime } from './dates.js';
import { oneLine } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { onChannel } from './names.js';

export type ReminderNotification = Extract<Notification, { type: 'reminder' }>;

export function reminderTitle(moment: ReminderMoment, lang: Language): string {
  return texts(lang).reminder.titles[moment];
}

/**
 * "Du får detta som ersättare för Erik Lind, som är frånvarande till och med fredag 27 november."
 * When the absence has no end after now (an inactive person): "…, som inte är tillgänglig."
 */
export function substituteLine(via: RoutedVia, zone: string, now: number, lang: Language): string {
  return texts(lang).reminder.substitute(oneLine(via.intendedName), formatAbsenceEnd(via.until, zone, now, lang));
}

/** "Erik Lind skickade frågan vidare till dig: Du kan bygglov bäst." */
export function forwardedLine(by: ForwardedBy, lang: Language): string {
  const reason = by.reason === null ? '' : oneLine(by.reason);
  return texts(lang).reminder.forwardedBy(oneLine(by.name), reason || null);
}

/** What to do with a reminder: "Svara på Facebook och tryck sedan på Besvarad. …" */
export function reminderHint(i: Pick<InquirySummary, 'channel'>, lang: Language): string {
  return texts(lang).reminder.hint(onChannel(i.channel, lang));
}

/** "Kom in sent: svarstid fick veta om meddelandet först i dag kl. 08:02, eftersom …", for what catch-up found. */
export function lateLine(i: Pick<InquirySummary, 'late'>, zone: string, now: number, lang: Language): string | undefined {
  return i.late ? texts(lang).reminder.late(formatDateTime(i.late.foundAt, zone, now, lang), i.late.reason) : undefined;
}

export function renderReminder(n: ReminderNotification, now: number): RenderedMessage {
  const lang = n.language;
  return rendered(reminderTitle(n.moment, lang), [
    n.forwardedBy ? forwardedLine(n.forwardedBy, lang) : undefined,
    n.routedVia ? substituteLine(n.routedVia, n.timezone, now, lang) : undefined,
    ...inquiryLines(n.inquiry, n.timezone, now, lang),
    lateLine(n.inquiry, n.timezone, now, lang),
    n.moment === 'overdue' ? assignmentLine(n.inquiry, lang) : undefined,
    personalDataLine(n.inquiry, lang),
    n.inquiry.answer?.ok === false ? n.inquiry.answer.reason : undefined,
    n.inquiry.moderation?.why,
  ]);
}
