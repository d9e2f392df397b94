/**
 * A reminder about one inquiry: a title per moment, why the recipient gets it when it was routed to
 * a substitute, the inquiry, and (for the escalation after the deadline) who has it.
 *
 * 'heads_up' marks any share of the response time (policy `at: "50%"`, but also 25% or 75%), so its
 * title does not name a share; the deadline line says how much time is left.
 */
import type { ForwardedBy, Notification, ReminderMoment, RoutedVia } from '../../src/reminders/model.js';
import { formatAbsenceEnd } from './dates.js';
import { oneLine } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';

export type ReminderNotification = Extract<Notification, { type: 'reminder' }>;

const TITLES: Record<Language, Record<ReminderMoment, string>> = {
  sv: {
    heads_up: 'En fråga väntar på svar',
    due_soon: 'Svarstiden går snart ut',
    deadline: 'Svarstiden har gått ut',
    overdue: 'Försenad: frågan är fortfarande obesvarad',
    forwarded: 'En fråga har skickats till dig',
  },
  en: {
    heads_up: 'A question is waiting for an answer',
    due_soon: 'The response time is running out',
    deadline: 'The response time has run out',
    overdue: 'Overdue: the question is still unanswered',
    forwarded: 'A question has been forwarded to you',
  },
};

export function reminderTitle(moment: ReminderMoment, lang: Language): string {
  return TITLES[lang][moment];
}

/**
 * "Du får detta som ersättare för Erik Lind, som är frånvarande till och med fredag 27 november."
 * When the absence has no end after now (an inactive person): "…, som inte är tillgänglig."
 */
export function substituteLine(via: RoutedVia, zone: string, now: number, lang: Language): string {
  const name = oneLine(via.intendedName);
  const end = formatAbsenceEnd(via.until, zone, now, lang);
  if (lang === 'en') return `You are getting this as the substitute for ${name}, ${end ? `who is away ${end}` : 'who is not available'}.`;
  return `Du får detta som ersättare för ${name}, ${end ? `som är frånvarande ${end}` : 'som inte är tillgänglig'}.`;
}

/** "Erik Lind skickade frågan till dig: Du kan bygglov bäst." */
export function forwardedLine(by: ForwardedBy, lang: Language): string {
  const name = oneLine(by.name);
  const reason = by.reason === null ? '' : oneLine(by.reason);
  if (lang === 'en') return `${name} forwarded the question to you${reason ? `: ${reason}` : '.'}`;
  return `${name} skickade frågan till dig${reason ? `: ${reason}` : '.'}`;
}

export function renderReminder(n: ReminderNotification, now: number): RenderedMessage {
  const lang = n.language;
  return rendered(reminderTitle(n.moment, lang), [
    n.forwardedBy ? forwardedLine(n.forwardedBy, lang) : undefined,
    n.routedVia ? substituteLine(n.routedVia, n.timezone, now, lang) : undefined,
    ...inquiryLines(n.inquiry, n.timezone, now, lang),
    n.moment === 'overdue' ? assignmentLine(n.inquiry, lang) : undefined,
    personalDataLine(n.inquiry, lang),
  ]);
}
