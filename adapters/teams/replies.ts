/**
 * The chat service's replies as Teams activities: an inquiry after an action is its card with the
 * buttons still allowed; the queue is a card a page at a time (Föregående / Nästa under a list that
 * has more, updating the card in place); the status or an absence is a card without buttons; help
 * and refusals are plain text (textFormat plain: a citizen's or officer's words are never read as
 * Markdown).
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import type { ChatReply, InquiryCard, QueueView } from '../../src/chat/types.js';
import type { Person } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { encodePages, FIRST_PAGES, queueSections, renderQueue, turnPage, type QueuePages } from '../chat-text/index.js';
import { renderCard, renderReply } from '../chat-text/replies.js';
import { cardAttachment, messageCard, textBlocks, type CardElement } from './cards/adaptive-card.js';
import { inquiryCard, inquiryCardContent, type InquiryCardInput } from './cards/inquiry-card.js';

export type OutgoingActivity = Partial<Activity>;

export function plainText(text: string): OutgoingActivity {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

function cardInput(title: string, card: InquiryCard, forwardees: readonly Person[], now: number): InquiryCardInput {
  return { rendered: renderCard(title, card, now), inquiryId: card.summary.id, url: card.summary.url, actions: card.actions, forwardees, language: card.language, ...(card.answer?.ok && { prefill: card.answer.prefill }) };
}

/** An inquiry's card after `title` happened ("#42 – Erik Lind tog frågan."). */
export function inquiryCardActivity(title: string, card: InquiryCard, forwardees: readonly Person[], now: number): OutgoingActivity {
  const input = cardInput(title, card, forwardees, now);
  return { type: ActivityTypes.Message, summary: input.rendered.title, attachments: [inquiryCard(input)] };
}

/** The same card on its own, for an adaptiveCard/action invoke's answer. */
export function inquiryCardBody(title: string, card: InquiryCard, forwardees: readonly Person[], now: number): CardElement {
  return inquiryCardContent(cardInput(title, card, forwardees, now));
}

/** The queue at `pages`, with a button for each way a list can be paged. */
export function queueActivity(q: QueueView, pages: QueuePages = FIRST_PAGES): OutgoingActivity {
  const t = texts(q.language).pager;
  const rendered = renderQueue(q, pages);
  const actions = queueSections(q, pages).flatMap((s) => [
    ...(s.page.page > 1 ? [{ title: `${t.previous} (${s.title})`, pages: turnPage(pages, s.list, -1) }] : []),
    ...(s.page.page < s.page.pages ? [{ title: `${t.next} (${s.title})`, pages: turnPage(pages, s.list, +1) }] : []),
  ]);
  const buttons = actions.map((a) => ({ type: 'Action.Submit', title: a.title, data: { svarstid: 'page', pages: encodePages(a.pages) } }));
  return { type: ActivityTypes.Message, summary: rendered.title, attachments: [cardAttachment(textBlocks(rendered), buttons, rendered.fallback)] };
}

export function replyActivity(reply: ChatReply, forwardees: readonly Person[], now: number): OutgoingActivity {
  if (reply.kind === 'refused' || reply.kind === 'text') return plainText(reply.text);
  if (reply.kind === 'acted') return inquiryCardActivity(reply.text, reply.card, forwardees, now);
  if (reply.kind === 'queue') return queueActivity(reply.queue);
  const rendered = renderReply(reply, now);
  return { type: ActivityTypes.Message, summary: rendered.title, attachments: [messageCard(rendered)] };
}
