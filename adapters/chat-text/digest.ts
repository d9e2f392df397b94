/**
 * The daily digest: an officer's open inquiries, nearest deadline first (in the order the core gives
 * them), one line each; for managers, a section with messages that reached no account in the directory.
 */
import type { InquirySummary, Notification } from '../../src/reminders/model.js';
import { formatDate } from './dates.js';
import { formatWorkingTimeLeft } from './durations.js';
import { DIGEST_TEXT_LIMIT, oneLine, quote } from './excerpt.js';
import { authorOf } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { onChannel } from './names.js';

export type DigestNotification = Extract<Notification, { type: 'digest' }>;

const TEXT = {
  sv: {
    title: (date: string) => `Dina öppna frågor, ${date}`,
    none: 'Inga öppna frågor.',
    noDeadline: 'ingen svarstid',
    unrouted: (count: number) => `Meddelanden till konton som inte finns i katalogen (${count}):`,
    from: 'från',
    to: 'till',
  },
  en: {
    title: (date: string) => `Your open questions, ${date}`,
    none: 'No open questions.',
    noDeadline: 'no response time',
    unrouted: (count: number) => `Messages to accounts that are not in the directory (${count}):`,
    from: 'from',
    to: 'to',
  },
} satisfies Record<Language, unknown>;

function timeLeft(i: InquirySummary, lang: Language): string {
  return i.workingTimeLeft !== null ? formatWorkingTimeLeft(i.workingTimeLeft, lang) : i.deadline === null ? TEXT[lang].noDeadline : '';
}

/** "#42 på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – 2 tim 15 min kvar i arbetstid" */
export function digestLine(i: InquirySummary, lang: Language, withAccount = false): string {
  const t = TEXT[lang];
  const account = withAccount ? ` ${t.to} ${oneLine(i.accountName)}` : '';
  const left = timeLeft(i, lang);
  return `#${i.id}${account} ${onChannel(i.channel, lang)} ${t.from} ${authorOf(i, lang)}: ${quote(i.text, DIGEST_TEXT_LIMIT, lang)}${left ? ` – ${left}` : ''}`;
}

export function renderDigest(n: DigestNotification): RenderedMessage {
  const lang = n.language;
  const t = TEXT[lang];
  const lines = n.inquiries.length === 0 ? [t.none] : n.inquiries.map((i) => digestLine(i, lang));
  if (n.unrouted.length > 0) lines.push(t.unrouted(n.unrouted.length), ...n.unrouted.map((i) => digestLine(i, lang, true)));
  return rendered(t.title(formatDate(n.date, lang)), lines);
}
