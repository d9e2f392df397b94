/**
 * The Challenge-Response Check: X sends `GET <webhook>?crc_token=…` when a webhook is registered and
 * hourly after; the answer proves we hold the consumer secret. Pure: the HTTP layer sends what this returns.
 *
 * The answer is HMAC-SHA256(consumer secret, crc_token), which is exactly the signature X puts on a
 * delivery whose body is that string: answering any crc_token would sign any body an attacker likes
 * (a forged mention, a forged "answered"). X's tokens are short base64 strings; a delivery is a JSON
 * object, so it starts with "{". Only a token of base64/base64url characters, at most 256 of them,
 * is answered: no JSON body can be one, so no CRC answer is ever a valid delivery signature.
 */
import { hmacSha256Base64 } from './hmac.js';

export type CrcAnswer =
  | { readonly status: 200; readonly body: { readonly response_token: string } }
  | { readonly status: 400; readonly error: 'crc_token_missing' | 'crc_token_invalid'; readonly message: string };

const CRC_TOKEN = /^[A-Za-z0-9+/=_-]{1,256}$/;

export function answerCrc(query: URLSearchParams, consumerSecret: string): CrcAnswer {
  const token = query.get('crc_token');
  if (token === null || token === '') {
    return { status: 400, error: 'crc_token_missing', message: 'the crc_token query parameter is required' };
  }
  if (query.getAll('crc_token').length > 1 || !CRC_TOKEN.test(token)) {
    return { status: 400, error: 'crc_token_invalid', message: 'crc_token must be given once, as up to 256 base64 or base64url characters' };
  }
  return { status: 200, body: { response_token: `sha256=${hmacSha256Base64(consumerSecret, token)}` } };
}
