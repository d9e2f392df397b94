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
  repeated: 'verification_repeated_parameter',
  badChallenge: 'verification_bad_challenge',
} as const;

/**
 * What a challenge may be: Meta sends a number (its docs: "an int you must pass back"); letters, "_"
 * and "-" are allowed too, up to 256 characters. Anything else is never echoed: the answer would
 * reflect whatever the query held (`<script>…`).
 */
const CHALLENGE = /^[A-Za-z0-9_-]{1,256}$/;
const HUB = ['hub.mode', 'hub.verify_token', 'hub.challenge'] as const;

export function answerVerification(query: URLSearchParams, verifyToken: string): VerificationAnswer {
  // a repeated parameter would be judged by its first value (a second verify_token tried for free)
  const repeated = HUB.filter((name) => query.getAll(name).length > 1);
  if (repeated.length > 0) return { status: 400, error: VERIFICATION_ERRORS.repeated, message: `query parameter(s) given more than once: ${repeated.join(', ')}` };
  const mode = query.get('hub.mode');
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (!mode || !token || !challenge) {
    const given = { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge };
    const missing = Object.entries(given).filter(([, v]) => !v).map(([name]) => name);
    return { status: 400, error: VERIFICATION_ERRORS.incomplete, message: `missing query parameter(s): ${missing.join(', ')}` };
  }
  if (mode !== 'subscribe') {
    return { status: 400, error: VERIFICATION_ERRORS.unsupportedMode, message: `hub.mode must be "subscribe", not ${JSON.stringify(mode.slice(0, 40))}` };
  }
  if (!sameSecret(token, verifyToken)) {
    return { status: 403, error: VERIFICATION_ERRORS.tokenMismatch, message: 'hub.verify_token does not match the configured verify token' };
  }
  if (!CHALLENGE.test(challenge)) {
    return { status: 400, error: VERIFICATION_ERRORS.badChallenge, message: 'hub.challenge must be 1 to 256 letters, digits, "_" or "-" (Meta sends a number)' };
  }
  return { status: 200, body: challenge };
}

/** Constant-time equality of two strings of any length (hash first, so lengths are not compared). */
function sameSecret(given: string, configured: string): boolean {
  if (configured === '') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(configured));
}
