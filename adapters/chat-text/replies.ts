/**
 * The chat service's replies as text (shared by Slack, Teams and tests): a queue, an inquiry after
 * an action, an absence, the organization's status, a refusal. Pure: `now` is a parameter.
 */
import type { ChatReply, InquiryCard, OrgStatus, QueueView } from '../../src/chat/types.js';
import { isActive } from '../../src/inquiries/model.js';
import { formatAbsenceEnd, formatDateTime } from './dates.js';
import { digestLine } from './digest.js';
import { oneLine } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { channelName } from './names.js';

const T = {
  sv: {
    queue: 'Dina frågor',
    mine: (n: number) => `Dina (${n}):`,
    noneMine: 'Du har inga öppna frågor.',
    unclaimed: (n: number) => `Ingen har tagit (${n}):`,
    noneUnclaimed: 'Alla frågor är tagna.',
    registered: (nr: string | null) => `Diarieförd${nr ? `: ${nr}` : ''}.`,
    away: (end: string, sub: string | null) => `Frånvaro registrerad ${end}.${sub ? ` ${sub} är ersättare och får dina påminnelser.` : ' Dina påminnelser går till kontots ersättare.'}`,
    awayFrom: (start: string) => `Den börjar ${start}.`,
    back: 'Välkommen tillbaka! Dina påminnelser kommer till dig igen.',
    status: 'Läget just nu',
    channelLine: (ch: string, a: number, u: number, o: number) => `${ch}: ${a} obesvarade, varav ${u} inte tagna och ${o} försenade`,
    noneActive: 'Inga obesvarade frågor.',
    overdue: (n: number) => `Försenade (${n}):`,
    unrouted: (n: number) => `${n} meddelanden har kommit till konton som inte finns i katalogen.`,
    refused: 'Det gick inte',
    help: 'svarstid',
  },
  en: {
    queue: 'Your questions',
    mine: (n: number) => `Yours (${n}):`,
    noneMine: 'You have no open questions.',
    unclaimed: (n: number) => `Not taken by anyone (${n}):`,
    noneUnclaimed: 'All questions are taken.',
    registered: (nr: string | null) => `Registered${nr ? `: ${nr}` : ''}.`,
    away: (end: string, sub: string | null) => `Absence registered ${end}.${sub ? ` ${sub} is your substitute and gets your reminders.` : " Your reminders go to the account's substitute."}`,
    awayFrom: (start: string) => `It starts ${start}.`,
    back: 'Welcome back! Your reminders come to you again.',
    status: 'The situation now',
    channelLine: (ch: string, a: number, u: number, o: number) => `${ch}: ${a} unanswered, ${u} not taken and ${o} overdue`,
    noneActive: 'No unanswered questions.',
    overdue: (n: number) => `Overdue (${n}):`,
    unrouted: (n: number) => `${n} messages came to accounts that are not in the directory.`,
    refused: 'Not done',
    help: 'svarstid',
  },
} satisfies Record<Language, unknown>;

/** "Dina frågor": the person's own, then the unclaimed ones, one line each. */
export function renderQueue(q: QueueView): RenderedMessage {
  const t = T[q.language];
  return rendered(t.queue, [
    q.mine.length ? t.mine(q.mine.length) : t.noneMine,
    ...q.mine.map((i) => `• ${digestLine(i, q.language, true)}`),
    q.unclaimed.length ? t.unclaimed(q.unclaimed.length) : t.noneUnclaimed,
    ...q.unclaimed.map((i) => `• ${digestLine(i, q.language, true)}`),
  ]);
}

/** An inquiry after an action: what happened (the title), then the inquiry, who has it, registration. */
export function renderCard(title: string, c: InquiryCard, now: number): RenderedMessage {
  const lang = c.language;
  return rendered(title, [
    ...inquiryLines(c.summary, c.timezone, now, lang),
    isActive(c.summary.state) ? assignmentLine(c.summary, lang) : undefined,
    c.registered ? T[lang].registered(c.caseNumber) : undefined,
    personalDataLine(c.summary, lang),
  ]);
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function renderStatus(s: OrgStatus, lang: Language): RenderedMessage {
  const t = T[lang];
  const lines = s.channels.length === 0 ? [t.noneActive] : s.channels.map((c) => t.channelLine(capitalized(channelName(c.channel, lang)), c.active, c.unclaimed, c.overdue));
  if (s.overdue.length > 0) lines.push(t.overdue(s.overdue.length), ...s.overdue.map((i) => `• ${digestLine(i, lang, true)}`));
  if (s.unrouted > 0) lines.push(t.unrouted(s.unrouted));
  return rendered(t.status, lines);
}

export function renderReply(r: ChatReply, now: number): RenderedMessage {
  const t = T[r.language];
  switch (r.kind) {
    case 'text': {
      const [first = t.help, ...rest] = r.text.split('\n');
      return rendered(first, rest);
    }
    case 'refused':
      return rendered(r.text, []);
    case 'acted':
      return renderCard(r.text, r.card, now);
    case 'queue':
      return renderQueue(r.queue);
    case 'status':
      return renderStatus(r.status, r.language);
    case 'absence': {
      if (r.action === 'back') return rendered(t.back, []);
      const end = formatAbsenceEnd(r.endsAt, r.timezone, now, r.language) ?? '';
      const sub = r.substituteName === null ? null : oneLine(r.substituteName);
      return rendered(t.away(end, sub), [r.startsAt > now ? t.awayFrom(formatDateTime(r.startsAt, r.timezone, now, r.language)) : undefined]);
    }
  }
}
