/** The one MAC X uses for both webhook signatures and CRC answers: base64(HMAC-SHA256(consumer secret, data)). */
import { createHmac } from 'node:crypto';

export function hmacSha256Base64(consumerSecret: string, data: string | Buffer): string {
  return createHmac('sha256', consumerSecret).update(data).digest('base64');
}
