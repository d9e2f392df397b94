/**
 * A card button's submit (a message activity whose `value` is the Action.Submit data plus the
 * ShowCard's inputs, or an adaptiveCard/action invoke's `action.data`) as the chat service's command,
 * through the same dialogCommand as Slack's; or a page of the queue. Only the shape is checked here;
 * whether the inquiry exists, the person may act, the reason is allowed… is the use cases' to say.
 */
import * as z from 'zod';
import { INQUIRY_ACTIONS, type InquiryAction } from '../../src/chat/types.js';
import type { ChatCommand } from '../../src/commands/index.js';
import { decodePages, type Language, type QueuePages } from '../chat-text/index.js';
import { dialogCommand, DIALOGS, type DialogValues } from '../chat-text/dialogs.js';
import { inputId } from './cards/inquiry-card.js';
import { personRef } from './people.js';

/** a number, or a string of digits (never true, [3058] or "3e3", which z.coerce would take) */
const id = z.union([z.number(), z.string().regex(/^[0-9]{1,10}$/).transform(Number)]).pipe(z.number().int().min(1).max(2_147_483_647));
const INQUIRY_BUTTON = z.object({ svarstid: z.enum(INQUIRY_ACTIONS), inquiryId: id });
const PAGE_BUTTON = z.object({ svarstid: z.literal('page'), pages: z.string().max(40) });

/** What a text input may hold (its maxLength is smaller; a forged value is cut, never refused) */
const MAX_TEXT = 8000;

export type CardActionResult =
  | { readonly ok: true; readonly command: ChatCommand }
  | { readonly ok: true; readonly page: QueuePages }
  /** a required input left empty: what to tell the person; bad_action: not our button */
  | { readonly ok: false; readonly problem: 'missing'; readonly message: (lang: Language) => string }
  | { readonly ok: false; readonly problem: 'bad_action' };

/** Whether a message's `value` comes from one of svarstid's buttons at all. */
export function isCardAction(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'svarstid' in value;
}

function values(action: InquiryAction, value: Record<string, unknown>): DialogValues {
  const text: Record<string, string | undefined> = {};
  let person: DialogValues['person'];
  for (const f of DIALOGS[action]?.fields ?? []) {
    const v = value[inputId(action, f.name)];
    if (f.kind === 'person') person = personRef(v);
    else text[f.name] = typeof v === 'string' ? v.slice(0, MAX_TEXT) : undefined;
  }
  return { text, ...(person && { person }) };
}

export function parseCardAction(value: unknown): CardActionResult {
  const page = PAGE_BUTTON.safeParse(value);
  if (page.success) return { ok: true, page: decodePages(page.data.pages) };
  const button = INQUIRY_BUTTON.safeParse(value);
  if (!button.success) return { ok: false, problem: 'bad_action' };
  const { svarstid: action, inquiryId } = button.data;
  const result = dialogCommand(action, inquiryId, values(action, value as Record<string, unknown>));
  return result.ok ? { ok: true, command: result.command } : { ok: false, problem: 'missing', message: result.message };
}
