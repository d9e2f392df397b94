/**
 * The GET handshake Meta makes when a webhook subscription is set up:
 * `?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<nonce>` → answer 200 with the challenge
 * as text/plain. The HTTP layer renders the answer; this function only decides it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type VerificationAnswer =
  | { readonly status: 200; readonly body: string }
  | { readonly status: 403 | 400; readonly error: string; readonly message: string };

/** Stable error codes (DESIGN.md convention 8). */
export const VERIFICATION_ERRORS = {
  incomplete: 'verification_incomplete',
  unsupportedMode: 'verification_unsupported_mode',
  tokenMismatch: 'verify_token_mismatch',
} as const;

export function answerVerification(query: URLSearchParams, verifyToken: string): VerificationAnswer {
  const mode = query.get('hub.mode');
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (!mode || !token || !challenge) {
    const given = { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge };
    const missing = Object.entries(given).filter(([, v]) => !v).map(([name]) => name);
    return { status: 400, error: VERIFICATION_ERRORS.incomplete, message: `missing query parameter(s): ${missing.join(', ')}` };
  }
  if (mode !== 'subscribe') {
    return { status: 400, error: VERIFICATION_ERRORS.unsupportedMode, message: `hub.mode must be "subscribe", not "${mode}"` };
  }
  if (!sameSecret(token, verifyToken)) {
    return { status: 403, error: VERIFICATION_ERRORS.tokenMismatch, message: 'hub.verify_token does not match the configured verify token' };
  }
  return { status: 200, body: challenge };
}

/** Constant-time equality of two strings of any length (hash first, so lengths are not compared). */
function sameSecret(given: string, configured: string): boolean {
  if (configured === '') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(configured));
}
