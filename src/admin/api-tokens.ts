/**
 * REST API tokens: 256 random bits, shown once when created, kept only as their SHA-256 (a token is
 * random, so a plain hash is enough: there is nothing to guess from it). An organization's token sees
 * only that organization; a deployment-admin token sees every organization and the unrouted messages.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens start with this, so a leaked one is recognized (secret scanners, logs review). */
export const TOKEN_PREFIX = 'svarstid_';
const TOKEN = /^svarstid_[A-Za-z0-9_-]{43}$/;

/** A new token: the prefix and 32 random bytes, base64url. */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form: lowercase hex SHA-256 of the token's UTF-8 bytes. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of a generated token (a cheap refusal before any lookup). */
export function looksLikeToken(s: string): boolean {
  return TOKEN.test(s);
}

/** Constant-time comparison of two tokens, by their hashes (equal lengths whatever the input). */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

export const TOKEN_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u;

/** A token command that cannot be done: an unknown id, organization or name; a revoked token. Stable code for the CLI. */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly code: 'unknown_token' | 'revoked_token' | 'unknown_organization' | 'bad_name',
    message: string,
  ) {
    super(message);
  }
}
