/**
 * An inquiry as a Teams card: the same title and lines as Slack's message, and its buttons. A button
 * without a dialog is an Action.Submit; one with a dialog (chat-text's DIALOGS: forward, close,
 * register) opens an Action.ShowCard with the dialog's fields as inputs and submits from there. Every
 * submit carries `{ svarstid: <action>, inquiryId }`; Teams adds the inputs' values, each under the id
 * `<action>.<field>`, unique in the card (Adaptive Cards: "All inputs must have a unique Id").
 * A person field is a filtered choice set: the first people as choices, the rest found by typing.
 */
import type { Attachment } from 'botbuilder';
import type { InquiryAction } from '../../../src/chat/types.js';
import type { Language } from '../../../src/commands/index.js';
import type { Person } from '../../../src/reminders/model.js';
import { texts } from '../../../src/texts/index.js';
import type { RenderedMessage } from '../../chat-text/index.js';
import { actionLabel, DIALOGS, reasonChoices, type Field } from '../../chat-text/dialogs.js';
import { choiceOf, DATASET, MAX_CHOICES } from '../people.js';
import { cardAttachment, cardContent, hintBlock, textBlocks, type CardElement } from './adaptive-card.js';

export interface InquiryCardInput {
  readonly rendered: RenderedMessage;
  readonly inquiryId: number;
  readonly url: string | null;
  /** the buttons still allowed, in order */
  readonly actions: readonly InquiryAction[];
  /** the people the viewer may forward to */
  readonly forwardees: readonly Person[];
  readonly language: Language;
  /** a line under the content ("Svara på Facebook och tryck sedan på Besvarad. …") */
  readonly hint?: string;
  /** the answer dialog's starting text (the viewer's signature) */
  readonly prefill?: string;
}

/** The id of a dialog field's input in the card. */
export const inputId = (action: InquiryAction, field: string): string => `${action}.${field}`;

const submit = (title: string, action: InquiryAction, inquiryId: number): CardElement => ({ type: 'Action.Submit', title, data: { svarstid: action, inquiryId } });

function input(action: InquiryAction, f: Field, c: InquiryCardInput): CardElement {
  const id = inputId(action, f.name);
  const lang = c.language;
  switch (f.kind) {
    case 'person': {
      const more = c.forwardees.length > MAX_CHOICES;
      return {
        type: 'Input.ChoiceSet', id, label: f.label(lang), isRequired: true, errorMessage: f.missing(lang), style: 'filtered',
        placeholder: texts(lang).dialogs.forward.toSearch,
        choices: c.forwardees.slice(0, MAX_CHOICES).map(choiceOf),
        ...(more && { 'choices.data': { type: 'Data.Query', dataset: DATASET } }),
      };
    }
    case 'reason':
      return { type: 'Input.ChoiceSet', id, label: f.label(lang), isRequired: true, errorMessage: f.missing(lang), style: 'compact', choices: reasonChoices(lang).map((r) => ({ ...r })) };
    case 'text':
      return {
        type: 'Input.Text', id, label: f.label(lang), placeholder: f.hint(lang), isMultiline: f.multiline, maxLength: f.maxLength,
        ...(f.required && { isRequired: true, errorMessage: f.label(lang) }),
        ...(f.prefilled && c.prefill && { value: c.prefill }),
      };
  }
}

function button(action: InquiryAction, c: InquiryCardInput): CardElement {
  const label = actionLabel(action, c.language);
  const dialog = DIALOGS[action];
  if (!dialog) return submit(label, action, c.inquiryId);
  // a person field with nobody to choose from would be an empty choice set: the card cannot offer it
  const fields = dialog.fields.filter((f) => f.kind !== 'person' || c.forwardees.length > 0);
  return {
    type: 'Action.ShowCard',
    title: label,
    card: { type: 'AdaptiveCard', body: fields.map((f) => input(action, f, c)), actions: [submit(dialog.submit(c.language), action, c.inquiryId)] },
  };
}

/** The buttons to show: forward only when there is someone to forward to. */
function shown(c: InquiryCardInput): InquiryAction[] {
  return c.actions.filter((a) => a !== 'forward' || c.forwardees.length > 0);
}

/**
 * A card shows at most five actions (Teams' host config; the adaptivecards validator refuses a sixth).
 * Dölj and Ta bort (src/moderation) are an action set of their own below the text; when the card's
 * own actions are still more than five (Ta frågan, Svara, Skicka vidare, Besvarad, Stäng and
 * Diarieför), Diarieför joins that set.
 */
const MAX_ACTIONS = 5;
const MODERATION: readonly InquiryAction[] = ['secure', 'hide', 'remove'];

function parts(c: InquiryCardInput): [CardElement[], CardElement[]] {
  const all = shown(c);
  let main = all.filter((a) => !MODERATION.includes(a));
  const below = all.filter((a) => MODERATION.includes(a));
  if (main.length > MAX_ACTIONS && main.includes('register')) {
    main = main.filter((a) => a !== 'register');
    below.unshift('register');
  }
  const set: CardElement[] = below.length > 0 ? [{ type: 'ActionSet', actions: below.map((a) => button(a, c)) }] : [];
  return [[...textBlocks(c.rendered, c.url), ...(c.hint ? [hintBlock(c.hint)] : []), ...set], main.map((a) => button(a, c))];
}

export function inquiryCard(c: InquiryCardInput): Attachment {
  const [body, actions] = parts(c);
  return cardAttachment(body, actions, c.rendered.fallback);
}

/** The card alone (an adaptiveCard/action invoke answers with it). */
export function inquiryCardContent(c: InquiryCardInput): CardElement {
  const [body, actions] = parts(c);
  return cardContent(body, actions, c.rendered.fallback);
}
