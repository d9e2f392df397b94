/**
 * The modals behind the buttons that need more than a press, built from chat-text's DIALOGS (one
 * builder for every dialog): a person is a users_select, a reason the guidelines' list, text a
 * plain_text_input; each input block's id and action id is the field's name. `private_metadata`
 * carries the inquiry, the DM message to update after the submission and the person's language;
 * reading it back is checked, since Slack echoes whatever was sent.
 */
import type { types } from '@slack/bolt';
import type { InquiryAction } from '../../src/chat/types.js';
import { INQUIRY_ACTIONS } from '../../src/chat/types.js';
import type { Language } from '../chat-text/index.js';
import { DIALOGS, reasonChoices, type DialogValues, type Field } from '../chat-text/dialogs.js';
import { texts } from '../../src/texts/index.js';
import { section, type Modal } from './blocks.js';
import { cut, escapeMrkdwn } from './mrkdwn.js';

export const DIALOG_PREFIX = 'svarstid:dialog:';

/** The modal's callback_id for an action's dialog, and back. */
export const dialogCallbackId = (action: InquiryAction): string => `${DIALOG_PREFIX}${action}`;

/**
 * Modals opened before svarstid built them from DIALOGS (and submitted after an upgrade) have the
 * old callback ids and input names; they still work.
 */
const LEGACY_CALLBACKS: Readonly<Record<string, InquiryAction>> = { 'svarstid:forward': 'forward', 'svarstid:register': 'register' };
const LEGACY_FIELDS: Readonly<Record<string, string>> = { to: 'person', caseNumber: 'case_number' };

export function actionOfCallback(callbackId: string): InquiryAction | undefined {
  if (Object.hasOwn(LEGACY_CALLBACKS, callbackId)) return LEGACY_CALLBACKS[callbackId];
  const a = callbackId.startsWith(DIALOG_PREFIX) ? callbackId.slice(DIALOG_PREFIX.length) : '';
  return (INQUIRY_ACTIONS as readonly string[]).includes(a) && DIALOGS[a as InquiryAction] ? (a as InquiryAction) : undefined;
}

/** Where a modal came from: the inquiry, the DM message to update (none from App Home), the language. */
export interface ModalOrigin {
  readonly inquiryId: number;
  readonly channel?: string;
  readonly ts?: string;
  readonly lang?: Language;
}

export function encodeOrigin(o: ModalOrigin): string {
  return JSON.stringify(o);
}

export function decodeOrigin(meta: string | undefined): ModalOrigin | undefined {
  try {
    const o = JSON.parse(meta ?? '') as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || !Number.isSafeInteger(o.inquiryId) || (o.inquiryId as number) <= 0) return undefined;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const channel = str(o.channel);
    const ts = str(o.ts);
    const lang = o.lang === 'en' || o.lang === 'sv' ? o.lang : undefined;
    return { inquiryId: o.inquiryId as number, ...(channel && ts && { channel, ts }), ...(lang && { lang }) };
  } catch {
    return undefined;
  }
}

const plain = (text: string, limit: number) => ({ type: 'plain_text' as const, text: cut(text, limit) });

function input(f: Field, lang: Language, initial?: string): types.InputBlock {
  const label = plain(f.label(lang), 2000);
  switch (f.kind) {
    case 'person':
      return { type: 'input', block_id: f.name, label, element: { type: 'users_select', action_id: f.name, placeholder: plain(texts(lang).dialogs.choosePerson, 150) } };
    case 'reason':
      return {
        type: 'input',
        block_id: f.name,
        label,
        element: { type: 'static_select', action_id: f.name, options: reasonChoices(lang).map((r) => ({ text: plain(r.title, 75), value: r.value })) },
      };
    case 'text':
      return {
        type: 'input',
        block_id: f.name,
        optional: !f.required,
        label,
        element: {
          type: 'plain_text_input', action_id: f.name, multiline: f.multiline, max_length: f.maxLength, placeholder: plain(f.hint(lang), 150),
          ...(f.prefilled && initial && { initial_value: initial.slice(0, f.maxLength) }),
        },
      };
  }
}

/** The modal of `action`'s dialog (Slack: title, submit and close at most 24 characters). */
/** `prefill`: the answer dialog's starting text (the officer's signature). */
export function dialogModal(action: InquiryAction, origin: ModalOrigin, lang: Language, prefill?: string): Modal {
  const dialog = DIALOGS[action];
  if (!dialog) throw new Error(`${action} has no dialog`);
  return {
    type: 'modal',
    callback_id: dialogCallbackId(action),
    private_metadata: encodeOrigin({ ...origin, lang }),
    title: plain(dialog.title(lang), 24),
    submit: plain(dialog.submit(lang), 24),
    close: plain(texts(lang).dialogs.cancel, 24),
    blocks: [section(escapeMrkdwn(dialog.intro(lang, origin.inquiryId))), ...dialog.fields.map((f) => input(f, lang, prefill))],
  };
}

type Values = Record<string, Record<string, { selected_user?: string | null; selected_option?: { value?: string } | null; value?: string | null }>>;

/** What the modal's fields held: the picked Slack user, the chosen reason, the text as written. */
export function dialogValues(action: InquiryAction, values: Values): DialogValues {
  const text: Record<string, string | undefined> = {};
  let person: DialogValues['person'];
  const state = typeof values === 'object' && values !== null ? values : {};
  for (const f of DIALOGS[action]?.fields ?? []) {
    const legacy = LEGACY_FIELDS[f.name];
    const v = state[f.name]?.[f.name] ?? (legacy === undefined ? undefined : state[legacy]?.[legacy]);
    if (f.kind === 'person') {
      if (typeof v?.selected_user === 'string' && v.selected_user !== '') person = { kind: 'slack', userId: v.selected_user };
    } else if (f.kind === 'reason') text[f.name] = v?.selected_option?.value ?? undefined;
    else text[f.name] = v?.value ?? undefined;
  }
  return { text, ...(person && { person }) };
}
