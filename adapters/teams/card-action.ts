/**
 * A card button's submit (a message activity whose `value` is the Action.Submit data plus the
 * ShowCard's inputs) as the chat service's command. Only the shape is checked here; whether the
 * inquiry exists, the person may act, the reason is allowed… is the use cases' to say.
 */
import { z } from 'zod';
import type { ChatCommand, PersonRef } from '../../src/commands/index.js';
import { CLOSE_REASONS } from '../../src/inquiries/model.js';

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const text = z.string().trim().max(2000).optional().transform((s) => (s === '' ? undefined : s));

const ACTION = z.discriminatedUnion('svarstid', [
  z.object({ svarstid: z.literal('claim'), inquiryId: id }),
  z.object({ svarstid: z.literal('done'), inquiryId: id }),
  z.object({ svarstid: z.literal('forward'), inquiryId: id, to: z.string().trim().optional(), reason: text }),
  z.object({ svarstid: z.literal('close'), inquiryId: id, reason: z.string().trim().optional(), note: text }),
  z.object({ svarstid: z.literal('register'), inquiryId: id, caseNumber: text }),
]);

export type CardActionResult =
  | { readonly ok: true; readonly command: ChatCommand }
  /** missing_person / missing_reason: the person left a required input empty; bad_action: not our button */
  | { readonly ok: false; readonly problem: 'missing_person' | 'missing_reason' | 'bad_action' };

/** Whether a message's `value` comes from one of svarstid's buttons at all. */
export function isCardAction(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'svarstid' in value;
}

function personRef(choice: string): PersonRef | undefined {
  if (choice.startsWith('teams:') && choice.length > 6) return { kind: 'teams', id: choice.slice(6) };
  if (choice.startsWith('name:') && choice.length > 5) return { kind: 'name', name: choice.slice(5) };
  return undefined;
}

export function parseCardAction(value: unknown): CardActionResult {
  const parsed = ACTION.safeParse(value);
  if (!parsed.success) return { ok: false, problem: 'bad_action' };
  const a = parsed.data;
  switch (a.svarstid) {
    case 'claim':
    case 'done':
      return { ok: true, command: { type: a.svarstid, inquiryId: a.inquiryId } };
    case 'forward': {
      const to = a.to ? personRef(a.to) : undefined;
      if (!to) return { ok: false, problem: 'missing_person' };
      return { ok: true, command: { type: 'forward', inquiryId: a.inquiryId, to, ...(a.reason !== undefined && { reason: a.reason }) } };
    }
    case 'close': {
      const reason = CLOSE_REASONS.find((r) => r === a.reason);
      if (!reason) return { ok: false, problem: 'missing_reason' };
      return { ok: true, command: { type: 'close', inquiryId: a.inquiryId, reason, ...(a.note !== undefined && { note: a.note }) } };
    }
    case 'register':
      return { ok: true, command: { type: 'register', inquiryId: a.inquiryId, ...(a.caseNumber !== undefined && { caseNumber: a.caseNumber }) } };
  }
}
