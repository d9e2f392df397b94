/**
 * Verifies the `x-twitter-webhooks-signature` header of an Account Activity API webhook POST:
 * `sha256=` + base64(HMAC-SHA256(consumer secret, raw request body)).
 * Pure: the caller hands over the exact bytes it received (before any JSON parsing) and the header value.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmacSha256Base64 } from './hmac.js';

export const X_SIGNATURE_HEADER = 'x-twitter-webhooks-signature';

const PREFIX = 'sha256=';
/** 32 bytes of SHA-256 in padded base64: 43 characters and one "=". */
const DIGEST_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/** True only when the header carries a well-formed sha256 signature that matches the body. Never throws. */
export function verifyXSignature(rawBody: Buffer, header: string | undefined, consumerSecret: string): boolean {
  if (typeof header !== 'string' || consumerSecret === '') return false;
  const value = header.trim();
  if (!value.startsWith(PREFIX)) return false;
  const given = value.slice(PREFIX.length);
  if (!DIGEST_BASE64.test(given)) return false;
  const expected = Buffer.from(hmacSha256Base64(consumerSecret, rawBody), 'base64');
  const actual = Buffer.from(given, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
