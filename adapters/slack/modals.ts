/**
 * The modals behind two buttons: Vidarebefordra (a user picker and a reason) and Diarieför (an
 * optional diarienummer). `private_metadata` carries the inquiry and the message to update after the
 * submission; reading it back is checked, since Slack echoes whatever was sent.
 */
import type { types } from '@slack/bolt';
import type { Language } from '../chat-text/index.js';
import { section } from './blocks.js';
import { LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const FORWARD_VIEW = 'svarstid:forward';
export const REGISTER_VIEW = 'svarstid:register';
export const FIELDS = { person: 'person', reason: 'reason', caseNumber: 'case_number' } as const;

/** Where a modal came from: the inquiry, and the DM message to update (none from App Home). */
export interface ModalOrigin {
  readonly inquiryId: number;
  readonly channel?: string;
  readonly ts?: string;
}

export function encodeOrigin(o: ModalOrigin): string {
  return JSON.stringify(o);
}

export function decodeOrigin(meta: string | undefined): ModalOrigin | undefined {
  try {
    const o = JSON.parse(meta ?? '') as Record<string, unknown>;
    if (!Number.isSafeInteger(o.inquiryId) || (o.inquiryId as number) <= 0) return undefined;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const channel = str(o.channel);
    const ts = str(o.ts);
    return { inquiryId: o.inquiryId as number, ...(channel && ts && { channel, ts }) };
  } catch {
    return undefined;
  }
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

export function forwardModal(origin: ModalOrigin, lang: Language): types.ModalView {
  const t = LABELS[lang];
  return {
    type: 'modal',
    callback_id: FORWARD_VIEW,
    private_metadata: encodeOrigin(origin),
    title: plain(t.forwardTitle),
    submit: plain(t.forwardSubmit),
    close: plain(t.cancel),
    blocks: [
      section(escapeMrkdwn(t.forwardIntro(origin.inquiryId))),
      { type: 'input', block_id: FIELDS.person, label: plain(t.forwardTo), element: { type: 'users_select', action_id: FIELDS.person, placeholder: plain(t.choosePerson) } },
      {
        type: 'input',
        block_id: FIELDS.reason,
        optional: true,
        label: plain(t.forwardReason),
        element: { type: 'plain_text_input', action_id: FIELDS.reason, multiline: true, max_length: 500, placeholder: plain(t.forwardReasonHint) },
      },
    ],
  };
}

export function registerModal(origin: ModalOrigin, lang: Language): types.ModalView {
  const t = LABELS[lang];
  return {
    type: 'modal',
    callback_id: REGISTER_VIEW,
    private_metadata: encodeOrigin(origin),
    title: plain(t.registerTitle),
    submit: plain(t.registerSubmit),
    close: plain(t.cancel),
    blocks: [
      section(escapeMrkdwn(t.registerIntro(origin.inquiryId))),
      {
        type: 'input',
        block_id: FIELDS.caseNumber,
        optional: true,
        label: plain(t.registerCaseNumber),
        element: { type: 'plain_text_input', action_id: FIELDS.caseNumber, max_length: 100, placeholder: plain(t.registerHint) },
      },
    ],
  };
}

type Values = Record<string, Record<string, { selected_user?: string | null; value?: string | null }>>;

/** The picked Slack user and the reason of a forward submission. */
export function forwardValues(values: Values): { userId?: string; reason?: string } {
  const userId = values[FIELDS.person]?.[FIELDS.person]?.selected_user ?? undefined;
  const reason = values[FIELDS.reason]?.[FIELDS.reason]?.value?.trim() || undefined;
  return { ...(userId && { userId }), ...(reason && { reason }) };
}

export function registerValues(values: Values): { caseNumber?: string } {
  const caseNumber = values[FIELDS.caseNumber]?.[FIELDS.caseNumber]?.value?.trim() || undefined;
  return caseNumber ? { caseNumber } : {};
}
