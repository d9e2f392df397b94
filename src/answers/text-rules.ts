/**
 * The rules an answer's text must meet before it goes out: not empty, within the platform's (and the
 * policy's) length for its kind, and, when the policy requires it, ending with the officer's
 * signature. X counts with twitter-text (URLs as 23, CJK and emoji as 2), as X itself does. Pure.
 */
import twitter from 'twitter-text';
import { INSTAGRAM_DM_LIMIT, renderSignature, type AnswerPolicy, type Signer } from '../policy/index.js';
import type { ChannelKind } from '../policy/index.js';
import { AnswerError } from './errors.js';
import type { AnswerRoute } from './ports.js';

/** The officer's signature per the policy, or null when the policy signs nothing. */
export function signatureOf(policy: AnswerPolicy, who: Signer): string | null {
  if (policy.signature === null) return null;
  const s = renderSignature(policy.signature, who);
  return s === '' ? null : s;
}

/** The text a dialog starts with: an empty line for the answer, then the signature. */
export function prefill(policy: AnswerPolicy, who: Signer, body = ''): string {
  const sig = signatureOf(policy, who);
  if (sig === null) return body;
  return `${body}\n\n${sig}`;
}

/** The length as the platform counts it. */
export function platformLength(route: AnswerRoute, text: string): number {
  if (route === 'x_post' || route === 'x_dm') return route === 'x_post' ? twitter.parseTweet(text).weightedLength : [...text].length;
  return [...text].length;
}

export function limitFor(policy: AnswerPolicy, channel: string, route: AnswerRoute): number | undefined {
  const byChannel = policy.limits.get(channel as ChannelKind);
  if (route === 'instagram_dm') return Math.min(byChannel ?? INSTAGRAM_DM_LIMIT, INSTAGRAM_DM_LIMIT);
  if (route === 'x_dm') return 10_000;
  return byChannel;
}

/** The text as it will be posted (trimmed), or an AnswerError saying what is wrong. */
export function checkAnswerText(text: string, policy: AnswerPolicy, who: Signer, channel: string, route: AnswerRoute): string {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (t === '') throw new AnswerError('empty', 'the answer is empty');
  const sig = signatureOf(policy, who);
  if (policy.required && sig !== null && !t.endsWith(sig)) throw new AnswerError('signature_missing', 'the answer does not end with the signature the policy requires', { signature: sig });
  const limit = limitFor(policy, channel, route);
  const length = platformLength(route, t);
  if (limit !== undefined && length > limit) throw new AnswerError('too_long', `the answer is ${length} characters; ${channel} takes ${limit}`, { limit, length });
  return t;
}
