/**
 * Answer posting: an officer's answer goes to the platform where the citizen wrote, and the inquiry
 * becomes answered at the platform's confirmation time, with the text, the platform's reply id and
 * link, and the officer in the event trail (an answer is itself an allmän handling).
 *
 *   1. the officer must be of the inquiry's organization (another's inquiry is "not found"), and the
 *      inquiry still waiting for an answer;
 *   2. the text must meet the policy (signature when required, the platform's length);
 *   3. the account must be answerable (a token, the X app keys, a callback URL);
 *   4. an idempotency record per answer (inquiry + exact text) is created or found and held: a record
 *      already posted is not posted again; one an earlier attempt left uncertain (a timeout, a 5xx
 *      after the write) is first looked for on the platform;
 *   5. transient failures (rate limits with a short wait, 5xx, timeouts) are retried, each retry after
 *      looking on the platform; refusals (token, permission, window, X's reply rule) are not: nothing
 *      is marked answered and the officer is told what happened and what to do (AnswerError).
 *
 * The moderation actions and the registration notice reuse this use case (kind 'registration').
 */
import { createHash } from 'node:crypto';
import { act, type ActDeps } from '../inquiries/act.js';
import { InquiryError } from '../inquiries/errors.js';
import { isActive, type Inquiry } from '../inquiries/model.js';
import { isPlatformError, type PlatformError } from '../platform/errors.js';
import type { Signer } from '../policy/index.js';
import { AnswerError } from './errors.js';
import type { AnswerKind, AnswerPoster, AnswerRecord, AnswerStore, PostedAnswer } from './ports.js';
import { checkAnswerText } from './text-rules.js';

export interface PostAnswerDeps {
  readonly act: ActDeps;
  readonly answers: AnswerStore;
  readonly poster: AnswerPoster;
  /** the person's name and title, for the signature */
  readonly signer: (personId: number) => Promise<Signer | undefined>;
  readonly now: () => number;
  /** waits between attempts (injected: tests do not sleep on the real clock) */
  readonly sleep?: (ms: number) => Promise<void>;
  /** calls to the platform per answer request; default 3 */
  readonly maxAttempts?: number;
  /** the longest wait svarstid makes itself before a retry; a longer rate limit is told to the officer. Default 5 s */
  readonly maxWaitMs?: number;
  /** how long one attempt holds the record; default 2 minutes */
  readonly holdMs?: number;
}

export interface AnswerRequest {
  readonly inquiryId: number;
  readonly personId: number;
  readonly text: string;
  readonly kind?: AnswerKind;
  /** the trail's actor when not the person themself: "api:token:3" acting as the person */
  readonly via?: string;
}

export interface AnswerOutcome {
  readonly inquiry: Inquiry;
  readonly posted: PostedAnswer;
  readonly answerId: number;
  /** it had been posted before (a repeated request): nothing was sent now */
  readonly already: boolean;
}

const keyOf = (inquiryId: number, text: string): string => createHash('sha256').update(`${inquiryId}\n${text}`).digest('hex');

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function toAnswerError(e: PlatformError): AnswerError {
  if (e.code === 'window_closed') {
    return e.detail.platformCode === 'human_agent_unavailable'
      ? new AnswerError('human_agent_unavailable', e.message)
      : new AnswerError('window_closed', e.message);
  }
  if (e.code === 'no_credentials') return new AnswerError('no_credentials', e.message, { message: e.message });
  return new AnswerError(`platform_${e.code}`, e.message, { ...(e.detail.retryAfterMs !== undefined && { retryAfterMs: e.detail.retryAfterMs }) });
}

async function checkPerson(deps: PostAnswerDeps, inquiry: Inquiry, personId: number): Promise<void> {
  const org = await deps.act.personOrg(personId);
  if (org === undefined) throw new InquiryError('unknown_person', `no active person ${personId}`);
  if (inquiry.orgId === null || org !== inquiry.orgId) throw new InquiryError('not_found', `no inquiry ${inquiry.id}`);
}

/** The inquiry marked answered by the posted answer (or, when it was answered meanwhile — the platform's own webhook of the reply — the answer added to its trail). */
async function record(deps: PostAnswerDeps, req: AnswerRequest, rec: Pick<AnswerRecord, 'id' | 'text' | 'kind'>, p: PostedAnswer): Promise<Inquiry> {
  const posted = { answerId: rec.id, kind: rec.kind, text: rec.text, replyId: p.replyId, url: p.url, via: p.via, ...(req.via && { requestedBy: req.via }) };
  for (let attempt = 0; ; attempt++) {
    const inquiry = await deps.act.store.get(req.inquiryId);
    if (!inquiry) throw new InquiryError('not_found', `no inquiry ${req.inquiryId}`);
    try {
      if (isActive(inquiry.state)) return await act(deps.act, inquiry.id, { type: 'answer', by: req.personId, at: p.at, posted }, deps.now());
      return await deps.act.store.apply(inquiry.id, inquiry.version, {}, { type: 'answer_posted', actor: `person:${req.personId}`, at: p.at, data: { posted } }, deps.now());
    } catch (e) {
      if (!(e instanceof InquiryError && (e.code === 'concurrent_change' || e.code === 'illegal_transition')) || attempt >= 2) throw e;
    }
  }
}

export async function postAnswer(deps: PostAnswerDeps, req: AnswerRequest): Promise<AnswerOutcome> {
  const inquiry = await deps.act.store.get(req.inquiryId);
  if (!inquiry) throw new InquiryError('not_found', `no inquiry ${req.inquiryId}`);
  await checkPerson(deps, inquiry, req.personId);
  const policy = deps.act.policyOf?.(inquiry.orgId!);
  const who = await deps.signer(req.personId);
  if (!policy || !who) throw new InquiryError('unknown_person', `no policy or person for ${req.personId}`);
  const route = deps.poster.route(inquiry);
  const text = checkAnswerText(req.text, policy.answer, who, inquiry.channel, route);
  const kind = req.kind ?? 'answer';
  const now = deps.now();
  const { record: rec, held } = await deps.answers.begin(
    { inquiryId: inquiry.id, orgId: inquiry.orgId!, personId: req.personId, actor: req.via ?? `person:${req.personId}`, kind, key: keyOf(inquiry.id, text), text },
    now,
    now + (deps.holdMs ?? 120_000),
  );
  if (rec.state === 'posted') {
    const p: PostedAnswer = { replyId: rec.replyId ?? '', url: rec.replyUrl, at: rec.postedAt ?? now, via: 'earlier' };
    const current = isActive(inquiry.state) ? await record(deps, req, rec, p) : inquiry;
    return { inquiry: current, posted: p, answerId: rec.id, already: true };
  }
  if (!isActive(inquiry.state)) throw new InquiryError('illegal_transition', `inquiry ${inquiry.id} is ${inquiry.state}; cannot answer it`);
  if (!held) throw new AnswerError('in_progress', `answer ${rec.id} is being posted by another attempt`);
  const available = await deps.poster.availability(inquiry);
  if (!available.ok) {
    await deps.answers.release(rec.id);
    throw new AnswerError(available.code, available.message, { message: available.message });
  }
  const max = deps.maxAttempts ?? 3;
  const sleep = deps.sleep ?? defaultSleep;
  let attempts = rec.attempts;
  for (let n = 1; ; n++) {
    if (attempts > 0) {
      const found = await deps.poster.find(inquiry, text, rec.createdAt).catch(() => undefined);
      if (found) {
        await deps.answers.posted(rec.id, found);
        return { inquiry: await record(deps, req, rec, found), posted: found, answerId: rec.id, already: false };
      }
    }
    await deps.answers.attempt(rec.id);
    attempts++;
    let posted: PostedAnswer;
    try {
      posted = await deps.poster.post(inquiry, text, rec.id, deps.now());
    } catch (e) {
      if (!isPlatformError(e)) {
        await deps.answers.release(rec.id);
        throw e;
      }
      const wait = e.detail.retryAfterMs ?? 500 * 2 ** (n - 1);
      if (e.transient && n < max && wait <= (deps.maxWaitMs ?? 5000)) {
        await sleep(wait);
        continue;
      }
      if (e.transient) await deps.answers.release(rec.id);
      else await deps.answers.refused(rec.id, e);
      throw toAnswerError(e);
    }
    await deps.answers.posted(rec.id, posted);
    return { inquiry: await record(deps, req, rec, posted), posted, answerId: rec.id, already: false };
  }
}
