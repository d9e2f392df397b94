/**
 * The daily digest: an officer's unanswered inquiries, nearest deadline first (in the order the core
 * gives them), one line each, those covered for someone away marked "(du ersätter Erik Lind)"; for
 * managers, the team view (per person open and overdue, who is away and who covers, what reaches
 * nobody) and a section with messages that reached no account in the directory. At most DIGEST_MAX_LINES of each, then "… och 12 till." (a chat message has a size
 * limit; `lista` shows them all, page by page).
 */
import { DateTime } from 'luxon';
import type { InquirySummary, Notification, TeamView } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { formatAbsenceEnd, formatDate } from './dates.js';
import { formatWorkingTimeLeft } from './durations.js';
import { DIGEST_TEXT_LIMIT, oneLine, quote } from './excerpt.js';
import { authorOf } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { joinList, onChannel } from './names.js';

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
  const covering = i.covering ? ` (${t.covering(oneLine(i.covering.name))})` : '';
  return `#${i.id}${account} ${onChannel(i.channel, lang)} ${t.from} ${authorOf(i, lang)}: ${quote(i.text, DIGEST_TEXT_LIMIT, lang)}${left ? ` – ${left}` : ''}${covering}`;
}

/** The team view's lines: "Erik Lind: 3 obesvarade, varav 1 försenad – frånvarande till och med fredag 11 december, Maria Ek ersätter". */
export function teamLines(team: TeamView, zone: string, now: number, lang: Language): string[] {
  const t = texts(lang).digest.team;
  const lines = team.people.map((p) => {
    const away = p.away ? t.away(p.away.until === null ? null : (formatAbsenceEnd(p.away.until, zone, now, lang) ?? null), p.away.coveredBy.length > 0 ? joinList(p.away.coveredBy.map(oneLine), lang) : null) : '';
    return `• ${t.person(oneLine(p.name), p.open, p.overdue)}${away}`;
  });
  if (team.unattended > 0) lines.push(t.unattended(team.unattended));
  return lines.length > 0 ? [t.title, ...lines] : [];
}

function capped(list: readonly InquirySummary[], lang: Language, withAccount: boolean): string[] {
  const lines = list.slice(0, DIGEST_MAX_LINES).map((i) => digestLine(i, lang, withAccount));
  return list.length > DIGEST_MAX_LINES ? [...lines, texts(lang).digest.more(list.length - DIGEST_MAX_LINES)] : lines;
}

/** `now`: when it is rendered (the team view's "away through Friday"; default the digest's date at noon). */
export function renderDigest(n: DigestNotification, now?: number): RenderedMessage {
  const lang = n.language;
  const t = texts(lang).digest;
  const lines = n.inquiries.length === 0 ? [t.none] : capped(n.inquiries, lang, false);
  if (n.team) lines.push(...teamLines(n.team, n.timezone, now ?? DateTime.fromISO(`${n.date}T12:00`, { zone: n.timezone }).toMillis(), lang));
  if (n.unrouted.length > 0) lines.push(t.unrouted(n.unrouted.length), ...capped(n.unrouted, lang, true));
  return rendered(t.title(formatDate(n.date, lang)), lines);
}
