/**
 * What Slack posts to /slack/events, verified and parsed: the `v0=` HMAC-SHA256 signature of
 * `v0:{timestamp}:{raw body}` with the signing secret (Bolt's verifySlackRequest), a timestamp within
 * five minutes of the injected clock either way, then the body as Bolt expects it: a slash command's
 * form fields, an interaction's `payload=` JSON, or an Events API JSON body.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import { parseJson } from '../../src/http/json.js';
import { boltShapeProblem } from './body-shape.js';
import { problem, type HttpResponse } from '../../src/http/routes.js';

export const MAX_SKEW_SECONDS = 5 * 60;

export type Parsed = { ok: true; body: Record<string, unknown> } | { ok: false; response: HttpResponse };

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** undefined when the request is Slack's; else the 401 to answer. */
export function checkSignature(headers: IncomingHttpHeaders, raw: string, signingSecret: string, nowMs: number): HttpResponse | undefined {
  const signature = header(headers, 'x-slack-signature');
  const ts = header(headers, 'x-slack-request-timestamp');
  if (!signature || !ts) return problem(401, 'missing_signature', 'X-Slack-Signature and X-Slack-Request-Timestamp are required');
  if (!/^\d{1,12}$/.test(ts)) return problem(401, 'bad_timestamp', 'X-Slack-Request-Timestamp must be Unix seconds');
  const seconds = Number(ts);
  if (Math.abs(Math.floor(nowMs / 1000) - seconds) > MAX_SKEW_SECONDS) return problem(401, 'stale_request', 'the request timestamp is more than 5 minutes from now');
  try {
    verifySlackRequest({ signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds }, nowMilliseconds: nowMs });
    return undefined;
  } catch {
    return problem(401, 'bad_signature', 'the signature does not match the body');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseBody(headers: IncomingHttpHeaders, raw: string): Parsed {
  const type = (header(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const bad = (message: string): Parsed => ({ ok: false, response: problem(400, 'malformed_body', message) });
  if (raw === '') return bad('the request has no body');
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    if (payload === null) {
      const body = Object.fromEntries(form);
      return typeof body.command === 'string' || body.ssl_check !== undefined ? { ok: true, body } : bad('a form body must be a slash command or carry payload=');
    }
    const parsed = parseJson(payload);
    if (!parsed.ok) return bad(`payload: ${parsed.message}`);
    const body = parsed.value;
    if (!isObject(body) || typeof body.type !== 'string') return bad('payload must be a JSON object with a type');
    const shape = boltShapeProblem(body);
    return shape === undefined ? { ok: true, body } : bad(`payload: ${shape}`);
  }
  if (type === 'application/json') {
    const parsed = parseJson(raw);
    if (!parsed.ok) return bad(parsed.message);
    const body = parsed.value;
    if (!isObject(body) || typeof body.type !== 'string') return bad('the JSON body must be an object with a type');
    const shape = boltShapeProblem(body);
    return shape === undefined ? { ok: true, body } : bad(shape);
  }
  return { ok: false, response: problem(415, 'unsupported_content_type', 'send application/x-www-form-urlencoded or application/json') };
}

/** Slack's ids are short; a longer one is hashed, so that the key fits the database's index. */
const MAX_KEY_ID = 200;

/** The key a redelivery of the same request shares: the event's id, else the interaction's trigger, else the body. */
export function deliveryKey(body: Record<string, unknown>, raw: string, hash: (s: string) => string): string {
  const id = (kind: string, v: string): string => (v.length <= MAX_KEY_ID ? `${kind}:${v}` : `${kind}-sha256:${hash(v)}`);
  if (typeof body.event_id === 'string') return id('event', body.event_id);
  if (typeof body.trigger_id === 'string') return id('trigger', body.trigger_id);
  return `body:${hash(raw)}`;
}
