/**
 * Requests signed exactly as Slack signs them: `X-Slack-Signature: v0=<hex HMAC-SHA256 of
 * "v0:{timestamp}:{raw body}">` and `X-Slack-Request-Timestamp`. Slash commands and interactivity are
 * `application/x-www-form-urlencoded` (interactions as `payload=<JSON>`), events `application/json`.
 */
import { createHmac } from 'node:crypto';

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function slackSignature(secret: string, body: string, timestampSeconds: number): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, nowMs: number, contentType: string): Record<string, string> {
  const ts = Math.floor(nowMs / 1000);
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(secret, body, ts) };
}

/** A slash command's form body, as Slack sends it. */
export function commandBody(f: { text: string; userId: string; responseUrl: string; triggerId?: string; teamId?: string; command?: string }): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: f.teamId ?? 'T0HOFORS',
    team_domain: 'hofors',
    channel_id: `D${f.userId}`,
    channel_name: 'directmessage',
    user_id: f.userId,
    user_name: f.userId.toLowerCase(),
    command: f.command ?? '/svarstid',
    text: f.text,
    api_app_id: 'A0SVARSTID',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? `${Math.floor(Math.random() * 1e10)}.1.${Math.random().toString(16).slice(2)}`,
  }).toString();
}

export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** POSTs a signed request and returns the status and the raw answer. */
export async function postSigned(
  url: string,
  body: string,
  o: { secret: string; nowMs: number; contentType: string; headers?: Record<string, string> },
): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers: { ...signedHeaders(o.secret, body, o.nowMs, o.contentType), ...o.headers } });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started, headers: res.headers };
}
