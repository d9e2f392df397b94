/**
 * POST /api/messages: the Bot Framework's endpoint. The app's HTTP server has already read the body
 * (1 MiB at most, else 413); this checks it is an activity, then hands it to botbuilder's
 * CloudAdapter, which authenticates the request (401 without a valid token) and runs the turn.
 * botbuilder wants Express-like request and response objects: they are made here from the raw body
 * and resolve to the app's HttpResponse.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { parseJsonBody, problem, type HttpRequest, type HttpResponse, type Route } from '../../src/http/routes.js';

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
  if (body.value !== undefined && body.value !== null && !isObject(body.value) && body.type === 'message') problems.push('value must be an object');
  return problems;
}

/** An Express-like response whose end() resolves the route's HttpResponse. */
function bufferedResponse(resolve: (r: HttpResponse) => void) {
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
      if (status >= 400) {
        const message = typeof body === 'string' && body !== '' ? body : `the Bot Framework adapter answered ${status}`;
        resolve(problem(status, status === 401 ? 'unauthorized' : 'bot_framework_error', message.split('\n')[0]!));
      } else resolve({ status, body: body ?? {} });
    },
  };
}

export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    handle: async (req: HttpRequest): Promise<HttpResponse> => {
      const parsed = parseJsonBody(req);
      if (!parsed.ok) return parsed.response;
      const problems = activityProblems(parsed.value);
      if (problems.length > 0) return problem(400, 'invalid_activity', problems.join('; '));
      return new Promise<HttpResponse>((resolve, reject) => {
        const request = { method: 'POST', headers: req.headers, body: parsed.value as Record<string, unknown> };
        adapter.process(request, bufferedResponse(resolve), logic).catch(reject);
      });
    },
  };
}
