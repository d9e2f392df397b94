/**
 * Answers to a generic source (a blog, a web chat): a signed POST to the source's callback URL,
 * `SVARSTID_SOURCE_CALLBACK_<NAME>` (the same name rule as its secret, SVARSTID_SOURCE_SECRET_<NAME>),
 * signed exactly as the source signs what it sends (signature.ts: X-Svarstid-Source, -Timestamp,
 * -Signature over "v1:<timestamp>:<body>" with the source's secret). The body:
 *
 *   {"type":"answer","answer_id":7,"inquiry_id":42,"account":"hofors-blogg","in_reply_to":"c-1","text":"…","sent_at":"2026-…Z"}
 *
 * with the header X-Svarstid-Answer-Id: 7. A retry of the same answer carries the same answer id: the
 * source must treat a second delivery of an id it has as done (and may answer 200 again). It answers
 * 2xx, optionally with {"id": "<its id of the reply>", "url": "<link>"}; 429 (Retry-After) and 5xx
 * are retried, 401/403 mean the source refuses svarstid's signature, other 4xx are refusals.
 */
import type { AnswerTarget, PostedAnswer } from '../../../src/answers/ports.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { GENERIC_HEADERS, signGeneric } from './signature.js';

export const ANSWER_ID_HEADER = 'X-Svarstid-Answer-Id';

const envName = (source: string): string => source.toUpperCase().replace(/-/g, '_');

/** The callback URL of a source from the environment (http or https), or undefined. */
export function genericCallbacks(env: Readonly<Record<string, string | undefined>>): (source: string) => string | undefined {
  return (source) => {
    if (!/^[a-z0-9_-]{1,64}$/i.test(source)) return undefined;
    const url = env[`SVARSTID_SOURCE_CALLBACK_${envName(source)}`]?.trim();
    return url && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  };
}

/** The source's name from the inquiry's source ("generic:hofors-blogg"). */
export const genericSourceName = (t: Pick<AnswerTarget, 'source'>): string | undefined => (t.source.startsWith('generic:') ? t.source.slice('generic:'.length) : undefined);

export interface GenericCallbackOptions {
  readonly secretFor: (source: string) => string | undefined;
  readonly callbackFor: (source: string) => string | undefined;
  readonly now: () => number;
  readonly timeoutMs?: number;
}

export function genericAvailability(o: GenericCallbackOptions, t: AnswerTarget): string | undefined {
  const source = genericSourceName(t);
  if (!source) return `a ${t.channel} message from ${t.source} has no source to answer through`;
  if (!o.secretFor(source)) return `SVARSTID_SOURCE_SECRET_${envName(source)} is not set`;
  if (!o.callbackFor(source)) return `SVARSTID_SOURCE_CALLBACK_${envName(source)} is not set (the source's answer URL)`;
  return undefined;
}

export async function postGenericAnswer(o: GenericCallbackOptions, t: AnswerTarget, text: string, answerId: number): Promise<PostedAnswer> {
  const problem = genericAvailability(o, t);
  if (problem) throw new PlatformError('generic', 'no_credentials', problem);
  const source = genericSourceName(t)!;
  const url = o.callbackFor(source)!;
  const body = JSON.stringify({ type: 'answer', answer_id: answerId, inquiry_id: t.id, account: t.accountExternalId, in_reply_to: t.externalId, text, sent_at: new Date(o.now()).toISOString() });
  const headers = { 'content-type': 'application/json', [ANSWER_ID_HEADER]: String(answerId), ...signGeneric(body, o.secretFor(source)!, Math.floor(o.now() / 1000), source) };
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(o.timeoutMs ?? 10_000), redirect: 'error' });
  } catch (e) {
    throw new PlatformError('generic', 'unavailable', `the callback of source ${source} failed: ${(e as Error).name === 'TimeoutError' ? 'no answer in time' : ((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name)}`);
  }
  const answer = (await res.json().catch(() => ({}))) as { id?: unknown; url?: unknown };
  if (res.ok) {
    const id = typeof answer.id === 'string' || typeof answer.id === 'number' ? String(answer.id) : `svarstid-answer-${answerId}`;
    return { replyId: id.slice(0, 255), url: typeof answer.url === 'string' && /^https?:\/\//.test(answer.url) ? answer.url.slice(0, 2000) : null, at: o.now(), via: 'callback' };
  }
  const detail = { status: res.status };
  if (res.status === 429) {
    const after = Number(res.headers.get('retry-after'));
    throw new PlatformError('generic', 'rate_limited', `source ${source} asks to wait`, { ...detail, retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : 60_000 });
  }
  if (res.status >= 500) throw new PlatformError('generic', 'unavailable', `source ${source} answered ${res.status}`, detail);
  if (res.status === 401 || res.status === 403) throw new PlatformError('generic', 'permission', `source ${source} refused svarstid's signature (${res.status})`, detail);
  if (res.status === 404 || res.status === 410) throw new PlatformError('generic', 'not_found', `source ${source} no longer has the message (${res.status})`, detail);
  throw new PlatformError('generic', 'invalid_request', `source ${source} refused the answer (${res.status})`, detail);
}

export { GENERIC_HEADERS };
