/**
 * The inquiry API, behind a bearer token (src/http/api-auth.ts), scoped to the token's organization:
 *   GET  /api/inquiries?state=&account=&organization=&overdue=true&limit=&before=   newest first
 *   GET  /api/inquiries/:id                                                        with its raw payload and events
 *   POST /api/inquiries/:id/route   {"account": "ORG/ACCOUNT"}                     deployment admins: route an unrouted message
 * An organization's token sees only its organization: another's inquiry is 404 exactly like a
 * missing one, and `organization=` / `account=` narrow the list but never widen it. Unrouted
 * messages are for deployment admins (and, in a one-organization deployment, for that organization).
 */
import type { Inquiry } from '../inquiries/model.js';
import { isActive, STATES, type InquiryState } from '../inquiries/model.js';
import type { InquiryFilter, InquiryStore, StoredEvent } from '../inquiries/ports.js';
import { RoutingError } from '../inquiries/route-unrouted.js';
import { maySee, type ApiPrincipal } from './api-auth.js';
import { json, parseJsonBody, problem, type HttpRequest, type HttpResponse, type Route } from './routes.js';

export interface InquiryApiDeps {
  readonly store: Pick<InquiryStore, 'list' | 'get' | 'events'>;
  readonly authenticate: (req: HttpRequest) => Promise<ApiPrincipal | undefined>;
  /** the organization when the deployment has exactly one */
  readonly soleOrganization: () => Promise<string | undefined>;
  /** routes an unrouted message to "ORG/ACCOUNT" (src/inquiries/route-unrouted.ts), as `actor` */
  readonly route: (id: number, account: string, actor: string) => Promise<Inquiry>;
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

export const UNAUTHORIZED = problem(401, 'unauthorized', 'send Authorization: Bearer <token>; an organization\'s token is made with svarstid token create --org KEY');

function guarded(deps: InquiryApiDeps, handle: (req: HttpRequest, who: ApiPrincipal) => Promise<HttpResponse>): (req: HttpRequest) => Promise<HttpResponse> {
  return async (req) => {
    const who = await deps.authenticate(req);
    return who ? handle(req, who) : UNAUTHORIZED;
  };
}

/** Largest values of the id columns: accounts are `serial` (int4), inquiries `bigserial` read as JS numbers. */
const MAX_INT4 = 2_147_483_647;
const MAX_ID = Number.MAX_SAFE_INTEGER;
/** the most inquiries one page lists (src/db/inquiry-store.ts); a larger limit is refused, not cut silently */
export const MAX_LIMIT = 1000;

function positiveInt(v: string | null, name: string, max: number): number | undefined | string {
  if (v === null) return undefined;
  return /^[1-9]\d{0,15}$/.test(v) && Number(v) <= max ? Number(v) : `${name} must be a whole number from 1 to ${max}`;
}

type Filter = { -readonly [K in keyof InquiryFilter]: InquiryFilter[K] };

/** The filter a principal may have: an organization's token is held to its organization, whatever `organization=` says. */
async function scoped(deps: InquiryApiDeps, who: ApiPrincipal, filter: Filter, organization: string | null): Promise<Filter | undefined> {
  if (who.kind === 'admin') return organization ? { ...filter, orgId: organization } : filter;
  if (organization && organization !== who.orgId) return undefined;
  const unrouted = (await deps.soleOrganization()) === who.orgId;
  return { ...filter, orgId: who.orgId, ...(unrouted && { withUnrouted: true }) };
}

/** The inquiry if this principal may see it; another organization's is "not found" like a missing one. */
async function visible(deps: InquiryApiDeps, who: ApiPrincipal, id: number): Promise<Inquiry | undefined> {
  const inquiry = await deps.store.get(id);
  if (!inquiry) return undefined;
  const sole = inquiry.orgId === null && who.kind === 'organization' ? await deps.soleOrganization() : undefined;
  return maySee(who, inquiry.orgId, sole) ? inquiry : undefined;
}

const ROUTING_STATUS: Record<RoutingError['code'], number> = { not_found: 404, not_unrouted: 409, bad_account: 400, unknown_account: 400, channel_mismatch: 400, concurrent_change: 409 };

export function inquiryRoutes(deps: InquiryApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/inquiries',
      handle: guarded(deps, async (req, who) => {
        const q = req.query;
        const filter: Filter = {};
        const state = q.get('state');
        if (state !== null) {
          if (!(STATES as readonly string[]).includes(state)) return problem(400, 'bad_filter', `state must be one of: ${STATES.join(', ')}`);
          filter.state = state as InquiryState;
        }
        for (const [name, key, max] of [['account', 'accountId', MAX_INT4], ['limit', 'limit', MAX_LIMIT], ['before', 'beforeId', MAX_ID]] as const) {
          const v = positiveInt(q.get(name), name, max);
          if (typeof v === 'string') return problem(400, 'bad_filter', v);
          if (v !== undefined) filter[key] = v;
        }
        const overdue = q.get('overdue');
        if (overdue !== null && overdue !== 'true' && overdue !== 'false') return problem(400, 'bad_filter', 'overdue must be true or false');
        const now = deps.now();
        if (overdue === 'true') filter.overdueAt = now;
        const mine = await scoped(deps, who, filter, q.get('organization'));
        const rows = mine ? await deps.store.list(mine) : [];
        return json(200, { inquiries: rows.map((i) => inquiryJson(i, now)) });
      }),
    },
    {
      method: 'GET',
      path: '/api/inquiries/:id',
      handle: guarded(deps, async (req, who) => {
        const id = positiveInt(req.params.id ?? null, 'id', MAX_ID);
        if (typeof id !== 'number') return problem(400, 'bad_id', `${JSON.stringify((req.params.id ?? '').slice(0, 40))} is not an inquiry id (a whole number from 1 to ${MAX_ID})`);
        const inquiry = await visible(deps, who, id);
        if (!inquiry) return problem(404, 'not_found', `no inquiry ${id}`);
        const events = await deps.store.events(id);
        return json(200, { ...inquiryJson(inquiry, deps.now()), raw: inquiry.raw, events: events.map(eventJson) });
      }),
    },
    {
      method: 'POST',
      path: '/api/inquiries/:id/route',
      handle: guarded(deps, async (req, who) => {
        if (who.kind !== 'admin') return problem(403, 'admin_only', 'routing an unrouted message needs a deployment-admin token (svarstid token create --admin)');
        const id = positiveInt(req.params.id ?? null, 'id', MAX_ID);
        if (typeof id !== 'number') return problem(400, 'bad_id', `${JSON.stringify((req.params.id ?? '').slice(0, 40))} is not an inquiry id (a whole number from 1 to ${MAX_ID})`);
        const body = parseJsonBody(req);
        if (!body.ok) return body.response;
        const account = (body.value as { account?: unknown } | null)?.account;
        if (typeof account !== 'string') return problem(400, 'invalid_payload', 'send {"account": "ORGANIZATION/ACCOUNT"}, e.g. {"account": "hofors/facebook"}');
        try {
          const routed = await deps.route(id, account, who.actor);
          return json(200, inquiryJson(routed, deps.now()));
        } catch (e) {
          if (e instanceof RoutingError) return problem(ROUTING_STATUS[e.code], e.code, e.message);
          throw e;
        }
      }),
    },
  ];
}
