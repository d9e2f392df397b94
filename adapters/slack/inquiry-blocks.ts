/**
 * An inquiry with its buttons: a reminder DM (or the forwarded notice), and the same message after an
 * action, re-rendered from the chat service's InquiryCard with the buttons still allowed and who did
 * what. Every button is `svarstid:<action>` with the inquiry id as its value; one that needs more
 * (chat-text's DIALOGS: forward, close, register) opens its modal. The actions block's id is
 * `svarstid:inquiry:<id>:<nonce>`, new in each version of the message.
 */
import { actionsFor } from '../../src/chat/index.js';
import type { InquiryAction, InquiryCard } from '../../src/chat/index.js';
import type { InquiryState } from '../../src/inquiries/model.js';
import { reminderHint, renderReminder, type Language, type ReminderNotification } from '../chat-text/index.js';
import { actionLabel } from '../chat-text/dialogs.js';
import { personalDataLine } from '../chat-text/inquiry-lines.js';
import { renderCard } from '../chat-text/replies.js';
import { context, fallbackText, header, lineSections, section, versionedBlockId, type Block, type SlackMessage } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const ACTION_PREFIX = 'svarstid:';
const BLOCK_PREFIX = 'svarstid:inquiry:';

export const actionId = (a: InquiryAction): string => `${ACTION_PREFIX}${a}`;

/** The inquiry an actions block is about, from its block id; undefined when it is not one of ours. */
export function inquiryOfBlock(blockId: string | undefined): number | undefined {
  const m = blockId === undefined ? null : /^svarstid:inquiry:(\d{1,10})(?::|$)/.exec(blockId);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The buttons of one inquiry, in the card's order. */
export function actionsBlock(inquiryId: number, actions: readonly InquiryAction[], lang: Language): Block | undefined {
  if (actions.length === 0) return undefined;
  const value = String(inquiryId);
  const elements = actions.map((a) => ({
    type: 'button' as const,
    action_id: actionId(a),
    value,
    text: { type: 'plain_text' as const, text: actionLabel(a, lang) },
    ...(a === 'claim' && { style: 'primary' as const }),
  }));
  return { type: 'actions', block_id: versionedBlockId(`${BLOCK_PREFIX}${inquiryId}`), elements };
}

/** The warning stands out: its own section, with a sign. */
function warning(line: string | undefined): Block[] {
  return line === undefined ? [] : [section(`:warning: *${escapeMrkdwn(line)}*`)];
}

/** A reminder (or the forwarded notice) as a DM with buttons. */
export function reminderMessage(n: ReminderNotification, now: number): SlackMessage {
  const m = renderReminder(n, now);
  const warn = personalDataLine(n.inquiry, n.language);
  const body = m.lines.filter((l) => l !== warn);
  // the buttons the inquiry still allows (Diarieför only while unregistered)
  const actions = actionsBlock(n.inquiry.id, actionsFor({ state: n.inquiry.state as InquiryState, registered: n.inquiry.registered ?? false, answer: n.inquiry.answer, moderation: n.inquiry.moderation }), n.language);
  const blocks = [header(m.title), ...lineSections(body), ...warning(warn), context(escapeMrkdwn(reminderHint(n.inquiry, n.language))), ...(actions ? [actions] : [])];
  return { text: fallbackText(m), blocks };
}

/** The message after an action: who did what on top, the inquiry as it is now, the buttons left. */
export function cardMessage(outcome: string, card: InquiryCard, now: number): SlackMessage {
  const m = renderCard(outcome, card, now);
  const warn = personalDataLine(card.summary, card.language);
  const body = m.lines.filter((l) => l !== warn);
  const actions = actionsBlock(card.summary.id, card.actions, card.language);
  const blocks = [section(`*${escapeMrkdwn(outcome)}*`), ...lineSections(body), ...warning(warn), ...(actions ? [actions] : [])];
  return { text: fallbackText(m), blocks };
}
