/**
 * A notification as a Teams message. A reminder about an inquiry is its card with the buttons
 * (the same title, lines and hint as every platform's); anything else — digests, delivery failures, the
 * weekly summary and whatever kinds come later — is rendered generically from the shared text
 * renderer, with its picture (the weekly chart) as an inline image attachment (a base64 data URI,
 * which Microsoft documents for bot messages in every scope; data URIs inside a card's Image element
 * are reported not to render in some Teams desktop and web clients).
 */
import { ActivityTypes, type Attachment } from 'botbuilder';
import { actionsFor } from '../../src/chat/texts.js';
import type { InquiryState } from '../../src/inquiries/model.js';
import type { Notification, Person } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import { reminderHint, renderNotification, type Language, type MessageImage, type RenderedMessage } from '../chat-text/index.js';
import { messageCard } from './cards/adaptive-card.js';
import { inquiryCard } from './cards/inquiry-card.js';
import type { OutgoingActivity } from './replies.js';

/** Teams refuses a message over ~100 KB (base64 images excluded); a larger picture is left out, not the message. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

export function imageAttachment(image: MessageImage): Attachment {
  return { contentType: 'image/png', contentUrl: `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`, name: image.filename };
}

export function notificationActivity(n: Notification, forwardees: readonly Person[], now: number): OutgoingActivity {
  const rendered = renderNotification(n, now);
  if (n.type === 'reminder') {
    const actions = actionsFor({ state: n.inquiry.state as InquiryState, registered: n.inquiry.registered ?? false, answer: n.inquiry.answer, moderation: n.inquiry.moderation });
    return {
      type: ActivityTypes.Message,
      summary: rendered.title,
      attachments: [inquiryCard({ rendered, inquiryId: n.inquiry.id, url: n.inquiry.url, actions, forwardees, language: n.language, hint: reminderHint(n.inquiry, n.language), ...(n.inquiry.answer?.ok && { prefill: n.inquiry.answer.prefill }) })],
    };
  }
  return renderedActivity(rendered, n.language);
}

/** Any rendered message as a card without buttons, with its picture (if any) as an inline PNG. */
export function renderedActivity(rendered: RenderedMessage, language: Language): OutgoingActivity {
  const image = rendered.image && rendered.image.png.byteLength <= MAX_IMAGE_BYTES ? rendered.image : undefined;
  // the alt text goes in the card, where screen readers find it (an image attachment has no alt)
  const extra = rendered.image ? [image ? rendered.image.alt : texts(language).teams.imageMissing] : [];
  const card = messageCard({ ...rendered, lines: [...rendered.lines, ...extra] });
  return { type: ActivityTypes.Message, summary: rendered.title, attachments: [card, ...(image ? [imageAttachment(image)] : [])] };
}
