/**
 * Personal data in one step (Hofors 3.2: "avbryta konversationen där, radera de sekretessbelagda
 * uppgifterna i det sociala mediet … Då överförs inlägget till myndighetens diarium"; Nässjö 20):
 * "Dölj och för över till diariet" does, in order, each step recorded in the trail:
 *
 *   1. archive and hide on the platform (reason personuppgifter; skipped, and said, where the platform
 *      cannot hide: a private message, X's DMs);
 *   2. register the inquiry (diarieför, with the case number when given);
 *   3. answer the citizen with the policy's secure-channel message (moderation.secure_channel),
 *      signed, where they wrote — the inquiry is then answered.
 *
 * A step that fails stops the flow: the outcome says which steps were done and which failed (the
 * officer's words are chosen by the chat service). A retry does not redo a done step: a hide already
 * done is found in the archive, a registration in the inquiry, an answer by its idempotency record.
 */
import { AnswerError } from '../answers/errors.js';
import type { AnswerOutcome, AnswerRequest } from '../answers/post-answer.js';
import { act } from '../inquiries/act.js';
import { InquiryError } from '../inquiries/errors.js';
import type { Inquiry } from '../inquiries/model.js';
import { ModerationError } from './errors.js';
import { moderate, type ModerateDeps } from './moderate.js';

export interface PersonalDataDeps {
  readonly moderation: ModerateDeps;
  readonly answer: (req: AnswerRequest) => Promise<AnswerOutcome>;
  /** the secure-channel message, signed by the person (policy moderation.secure_channel + answer.signature) */
  readonly secureText: (inquiry: Inquiry, personId: number) => Promise<string | undefined>;
}

export type StepName = 'hide' | 'register' | 'answer';

export type StepResult =
  | { readonly step: StepName; readonly status: 'done' | 'already' }
  /** the platform cannot do it here (a private message): the flow goes on */
  | { readonly step: StepName; readonly status: 'skipped'; readonly error: ModerationError }
  | { readonly step: StepName; readonly status: 'failed'; readonly error: ModerationError | AnswerError | InquiryError };

export interface PersonalDataOutcome {
  readonly inquiry: Inquiry;
  readonly steps: readonly StepResult[];
  /** every step done (or already done, or skipped where the platform cannot) */
  readonly complete: boolean;
}

export interface PersonalDataRequest {
  readonly inquiryId: number;
  readonly personId: number;
  readonly caseNumber?: string;
  readonly via?: string;
}

const SKIPPABLE = new Set(['private_message', 'not_hideable']);

export async function hideAndRegister(deps: PersonalDataDeps, req: PersonalDataRequest): Promise<PersonalDataOutcome> {
  const d = deps.moderation;
  const steps: StepResult[] = [];
  const current = async (): Promise<Inquiry> => {
    const i = await d.act.store.get(req.inquiryId);
    if (!i) throw new InquiryError('not_found', `no inquiry ${req.inquiryId}`);
    return i;
  };
  const stop = async (step: StepName, error: ModerationError | AnswerError | InquiryError): Promise<PersonalDataOutcome> => {
    steps.push({ step, status: 'failed', error });
    return { inquiry: await current(), steps, complete: false };
  };
  // 1. archive and hide (a hide done before is found in the archive and not redone)
  const before = await current();
  const hidden = (await d.archives.ofInquiry(before.id)).some((a) => a.state === 'done' && (a.action === 'hide' || a.action === 'archive'));
  if (hidden) steps.push({ step: 'hide', status: 'already' });
  else {
    try {
      await moderate(d, { inquiryId: req.inquiryId, personId: req.personId, action: 'hide', reason: 'personuppgifter', note: 'dold och överförd till diariet', close: false, ...(req.via && { via: req.via }) });
      steps.push({ step: 'hide', status: 'done' });
    } catch (e) {
      if (e instanceof ModerationError && SKIPPABLE.has(e.code)) steps.push({ step: 'hide', status: 'skipped', error: e });
      else if (e instanceof ModerationError || e instanceof InquiryError) return stop('hide', e);
      else throw e;
    }
  }
  // 2. register
  let inquiry = await current();
  if (inquiry.registered) steps.push({ step: 'register', status: 'already' });
  else {
    try {
      inquiry = await act(d.act, inquiry.id, { type: 'register', by: req.personId, ...(req.caseNumber !== undefined && { caseNumber: req.caseNumber }) }, d.now());
      steps.push({ step: 'register', status: 'done' });
    } catch (e) {
      if (e instanceof InquiryError) return stop('register', e);
      throw e;
    }
  }
  // 3. answer the citizen with the secure-channel message (the answer's idempotency record keeps it from being posted twice)
  if (inquiry.state === 'answered') steps.push({ step: 'answer', status: 'already' });
  else {
    const text = await deps.secureText(inquiry, req.personId);
    if (text === undefined) return stop('answer', new InquiryError('unknown_person', `no policy or person for ${req.personId}`));
    try {
      const out = await deps.answer({ inquiryId: inquiry.id, personId: req.personId, text, kind: 'registration', ...(req.via && { via: req.via }) });
      inquiry = out.inquiry;
      steps.push({ step: 'answer', status: out.already ? 'already' : 'done' });
    } catch (e) {
      if (e instanceof AnswerError || e instanceof InquiryError) return stop('answer', e);
      throw e;
    }
  }
  return { inquiry, steps, complete: true };
}
