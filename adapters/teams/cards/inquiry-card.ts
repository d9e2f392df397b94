/**
 * An inquiry as a Teams card: the same title and lines as Slack's message, and its buttons. Claim and
 * answered are Action.Submit; forward, close and register open a ShowCard with what they need (the
 * organization's people, the guidelines' reasons, an optional diarienummer) and submit from there.
 * Every submit carries `{ svarstid: <action>, inquiryId }`; Teams adds the inputs' values.
 */
import type { Attachment } from 'botbuilder';
import type { InquiryAction } from '../../../src/chat/types.js';
import type { Language } from '../../../src/commands/index.js';
import { REASON_IN_ENGLISH } from '../../../src/commands/reasons.js';
import { CLOSE_REASONS } from '../../../src/inquiries/model.js';
import type { Person } from '../../../src/reminders/model.js';
import type { RenderedMessage } from '../../chat-text/index.js';
import { cardAttachment, textBlocks, type CardElement } from './adaptive-card.js';
import { LABELS } from './labels.js';

export interface InquiryCardInput {
  readonly rendered: RenderedMessage;
  readonly inquiryId: number;
  readonly url: string | null;
  /** the buttons still allowed, in order */
  readonly actions: readonly InquiryAction[];
  /** the people the viewer may forward to */
  readonly forwardees: readonly Person[];
  readonly language: Language;
}

/** The value a forward choice submits: the Teams id when the person has one, else their directory key (unique, unlike a name). */
export function personChoice(p: Person): string {
  return p.teamsUserId ? `teams:${p.teamsUserId}` : `name:${p.key ?? p.name}`;
}

const submit = (title: string, action: InquiryAction, inquiryId: number): CardElement => ({ type: 'Action.Submit', title, data: { svarstid: action, inquiryId } });

const showCard = (title: string, body: CardElement[], submitAction: CardElement): CardElement => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions: [submitAction] },
});

function button(action: InquiryAction, c: InquiryCardInput): CardElement {
  const t = LABELS[c.language];
  switch (action) {
    case 'claim':
      return submit(t.claim, 'claim', c.inquiryId);
    case 'done':
      return submit(t.done, 'done', c.inquiryId);
    case 'forward':
      return showCard(
        t.forward,
        [
          {
            type: 'Input.ChoiceSet', id: 'to', label: t.forwardTo, isRequired: true, errorMessage: t.forwardToMissing, style: 'compact',
            choices: c.forwardees.map((p) => ({ title: p.title ? `${p.name} (${p.title})` : p.name, value: personChoice(p) })),
          },
          { type: 'Input.Text', id: 'reason', label: t.forwardReason, isMultiline: true, maxLength: 500 },
        ],
        submit(t.forwardSubmit, 'forward', c.inquiryId),
      );
    case 'close':
      return showCard(
        t.close,
        [
          {
            type: 'Input.ChoiceSet', id: 'reason', label: t.closeReason, isRequired: true, errorMessage: t.closeReasonMissing, style: 'compact',
            choices: CLOSE_REASONS.map((r) => ({ title: c.language === 'sv' ? r : `${r} (${REASON_IN_ENGLISH[r]})`, value: r })),
          },
          { type: 'Input.Text', id: 'note', label: t.closeNote, isMultiline: true, maxLength: 500 },
        ],
        submit(t.closeSubmit, 'close', c.inquiryId),
      );
    case 'register':
      return showCard(t.register, [{ type: 'Input.Text', id: 'caseNumber', label: t.caseNumber, maxLength: 100 }], submit(t.registerSubmit, 'register', c.inquiryId));
  }
}

export function inquiryCard(c: InquiryCardInput): Attachment {
  return cardAttachment(textBlocks(c.rendered, c.url), c.actions.map((a) => button(a, c)), c.rendered.fallback);
}
