/**
 * The Challenge-Response Check: X sends `GET <webhook>?crc_token=…` when a webhook is registered and
 * hourly after; the answer proves we hold the consumer secret. Pure: the HTTP layer sends what this returns.
 */
import { hmacSha256Base64 } from './hmac.js';

export type CrcAnswer =
  | { readonly status: 200; readonly body: { readonly response_token: string } }
  | { readonly status: 400; readonly error: 'crc_token_missing'; readonly message: string };

export function answerCrc(query: URLSearchParams, consumerSecret: string): CrcAnswer {
  const token = query.get('crc_token');
  if (token === null || token === '') {
    return { status: 400, error: 'crc_token_missing', message: 'the crc_token query parameter is required' };
  }
  return { status: 200, body: { response_token: `sha256=${hmacSha256Base64(consumerSecret, token)}` } };
}
