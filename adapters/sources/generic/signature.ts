/**
 * Signing of the generic webhook, `POST /webhooks/generic` (blogs, web chat, e-mail bridges, …).
 * The scheme is modelled on Slack's request signing.
 *
 * Each sending system is a *source* with a name (e.g. `hofors-blogg`) and a shared secret, both
 * configured in svarstid. Every request carries three headers:
 *
 *     X-Svarstid-Source:    <source name>
 *     X-Svarstid-Timestamp: <Unix time in whole seconds when the request was signed>
 *     X-Svarstid-Signature: v1=<signature>
 *
 * where <signature> is the lowercase hex HMAC-SHA256, keyed with the source's secret (its UTF-8
 * bytes), of the bytes
 *
 *     "v1:" + <timestamp exactly as in the header> + ":" + <raw request body>
 *
 * The body is signed exactly as sent (before any JSON parsing or re-encoding). svarstid rejects the
 * request (HTTP 401) when a header is missing, the source is unknown, the timestamp is not decimal
 * seconds or is more than 300 seconds from svarstid's clock in either direction (replay protection),
 * or the signature differs (compared in constant time).
 *
 * In a shell (bash, OpenSSL 1.1 or 3):
 *
 *     SECRET='hemligheten-från-svarstid'
 *     body='{"account":"hofors-blogg","external_id":"c-1","author":"Anna","text":"Hej!","received_at":"2026-11-25T09:14:00+01:00"}'
 *     ts=$(date +%s)
 *     sig=$(printf 'v1:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.*= //')
 *     curl https://svarstid.example.se/webhooks/generic \
 *       -H 'Content-Type: application/json' \
 *       -H 'X-Svarstid-Source: hofors-blogg' \
 *       -H "X-Svarstid-Timestamp: $ts" \
 *       -H "X-Svarstid-Signature: v1=$sig" \
 *       --data-binary "$body"
 *
 * (`--data-binary` sends the body byte for byte; `-d` would strip newlines and break the signature.)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SOURCE_NAME } from '../../../src/people/directory-sources.js';

export const GENERIC_HEADERS = {
  source: 'X-Svarstid-Source',
  timestamp: 'X-Svarstid-Timestamp',
  signature: 'X-Svarstid-Signature',
} as const;

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface GenericSignatureHeaders {
  readonly source?: string | undefined;
  readonly timestamp?: string | undefined;
  readonly signature?: string | undefined;
}

export interface VerifyGenericSignatureInput {
  readonly rawBody: Buffer;
  readonly headers: GenericSignatureHeaders;
  /** the secret of a configured source, or undefined when no such source exists */
  readonly secretFor: (source: string) => string | undefined;
  /** the current time (epoch ms), injected: this module never reads a clock */
  readonly nowMs: number;
  readonly toleranceSeconds?: number;
}

/** Stable codes for why a request was refused (DESIGN.md convention 8); all mean HTTP 401. */
export type GenericSignatureFailure =
  | 'missing_headers'
  | 'unknown_source'
  | 'malformed_timestamp'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_signature';

export type GenericSignatureResult =
  | { readonly ok: true; readonly source: string }
  | { readonly ok: false; readonly reason: GenericSignatureFailure; readonly message: string };

const TIMESTAMP = /^\d{1,15}$/;
const SIGNATURE = /^v1=([0-9a-f]{64})$/i;

function fail(reason: GenericSignatureFailure, message: string): GenericSignatureResult {
  return { ok: false, reason, message };
}

function hmacHex(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v1:${timestamp}:`);
  hmac.update(rawBody);
  return hmac.digest('hex');
}

/** Checks the three headers against the raw body. The `message` is English, for the log. */
export function verifyGenericSignature(input: VerifyGenericSignatureInput): GenericSignatureResult {
  const { rawBody, headers, secretFor, nowMs } = input;
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const source = headers.source?.trim();
  const timestamp = headers.timestamp?.trim();
  const signature = headers.signature?.trim();

  const given = { source, timestamp, signature };
  const missing = (['source', 'timestamp', 'signature'] as const).filter((k) => !given[k]).map((k) => GENERIC_HEADERS[k]);
  if (missing.length > 0) return fail('missing_headers', `missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);

  // only the canonical name as configured: HOFORS-BLOGG or hofors_blogg would find hofors-blogg's
  // secret through its environment variable's name, and be judged as that source
  if (!SOURCE_NAME.test(source!)) return fail('unknown_source', `unknown source ${JSON.stringify(source!.slice(0, 80))}: a source name is lower case letters, digits and "-", as configured`);
  const secret = secretFor(source!);
  if (!secret) return fail('unknown_source', `unknown source "${source}"`);

  if (!TIMESTAMP.test(timestamp!)) return fail('malformed_timestamp', `${GENERIC_HEADERS.timestamp} "${timestamp}" is not Unix time in seconds`);
  const skew = Math.floor(nowMs / 1000) - Number(timestamp);
  if (skew > tolerance) return fail('stale_timestamp', `timestamp ${timestamp} is ${skew} s old; at most ${tolerance} s are allowed (replay?)`);
  if (-skew > tolerance) return fail('future_timestamp', `timestamp ${timestamp} is ${-skew} s in the future; at most ${tolerance} s are allowed`);

  const hex = SIGNATURE.exec(signature!)?.[1];
  if (hex === undefined) return fail('bad_signature', `${GENERIC_HEADERS.signature} is not "v1=" followed by 64 hex digits`);
  const expected = Buffer.from(hmacHex(secret, timestamp!, rawBody), 'hex');
  const actual = Buffer.from(hex.toLowerCase(), 'hex');
  if (!timingSafeEqual(expected, actual)) return fail('bad_signature', `signature does not match the body for source "${source}"`);
  return { ok: true, source: source! };
}

/**
 * The headers a client sends (for clients and tests). Pass `source` to get all three; without it the
 * caller adds `X-Svarstid-Source` itself.
 */
export function signGeneric(rawBody: Buffer | string, secret: string, timestampSeconds: number, source?: string): Record<string, string> {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError(`timestamp must be whole Unix seconds, not ${timestampSeconds}`);
  const timestamp = String(timestampSeconds);
  return {
    ...(source === undefined ? {} : { [GENERIC_HEADERS.source]: source }),
    [GENERIC_HEADERS.timestamp]: timestamp,
    [GENERIC_HEADERS.signature]: `v1=${hmacHex(secret, timestamp, rawBody)}`,
  };
}

/**
 * Picks the three headers out of a header map in any letter case (Node's `req.headers` is
 * lowercase). A repeated header arrives as a list and is joined, so it fails as a bad value.
 */
export function genericHeadersFrom(headers: Readonly<Record<string, string | readonly string[] | undefined>>): GenericSignatureHeaders {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : v?.join(', ')]));
  return {
    source: lower.get(GENERIC_HEADERS.source.toLowerCase()),
    timestamp: lower.get(GENERIC_HEADERS.timestamp.toLowerCase()),
    signature: lower.get(GENERIC_HEADERS.signature.toLowerCase()),
  };
}
