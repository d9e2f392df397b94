/**
 * The daily digest: an officer's unanswered inquiries, nearest deadline first (in the order the core
 * gives them), one line each; for managers, a section with messages that reached no account in the
 * directory. At most DIGEST_MAX_LINES of each, then "… och 12 till." (a chat message has a size
 * limit; `lista` shows them all, page by page).
 */
import type { InquirySummary, Notification } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { formatDate } from './dates.js';
import { formatWorkingTimeLeft } from './durations.js';
import { DIGEST_TEXT_LIMIT, oneLine, quote } from './excerpt.js';
import { authorOf } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { onChannel } from './names.js';

export type DigestNotification = Extract<Notification, { type: 'digest' }>;

export const DIGEST_MAX_LINES = 30;

function timeLeft(i: InquirySummary, lang: Language): string {
  return i.workingTimeLeft !== null ? formatWorkingTimeLeft(i.workingTimeLeft, lang) : i.deadline === null ? texts(lang).digest.noResponseTime : '';
}

/** "#42 på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – 2 tim 15 min kvar i arbetstid" */
export function digestLine(i: InquirySummary, lang: Language, withAccount = false): string {
  const t = texts(lang).digest;
  const account = withAccount ? ` ${t.to} ${oneLine(i.accountName)}` : '';
  const left = timeLeft(i, lang);
  return `#${i.id}${account} ${onChannel(i.channel, lang)} ${t.from} ${authorOf(i, lang)}: ${quote(i.text, DIGEST_TEXT_LIMIT, lang)}${left ? ` – ${left}` : ''}`;
}

function capped(list: readonly InquirySummary[], lang: Language, withAccount: boolean): string[] {
  const lines = list.slice(0, DIGEST_MAX_LINES).map((i) => digestLine(i, lang, withAccount));
  return list.length > DIGEST_MAX_LINES ? [...lines, texts(lang).digest.more(list.length - DIGEST_MAX_LINES)] : lines;
}

export function renderDigest(n: DigestNotification): RenderedMessage {
  const lang = n.language;
  const t = texts(lang).digest;
  const lines = n.inquiries.length === 0 ? [t.none] : capped(n.inquiries, lang, false);
  if (n.unrouted.length > 0) lines.push(t.unrouted(n.unrouted.length), ...capped(n.unrouted, lang, true));
  return rendered(t.title(formatDate(n.date, lang)), lines);
}
