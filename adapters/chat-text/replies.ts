/**
 * The chat service's replies as text (shared by Slack, Teams and tests): a queue, an inquiry after
 * an action, an absence, the organization's status, a refusal. Pure: `now` is a parameter.
 */
import type { ChatReply, InquiryCard, OrgStatus, QueueView } from '../../src/chat/types.js';
import { isActive } from '../../src/inquiries/model.js';
import { texts } from '../../src/texts/index.js';
import { formatAbsenceEnd, formatAbsenceStart } from './dates.js';
import { digestLine } from './digest.js';
import { oneLine } from './excerpt.js';
import { assignmentLine, inquiryLines, personalDataLine } from './inquiry-lines.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { channelName, onChannel } from './names.js';
import { FIRST_PAGES, queueSections, type QueuePages } from './queue.js';
import { renderPeriodReport } from './weekly-summary.js';

/** The queue: the person's own, then the unclaimed ones, one line each, the given page of each. */
export function renderQueue(q: QueueView, pages: QueuePages = FIRST_PAGES): RenderedMessage {
  const lines = queueSections(q, pages).flatMap((s) => [s.heading, ...s.page.items.map((i) => `• ${digestLine(i, q.language, true)}`), s.showing]);
  return rendered(texts(q.language).queue.title, lines);
}

/** An inquiry after an action: what happened (the title), then the inquiry, who has it, registration. */
export function renderCard(title: string, c: InquiryCard, now: number): RenderedMessage {
  const lang = c.language;
  return rendered(title, [
    ...inquiryLines(c.summary, c.timezone, now, lang),
    isActive(c.summary.state) ? assignmentLine(c.summary, lang) : undefined,
    c.registered ? texts(lang).inquiry.registered(c.caseNumber) : undefined,
    personalDataLine(c.summary, lang),
    isActive(c.summary.state) && c.summary.answer?.ok === false ? c.summary.answer.reason : undefined,
    isActive(c.summary.state) ? c.summary.moderation?.why : undefined,
  ]);
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function renderStatus(s: OrgStatus, lang: Language): RenderedMessage {
  const t = texts(lang).status;
  const lines = s.channels.length === 0 ? [t.none] : s.channels.map((c) => t.channel(capitalized(channelName(c.channel, lang)), c.active, c.unclaimed, c.overdue));
  if (s.overdue.length > 0) lines.push(t.overdue(s.overdue.length), ...s.overdue.map((i) => `• ${digestLine(i, lang, true)}`));
  if (s.unrouted > 0) lines.push(t.unrouted(s.unrouted));
  return rendered(t.title, lines);
}

export function renderReply(r: ChatReply, now: number): RenderedMessage {
  const t = texts(r.language);
  switch (r.kind) {
    case 'text': {
      const [first = 'svarstid', ...rest] = r.text.split('\n');
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
    case 'report':
      return renderPeriodReport(r.report, r.language, false);
    case 'registry': {
      const g = t.registry;
      const lines = r.accounts.length === 0 ? [g.none] : r.accounts.map((a) => `• ${g.line(oneLine(a.account), onChannel(a.channel, r.language), a.address, a.responsible && oneLine(a.responsible), a.substitute && oneLine(a.substitute), a.manager && oneLine(a.manager))}`);
      return rendered(g.title(oneLine(r.organization)), lines);
    }
    case 'absence': {
      const forName = r.forName === undefined ? undefined : oneLine(r.forName);
      if (r.action === 'back') return rendered(forName === undefined ? t.absence.back : t.absence.backFor(forName), []);
      const end = formatAbsenceEnd(r.endsAt, r.timezone, now, r.language) ?? '';
      const sub = r.substituteName === null ? null : oneLine(r.substituteName);
      return rendered(forName === undefined ? t.absence.away(end, sub) : t.absence.awayFor(forName, end, sub), [r.startsAt > now ? t.absence.starts(formatAbsenceStart(r.startsAt, r.timezone, now, r.language)) : undefined]);
    }
  }
}
