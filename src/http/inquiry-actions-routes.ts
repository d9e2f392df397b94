/**
 * The officers' actions through the REST API, for IT's integrations and a future web view; the same
 * use cases as chat, scoped to the caller's token and done as a named person of its organization:
 *
 *   POST /api/inquiries/:id/claim     {"as": "erik.lind"}
 *   POST /api/inquiries/:id/forward   {"as": "erik.lind", "to": "maria.ek", "reason"?: "…"}
 *   POST /api/inquiries/:id/answer    {"as": "erik.lind"}                      marked answered (answered elsewhere)
 *   POST /api/inquiries/:id/reply     {"as": "erik.lind", "text": "…"}          posted to the platform, then answered
 *   POST /api/inquiries/:id/close     {"as": "erik.lind", "reason": "reklam/spam", "note"?: "…"}
 *   POST /api/inquiries/:id/register  {"as": "erik.lind", "case_number"?: "KS 2026/1", "tell"?: true, "text"?: "…"}
 *   POST /api/inquiries/:id/hide      {"as": "erik.lind", "reason": "personangrepp", "note"?: "…"}   archived, hidden on the platform, closed
 *   POST /api/inquiries/:id/remove    {"as": "erik.lind", "reason": "hets mot folkgrupp", "note"?: "…"}  archived, deleted on the platform, closed
 *   POST /api/inquiries/:id/police_report {"as": "erik.lind", "made": true, "note"?: "…"}      whether a police report was made (the trail)
 *   POST /api/inquiries/:id/secure    {"as": "erik.lind", "case_number"?: "KS 2026/1"}         personal data: archive and hide, register, answer (secure channel)
 *
 * `as` is a directory key of the token's organization (an admin token names "ORG/KEY"); a person of
 * another organization is 403 `person_not_in_organization`, another organization's inquiry 404. The
 * trail's actor is the person; the token is recorded with a posted answer (`requestedBy`).
 */
import * as z from 'zod';
import { AnswerError } from '../answers/errors.js';
import type { AnswerOutcome, AnswerRequest } from '../answers/post-answer.js';
import { act, type ActDeps } from '../inquiries/act.js';
import { InquiryError, type InquiryErrorCode } from '../inquiries/errors.js';
import type { Inquiry } from '../inquiries/model.js';
import { ModerationError } from '../moderation/errors.js';
import type { ModerationOutcome, ModerationRequest } from '../moderation/moderate.js';
import type { PersonalDataOutcome, PersonalDataRequest } from '../moderation/personal-data.js';
import { recordPoliceReport } from '../moderation/police-report.js';
import type { Command } from '../inquiries/state-machine.js';
import type { ApiPrincipal } from './api-auth.js';
import { inquiryJson, UNAUTHORIZED } from './inquiries-routes.js';
import { json, parseJsonBody, problem, type HttpRequest, type HttpResponse, type Route } from './routes.js';

export interface InquiryActionDeps {
  readonly act: ActDeps;
  readonly authenticate: (req: HttpRequest) => Promise<ApiPrincipal | undefined>;
  /** the active person with this directory key in the organization */
  readonly personByKey: (orgId: string, key: string) => Promise<number | undefined>;
  readonly answer: (req: AnswerRequest) => Promise<AnswerOutcome>;
  /** the registration message for the inquiry, signed by the person (the policy's template) */
  readonly registrationText: (inquiry: Inquiry, personId: number) => Promise<string | undefined>;
  /** hide or remove, archive first (src/moderation); absent: the actions answer 409 not_supported */
  readonly moderate?: (req: ModerationRequest) => Promise<ModerationOutcome>;
  /** "Dölj och för över till diariet" (src/moderation/personal-data.ts) */
  readonly secure?: (req: PersonalDataRequest) => Promise<PersonalDataOutcome>;
  readonly now: () => number;
}

const as = z.string().trim().min(1, 'as names the person acting: a directory key such as "erik.lind"').max(200);
const text = (max: number) => z.string().trim().min(1).max(max);
const BODIES = {
  claim: z.strictObject({ as }),
  answer: z.strictObject({ as }),
  forward: z.strictObject({ as, to: text(200), reason: text(2000).optional() }),
  reply: z.strictObject({ as, text: text(10_000) }),
  close: z.strictObject({ as, reason: text(100), note: text(2000).optional() }),
  register: z.strictObject({ as, case_number: text(100).optional(), tell: z.boolean().optional(), text: text(10_000).optional() }),
  hide: z.strictObject({ as, reason: text(100), note: text(2000).optional() }),
  remove: z.strictObject({ as, reason: text(100), note: text(2000).optional() }),
  police_report: z.strictObject({ as, made: z.boolean({ message: 'made must be true or false' }), note: text(2000).optional() }),
  secure: z.strictObject({ as, case_number: text(100).optional() }),
} as const;
type Action = keyof typeof BODIES;

const INQUIRY_STATUS: Record<InquiryErrorCode, number> = {
  not_found: 404, illegal_transition: 409, already_claimed: 409, already_yours: 409, already_registered: 409,
  unknown_reason: 400, note_required: 400, unknown_person: 403, wrong_organization: 400, concurrent_change: 409, unchanged: 409,
};

function answerProblem(e: AnswerError): HttpResponse {
  const body = { error: e.code, message: e.message, ...e.detail };
  if (e.code === 'empty' || e.code === 'too_long' || e.code === 'signature_missing') return { status: 400, body };
  if (e.code === 'platform_rate_limited') return { status: 429, body, headers: { 'retry-after': String(Math.ceil((e.detail.retryAfterMs ?? 60_000) / 1000)) } };
  // the platform refused or failed: nothing was marked answered (never a 5xx: svarstid itself is fine)
  return { status: 409, body };
}

function moderationProblem(e: ModerationError): HttpResponse {
  const body = { error: e.code, message: e.message, ...(e.detail.archiveId !== undefined && { archive_id: e.detail.archiveId }), ...(e.detail.retryAfterMs !== undefined && { retry_after_ms: e.detail.retryAfterMs }) };
  if (e.code === 'platform_rate_limited') return { status: 429, body, headers: { 'retry-after': String(Math.ceil((e.detail.retryAfterMs ?? 60_000) / 1000)) } };
  // the platform does not allow it, or refused: nothing was changed on the inquiry (never a 5xx)
  return { status: 409, body };
}

const archiveJson = (o: ModerationOutcome) => ({
  id: o.archive.id, action: o.archive.action, reason: o.archive.reason, created_at: new Date(o.archive.createdAt).toISOString(),
  platform: o.result && { via: o.result.via, at: new Date(o.result.at).toISOString(), result: o.result.result },
});

const MAX_ID = Number.MAX_SAFE_INTEGER;

async function actor(deps: InquiryActionDeps, who: ApiPrincipal, name: string): Promise<{ personId: number; orgId: string } | HttpResponse> {
  let orgId: string;
  let key = name;
  if (who.kind === 'admin') {
    const m = /^([^/]+)\/(.+)$/.exec(name);
    if (!m) return problem(400, 'invalid_payload', 'as: an admin token names the person as "ORGANIZATION/KEY", e.g. "hofors/erik.lind"');
    orgId = m[1]!;
    key = m[2]!;
  } else {
    orgId = who.orgId;
  }
  const personId = await deps.personByKey(orgId, key);
  if (personId === undefined) return problem(403, 'person_not_in_organization', `as: no active person "${key.slice(0, 100)}" in organization ${orgId}`);
  return { personId, orgId };
}

function handler(deps: InquiryActionDeps, action: Action) {
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const who = await deps.authenticate(req);
    if (!who) return UNAUTHORIZED;
    const raw = req.params.id ?? '';
    if (!/^[1-9]\d{0,15}$/.test(raw) || Number(raw) > MAX_ID) return problem(400, 'bad_id', `${JSON.stringify(raw.slice(0, 40))} is not an inquiry id (a whole number from 1 to ${MAX_ID})`);
    const id = Number(raw);
    const body = parseJsonBody(req);
    if (!body.ok) return body.response;
    const parsed = BODIES[action].safeParse(body.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return problem(400, 'invalid_payload', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const b = parsed.data as Record<string, unknown> & { as: string };
    const person = await actor(deps, who, b.as);
    if ('status' in person) return person;
    const inquiry = await deps.act.store.get(id);
    // another organization's inquiry is not there, exactly like a missing one
    if (!inquiry || inquiry.orgId !== person.orgId) return problem(404, 'not_found', `no inquiry ${id}`);
    try {
      const now = deps.now();
      const by = person.personId;
      const run = (c: Command) => act(deps.act, id, c, now);
      let done: Inquiry;
      let posted: AnswerOutcome | undefined;
      let moderated: ModerationOutcome | undefined;
      let steps: PersonalDataOutcome['steps'] | undefined;
      switch (action) {
        case 'claim':
          done = await run({ type: 'claim', by });
          break;
        case 'answer':
          done = await run({ type: 'answer', by });
          break;
        case 'forward': {
          const to = await deps.personByKey(person.orgId, String(b.to));
          if (to === undefined) return problem(400, 'unknown_person', `to: no active person "${String(b.to).slice(0, 100)}" in organization ${person.orgId}`);
          done = await run({ type: 'forward', by, to, ...(b.reason !== undefined && { reason: String(b.reason) }) });
          break;
        }
        case 'close':
          done = await run({ type: 'close', by, reason: String(b.reason), ...(b.note !== undefined && { note: String(b.note) }) });
          break;
        case 'reply':
          posted = await deps.answer({ inquiryId: id, personId: by, text: String(b.text), via: who.actor });
          done = posted.inquiry;
          break;
        case 'register': {
          done = await run({ type: 'register', by, ...(b.case_number !== undefined && { caseNumber: String(b.case_number) }) });
          if (b.tell === true) {
            const message = b.text !== undefined ? String(b.text) : await deps.registrationText(done, by);
            if (message === undefined) return problem(409, 'not_supported', 'no registration message for this inquiry');
            posted = await deps.answer({ inquiryId: id, personId: by, text: message, kind: 'registration', via: who.actor });
            done = posted.inquiry;
          }
          break;
        }
        case 'hide':
        case 'remove': {
          if (!deps.moderate) return problem(409, 'not_supported', 'hiding and removing are not configured in this deployment');
          moderated = await deps.moderate({ inquiryId: id, personId: by, action, reason: String(b.reason), ...(b.note !== undefined && { note: String(b.note) }), via: who.actor });
          done = moderated.inquiry;
          break;
        }
        case 'police_report':
          done = await recordPoliceReport(deps.act, { inquiryId: id, personId: by, made: b.made === true, ...(b.note !== undefined && { note: String(b.note) }), via: who.actor }, now);
          break;
        case 'secure': {
          if (!deps.secure) return problem(409, 'not_supported', 'hiding and removing are not configured in this deployment');
          const out = await deps.secure({ inquiryId: id, personId: by, ...(b.case_number !== undefined && { caseNumber: String(b.case_number) }), via: who.actor });
          steps = out.steps;
          const failed = out.steps.find((s) => s.status === 'failed');
          if (failed && failed.status === 'failed') {
            const stepsJson = out.steps.map((s) => ({ step: s.step, status: s.status, ...('error' in s && { error: s.error.code }) }));
            return { status: failed.error.code === 'platform_rate_limited' ? 429 : 409, body: { error: failed.error.code, message: failed.error.message, step: failed.step, steps: stepsJson } };
          }
          done = out.inquiry;
          break;
        }
      }
      const stepsJson = steps?.map((s) => ({ step: s.step, status: s.status, ...('error' in s && { error: s.error.code }) }));
      return json(200, { ...inquiryJson(done, deps.now()), ...(moderated && { archive: archiveJson(moderated) }), ...(stepsJson && { steps: stepsJson }), ...(posted && { answer: { id: posted.answerId, reply_id: posted.posted.replyId, url: posted.posted.url, posted_at: new Date(posted.posted.at).toISOString(), already: posted.already } }) });
    } catch (e) {
      if (e instanceof InquiryError) return problem(INQUIRY_STATUS[e.code], e.code, e.message);
      if (e instanceof AnswerError) return answerProblem(e);
      if (e instanceof ModerationError) return moderationProblem(e);
      throw e;
    }
  };
}

export function inquiryActionRoutes(deps: InquiryActionDeps): Route[] {
  return (Object.keys(BODIES) as Action[]).map((action) => ({ method: 'POST', path: `/api/inquiries/:id/${action}`, handle: handler(deps, action) }));
}
