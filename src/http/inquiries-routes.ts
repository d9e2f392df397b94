/**
 * The read API, behind a bearer token (SVARSTID_API_TOKEN):
 *   GET /api/inquiries?state=&account=&organization=&overdue=true&limit=&before=   newest first
 *   GET /api/inquiries/:id                                                        with its events
 */
import { timingSafeEqual } from 'node:crypto';
import type { Inquiry } from '../inquiries/model.js';
import { isActive, STATES, type InquiryState } from '../inquiries/model.js';
import type { InquiryFilter, InquiryStore, StoredEvent } from '../inquiries/ports.js';
import { json, problem, type HttpRequest, type HttpResponse, type Route } from './routes.js';

export interface InquiryApiDeps {
  readonly store: Pick<InquiryStore, 'list' | 'get' | 'events'>;
  readonly token: string;
  readonly now: () => number;
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

export function inquiryJson(i: Inquiry, now: number): Record<string, unknown> {
  return {
    id: i.id, organization: i.orgId, account_id: i.accountId, source: i.source, channel: i.channel,
    account_external_id: i.accountExternalId, external_id: i.externalId,
    author: { id: i.authorId, name: i.authorName, handle: i.authorHandle },
    text: i.text, url: i.url, in_reply_to: i.inReplyTo,
    received_at: iso(i.receivedAt), deadline: iso(i.deadline), allowed_working_minutes: i.allowedMinutes,
    overdue: isActive(i.state) && i.deadline !== null && i.deadline < now,
    state: i.state, assignee_id: i.assigneeId, answered_at: iso(i.answeredAt), closed_at: iso(i.closedAt), close_reason: i.closeReason,
    registered: i.registered, case_number: i.caseNumber, personal_data: i.personalData, removed: i.removed, removed_reason: i.removedReason,
  };
}

const eventJson = (e: StoredEvent) => ({ id: e.id, type: e.type, actor: e.actor, at: iso(e.at), data: e.data });

function authorized(req: HttpRequest, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer (.+)$/.exec(header);
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function guarded(deps: InquiryApiDeps, handle: (req: HttpRequest) => Promise<HttpResponse>): (req: HttpRequest) => Promise<HttpResponse> {
  return async (req) => (authorized(req, deps.token) ? handle(req) : problem(401, 'unauthorized', 'send Authorization: Bearer <SVARSTID_API_TOKEN>'));
}

function positiveInt(v: string | null, name: string): number | undefined | string {
  if (v === null) return undefined;
  return /^[1-9]\d{0,15}$/.test(v) ? Number(v) : `${name} must be a positive whole number`;
}

export function inquiryRoutes(deps: InquiryApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/inquiries',
      handle: guarded(deps, async (req) => {
        const q = req.query;
        const filter: { -readonly [K in keyof InquiryFilter]: InquiryFilter[K] } = {};
        const state = q.get('state');
        if (state !== null) {
          if (!(STATES as readonly string[]).includes(state)) return problem(400, 'bad_filter', `state must be one of: ${STATES.join(', ')}`);
          filter.state = state as InquiryState;
        }
        for (const [name, key] of [['account', 'accountId'], ['limit', 'limit'], ['before', 'beforeId']] as const) {
          const v = positiveInt(q.get(name), name);
          if (typeof v === 'string') return problem(400, 'bad_filter', v);
          if (v !== undefined) filter[key] = v;
        }
        if (q.get('organization')) filter.orgId = q.get('organization')!;
        const overdue = q.get('overdue');
        if (overdue !== null && overdue !== 'true' && overdue !== 'false') return problem(400, 'bad_filter', 'overdue must be true or false');
        const now = deps.now();
        if (overdue === 'true') filter.overdueAt = now;
        const rows = await deps.store.list(filter);
        return json(200, { inquiries: rows.map((i) => inquiryJson(i, now)) });
      }),
    },
    {
      method: 'GET',
      path: '/api/inquiries/:id',
      handle: guarded(deps, async (req) => {
        const id = positiveInt(req.params.id ?? null, 'id');
        if (typeof id !== 'number') return problem(400, 'bad_id', `"${req.params.id}" is not an inquiry id`);
        const inquiry = await deps.store.get(id);
        if (!inquiry) return problem(404, 'not_found', `no inquiry ${id}`);
        const events = await deps.store.events(id);
        return json(200, { ...inquiryJson(inquiry, deps.now()), raw: inquiry.raw, events: events.map(eventJson) });
      }),
    },
  ];
}
