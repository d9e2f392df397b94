/**
 * An inquiry with its buttons: a reminder DM (or the forwarded notice), and the same message after an
 * action, re-rendered from the chat service's InquiryCard with the buttons still allowed and who did
 * what. Button action ids are `svarstid:<action>` with the inquiry id as value; the close reason is a
 * static select (the guidelines' reasons) whose block id carries the inquiry id.
 */
import { actionsFor } from '../../src/chat/index.js';
import type { InquiryAction, InquiryCard } from '../../src/chat/index.js';
import { REASON_IN_ENGLISH } from '../../src/commands/reasons.js';
import { CLOSE_REASONS, type InquiryState } from '../../src/inquiries/model.js';
import { renderReminder, type Language, type ReminderNotification } from '../chat-text/index.js';
import { renderCard } from '../chat-text/replies.js';
import { personalDataLine } from '../chat-text/inquiry-lines.js';
import { context, fallbackText, header, lineSections, section, type Block, type SlackMessage } from './blocks.js';
import { LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const ACTION_PREFIX = 'svarstid:';
const BLOCK_PREFIX = 'svarstid:inquiry:';

export const actionId = (a: InquiryAction): string => `${ACTION_PREFIX}${a}`;
export const actionsBlockId = (inquiryId: number): string => `${BLOCK_PREFIX}${inquiryId}`;

/** The inquiry an actions block is about, from its block id; undefined when it is not one of ours. */
export function inquiryOfBlock(blockId: string | undefined): number | undefined {
  if (!blockId?.startsWith(BLOCK_PREFIX)) return undefined;
  const id = Number(blockId.slice(BLOCK_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function reasonLabel(r: (typeof CLOSE_REASONS)[number], lang: Language): string {
  return lang === 'sv' ? r : `${r} (${REASON_IN_ENGLISH[r]})`;
}

/** The buttons of one inquiry, in the card's order. */
export function actionsBlock(inquiryId: number, actions: readonly InquiryAction[], lang: Language): Block | undefined {
  if (actions.length === 0) return undefined;
  const t = LABELS[lang];
  const value = String(inquiryId);
  const elements = actions.map((a) => {
    if (a === 'close') {
      return {
        type: 'static_select' as const,
        action_id: actionId('close'),
        placeholder: { type: 'plain_text' as const, text: t.close },
        options: CLOSE_REASONS.map((r) => ({ text: { type: 'plain_text' as const, text: reasonLabel(r, lang) }, value: r })),
        confirm: {
          title: { type: 'plain_text' as const, text: t.closeConfirmTitle },
          text: { type: 'plain_text' as const, text: t.closeConfirmText(inquiryId) },
          confirm: { type: 'plain_text' as const, text: t.confirm },
          deny: { type: 'plain_text' as const, text: t.cancel },
          style: 'danger' as const,
        },
      };
    }
    return { type: 'button' as const, action_id: actionId(a), value, text: { type: 'plain_text' as const, text: t[a] }, ...(a === 'claim' && { style: 'primary' as const }) };
  });
  return { type: 'actions', block_id: actionsBlockId(inquiryId), elements };
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
  const actions = actionsBlock(n.inquiry.id, actionsFor({ state: n.inquiry.state as InquiryState, registered: n.inquiry.registered ?? false }), n.language);
  const blocks = [header(m.title), ...lineSections(body), ...warning(warn), context(escapeMrkdwn(LABELS[n.language].reminderHint)), ...(actions ? [actions] : [])];
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
