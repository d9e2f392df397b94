/**
 * The chat service's replies as Teams activities: an inquiry after an action is its card with the
 * buttons still allowed; a queue, the status or an absence is a card without buttons; help and
 * refusals are plain text (textFormat plain: a citizen's or officer's words are never read as Markdown).
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import type { ChatReply, InquiryCard } from '../../src/chat/types.js';
import type { Person } from '../../src/reminders/model.js';
import { renderCard, renderReply } from '../chat-text/replies.js';
import { messageCard } from './cards/adaptive-card.js';
import { inquiryCard } from './cards/inquiry-card.js';

export type OutgoingActivity = Partial<Activity>;

export function plainText(text: string): OutgoingActivity {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}

/** An inquiry's card after `title` happened ("#42 – Erik Lind tog frågan."). */
export function inquiryCardActivity(title: string, card: InquiryCard, forwardees: readonly Person[], now: number): OutgoingActivity {
  const rendered = renderCard(title, card, now);
  return {
    type: ActivityTypes.Message,
    summary: rendered.title,
    attachments: [inquiryCard({ rendered, inquiryId: card.summary.id, url: card.summary.url, actions: card.actions, forwardees, language: card.language })],
  };
}

export function replyActivity(reply: ChatReply, forwardees: readonly Person[], now: number): OutgoingActivity {
  if (reply.kind === 'refused' || reply.kind === 'text') return plainText(reply.text);
  if (reply.kind === 'acted') return inquiryCardActivity(reply.text, reply.card, forwardees, now);
  const rendered = renderReply(reply, now);
  return { type: ActivityTypes.Message, summary: rendered.title, attachments: [messageCard(rendered)] };
}
