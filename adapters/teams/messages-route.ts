/**
 * POST /api/messages: the Bot Framework's endpoint. The app's HTTP server has already read the body
 * (1 MiB at most, else 413); this checks it is an activity, then hands it to botbuilder's
 * CloudAdapter, which authenticates the request (401 without a valid token) and runs the turn.
 * botbuilder wants Express-like request and response objects: they are made here from the raw body
 * and resolve to the app's HttpResponse. With authentication off, an activity whose serviceUrl is not
 * a loopback address is refused 403 before botbuilder sees it, so nothing is sent anywhere.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../src/db/unavailable.js';
import { databaseUnavailable } from '../../src/http/failure.js';
import { parseJsonBody, problem, type HttpRequest, type HttpResponse, type Route } from '../../src/http/routes.js';
import { activityFieldProblems } from './activity-fields.js';
import { activityLimitProblems } from './activity-limits.js';
import { tokenShapeProblem } from './token-shape.js';
import { TurnFailedError } from './bot.js';
import { hostOf, isLoopbackUrl } from './loopback.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** What is wrong with a body that should be a Bot Framework activity; empty when nothing is. */
export function activityProblems(body: unknown): string[] {
  if (!isObject(body)) return ['the body must be a JSON object (a Bot Framework activity)'];
  const problems: string[] = [];
  if (!nonEmpty(body.type)) problems.push('type is required');
  if (!nonEmpty(body.serviceUrl)) problems.push('serviceUrl is required');
  else if (!/^https?:\/\/[^\s/]+/i.test(body.serviceUrl as string)) problems.push('serviceUrl must be an http(s) URL');
  if (!nonEmpty(body.channelId)) problems.push('channelId is required');
  if (!isObject(body.conversation) || !nonEmpty(body.conversation.id)) problems.push('conversation.id is required');
  if (!isObject(body.from) || !nonEmpty(body.from.id)) problems.push('from.id is required');
  return problems;
}

interface TurnFailure {
  error?: unknown;
  /** the failure came from a reply to the Bot Connector, not from the turn's own work */
  outbound?: boolean;
}

/**
 * What a 5xx from botbuilder means (501 is its answer to an invoke the bot left unanswered: a 400
 * here, though the bot answers every invoke, see invokes.ts): with the turn's own failure, the database being away is a 503
 * (the Bot Framework redelivers), anything else stays a 500; without one the turn never ran, so it
 * was the authentication — botbuilder could not reach the Bot Framework's identity service (an
 * AuthenticationError is a 401, answered by botbuilder itself).
 */
function serverError(turnFailure: TurnFailure): HttpResponse {
  // the inbound activity was received and processed; only the reply, a separate outbound call, failed
  // (logged by class and code in bot.ts): 200, so the Bot Framework does not deliver it again
  if (turnFailure.outbound) return { status: 200, body: {} };
  if (turnFailure.error === undefined) {
    return { ...problem(503, 'identity_unavailable', 'the Bot Framework identity service could not be reached to verify the request; send it again later'), headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } };
  }
  const e = turnFailure.error;
  // not botbuilder's text, which is the error's message (a driver error quotes the query and its values)
  return (e instanceof TurnFailedError ? e.databaseUnavailable : isDatabaseUnavailable(e)) ? databaseUnavailable() : problem(500, 'bot_framework_error', 'the turn failed; see the svarstid log');
}

/** An Express-like response whose end() resolves the route's HttpResponse. */
function bufferedResponse(resolve: (r: HttpResponse) => void, turnFailure: TurnFailure) {
  let status = 200;
  let body: unknown;
  return {
    socket: undefined,
    status(code: number) {
      status = code;
    },
    header() {},
    send(b: unknown) {
      body = b;
    },
    end() {
      const message = (typeof body === 'string' && body !== '' ? body : `the Bot Framework adapter answered ${status}`).split('\n')[0]!;
      // the bot's own JSON answer to an invoke it refuses ({error, message}) goes out as it is
      if (status >= 400 && status < 500 && isObject(body) && typeof body.error === 'string') resolve({ status, body });
      else if (status === 501) resolve(problem(400, 'unsupported_activity', 'svarstid does not answer this invoke'));
      else if (status >= 500) resolve(serverError(turnFailure));
      else if (status >= 400) resolve(problem(status, status === 401 ? 'unauthorized' : 'bot_framework_error', message));
      else resolve({ status, body: body ?? {} });
    },
  };
}

export interface MessagesRouteOptions {
  /** authentication is off: answer loopback serviceUrls only */
  readonly loopbackOnly?: boolean;
}

export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>, options: MessagesRouteOptions = {}): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    handle: async (req: HttpRequest): Promise<HttpResponse> => {
      const parsed = parseJsonBody(req);
      if (!parsed.ok) return parsed.response;
      const problems = activityProblems(parsed.value);
      if (problems.length === 0) problems.push(...activityFieldProblems(parsed.value as Record<string, unknown>), ...activityLimitProblems(parsed.value as Record<string, unknown>));
      if (problems.length > 0) return problem(400, 'invalid_activity', problems.join('; '));
      const serviceUrl = (parsed.value as { serviceUrl: string }).serviceUrl;
      if (options.loopbackOnly && !isLoopbackUrl(serviceUrl)) {
        return problem(403, 'service_url_not_allowed', `Teams authentication is off (SVARSTID_TEAMS_NO_AUTH, local testing): the bot replies to loopback addresses only, not ${hostOf(serviceUrl)}`);
      }
      const authorization = req.headers.authorization;
      const badToken = authorization === undefined ? undefined : tokenShapeProblem(authorization);
      if (badToken !== undefined) return problem(401, 'unauthorized', badToken);
      const turnFailure: TurnFailure = {};
      const turn = async (context: TurnContext): Promise<void> => {
        // a reply (send or card update) the connector refuses or cannot take is marked: see serverError
        const outbound = <T>(next: () => Promise<T>): Promise<T> =>
          next().catch((e: unknown) => {
            turnFailure.outbound = true;
            throw e;
          });
        context.onSendActivities((_c, _a, next) => outbound(next));
        context.onUpdateActivity((_c, _a, next) => outbound(next));
        try {
          await logic(context);
        } catch (e) {
          turnFailure.error = e;
          throw e;
        }
      };
      return new Promise<HttpResponse>((resolve, reject) => {
        const request = { method: 'POST', headers: req.headers, body: parsed.value as Record<string, unknown> };
        adapter.process(request, bufferedResponse(resolve, turnFailure), turn).catch(reject);
      });
    },
  };
}
