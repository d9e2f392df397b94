/**
 * What each of an inquiry's buttons asks before it acts, for every platform: none (Ta frågan,
 * Besvarad act at once) or a dialog of fields (Slack opens a modal, Teams shows the card's form).
 * The platforms build their inputs from these fields and hand the values back to `dialogCommand`,
 * so a new button with a dialog is: its InquiryAction (src/chat/types.ts, actionsFor), an entry here,
 * its words in src/texts (actions, dialogs) and its case in `dialogCommand`. Nothing in Slack or
 * Teams changes.
 */
import type { InquiryAction } from '../../src/chat/types.js';
import type { ChatCommand, PersonRef } from '../../src/commands/index.js';
import { REASON_IN_ENGLISH } from '../../src/commands/reasons.js';
import { CLOSE_REASONS, type CloseReason } from '../../src/inquiries/model.js';
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

export type Field =
  /** one of the organization's people (Slack: a user picker; Teams: a search over the directory) */
  | { readonly kind: 'person'; readonly name: string; readonly label: (lang: Language) => string; readonly missing: (lang: Language) => string }
  /** one of the guidelines' reasons for closing */
  | { readonly kind: 'reason'; readonly name: string; readonly label: (lang: Language) => string; readonly missing: (lang: Language) => string }
  /** free text; `required` only for the answer itself. `prefilled`: the platform fills it with the viewer's text (the answer's signature) */
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly label: (lang: Language) => string;
      readonly hint: (lang: Language) => string;
      readonly multiline: boolean;
      readonly maxLength: number;
      readonly required?: boolean;
      readonly prefilled?: boolean;
    };

export interface Dialog {
  readonly title: (lang: Language) => string;
  readonly intro: (lang: Language, inquiryId: number) => string;
  readonly submit: (lang: Language) => string;
  readonly fields: readonly Field[];
}

const d = (lang: Language) => texts(lang).dialogs;

/** The dialogs; an action without one acts when pressed. */
export const DIALOGS: Readonly<Partial<Record<InquiryAction, Dialog>>> = {
  forward: {
    title: (l) => d(l).forward.title,
    intro: (l, id) => d(l).forward.intro(id),
    submit: (l) => d(l).forward.submit,
    fields: [
      { kind: 'person', name: 'to', label: (l) => d(l).forward.to, missing: (l) => d(l).forward.toMissing },
      { kind: 'text', name: 'reason', label: (l) => d(l).forward.reason, hint: (l) => d(l).forward.reasonHint, multiline: true, maxLength: 500 },
    ],
  },
  close: {
    title: (l) => d(l).close.title,
    intro: (l, id) => d(l).close.intro(id),
    submit: (l) => d(l).close.submit,
    fields: [
      { kind: 'reason', name: 'reason', label: (l) => d(l).close.reason, missing: (l) => d(l).close.reasonMissing },
      { kind: 'text', name: 'note', label: (l) => d(l).close.note, hint: (l) => d(l).close.noteHint, multiline: true, maxLength: 500 },
    ],
  },
  hide: {
    title: (l) => d(l).hide.title,
    intro: (l, id) => d(l).hide.intro(id),
    submit: (l) => d(l).hide.submit,
    fields: [
      { kind: 'reason', name: 'reason', label: (l) => d(l).close.reason, missing: (l) => d(l).close.reasonMissing },
      { kind: 'text', name: 'note', label: (l) => d(l).close.note, hint: (l) => d(l).close.noteHint, multiline: true, maxLength: 500 },
    ],
  },
  secure: {
    title: (l) => d(l).secure.title,
    intro: (l, id) => d(l).secure.intro(id),
    submit: (l) => d(l).secure.submit,
    fields: [{ kind: 'text', name: 'caseNumber', label: (l) => d(l).register.caseNumber, hint: (l) => d(l).register.caseNumberHint, multiline: false, maxLength: 100 }],
  },
  remove: {
    title: (l) => d(l).remove.title,
    intro: (l, id) => d(l).remove.intro(id),
    submit: (l) => d(l).remove.submit,
    fields: [
      { kind: 'reason', name: 'reason', label: (l) => d(l).close.reason, missing: (l) => d(l).close.reasonMissing },
      { kind: 'text', name: 'note', label: (l) => d(l).close.note, hint: (l) => d(l).close.noteHint, multiline: true, maxLength: 500 },
    ],
  },
  answer: {
    title: (l) => d(l).answer.title,
    intro: (l, id) => d(l).answer.intro(id),
    submit: (l) => d(l).answer.submit,
    // 3,000 is Slack's plain_text_input maximum; the platform's own limit is checked when posting
    fields: [{ kind: 'text', name: 'text', label: (l) => d(l).answer.text, hint: (l) => d(l).answer.textHint, multiline: true, maxLength: 3000, required: true, prefilled: true }],
  },
  register: {
    title: (l) => d(l).register.title,
    intro: (l, id) => d(l).register.intro(id),
    submit: (l) => d(l).register.submit,
    fields: [{ kind: 'text', name: 'caseNumber', label: (l) => d(l).register.caseNumber, hint: (l) => d(l).register.caseNumberHint, multiline: false, maxLength: 100 }],
  },
};

/** A button's label. */
export function actionLabel(action: InquiryAction, lang: Language): string {
  return texts(lang).actions[action];
}

/** The reasons to choose from: the guidelines' Swedish words, with the English short form in English. */
export function reasonChoices(lang: Language): ReadonlyArray<{ readonly title: string; readonly value: CloseReason }> {
  return CLOSE_REASONS.map((r) => ({ title: lang === 'sv' ? r : `${r} (${REASON_IN_ENGLISH[r]})`, value: r }));
}

/** What a dialog's fields held when it was sent: text as written, a person as the platform names them. */
export interface DialogValues {
  readonly text: Readonly<Record<string, string | undefined>>;
  readonly person?: PersonRef;
}

export type DialogResult =
  | { readonly ok: true; readonly command: ChatCommand }
  /** a required field was left empty (or held something that is not a choice): its name and what to tell the person */
  | { readonly ok: false; readonly field: string; readonly message: (lang: Language) => string };

const trimmed = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t === undefined || t === '' ? undefined : t;
};

function field(action: InquiryAction, name: string): Field {
  const f = DIALOGS[action]?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`the ${action} dialog has no field ${name}`);
  return f;
}

function missing(action: InquiryAction, name: string): DialogResult {
  const f = field(action, name);
  return { ok: false, field: name, message: f.kind === 'text' ? f.label : f.missing };
}

/** The command a button (and its dialog's values) stands for. */
export function dialogCommand(action: InquiryAction, inquiryId: number, v: DialogValues = { text: {} }): DialogResult {
  switch (action) {
    case 'claim':
    case 'done':
      return { ok: true, command: { type: action, inquiryId } };
    case 'forward': {
      if (!v.person) return missing('forward', 'to');
      const reason = trimmed(v.text.reason);
      return { ok: true, command: { type: 'forward', inquiryId, to: v.person, ...(reason !== undefined && { reason }) } };
    }
    case 'close':
    case 'hide':
    case 'remove': {
      const reason = CLOSE_REASONS.find((r) => r === trimmed(v.text.reason));
      if (!reason) return missing(action, 'reason');
      const note = trimmed(v.text.note);
      const base = { inquiryId, reason, ...(note !== undefined && { note }) };
      return { ok: true, command: action === 'close' ? { type: 'close', ...base } : { type: action, ...base } };
    }
    case 'answer': {
      const text = trimmed(v.text.text);
      if (text === undefined) return missing('answer', 'text');
      return { ok: true, command: { type: 'answer', inquiryId, text } };
    }
    case 'register':
    case 'secure': {
      const caseNumber = trimmed(v.text.caseNumber);
      return { ok: true, command: { type: action, inquiryId, ...(caseNumber !== undefined && { caseNumber }) } };
    }
  }
}
