import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyXSignature } from '../../../../adapters/sources/x/signature.js';
import { fixtureBytes } from './support.js';

const SECRET = 'hofors-consumer-secret';
const body = fixtureBytes('mention.json');
const sign = (bytes: Buffer, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(bytes).digest('base64')}`;

describe('verifying the x-twitter-webhooks-signature of a webhook body', () => {
  describe('when the header is the base64 HMAC-SHA256 of the exact bytes, keyed with the consumer secret', () => {
    it('accepts the body', () => {
      expect(verifyXSignature(body, sign(body), SECRET)).toBe(true);
    });
    it('accepts a known vector (computed once with openssl dgst -sha256 -hmac)', () => {
      const bytes = Buffer.from('{"for_user_id":"289337474","tweet_create_events":[]}');
      expect(verifyXSignature(bytes, 'sha256=YZJ8Od9D4upjmTHt/NdaGyNcmeV1YwLgz2s2UJza0ek=', SECRET)).toBe(true);
    });
    it('tolerates whitespace around the header value', () => {
      expect(verifyXSignature(body, ` ${sign(body)} `, SECRET)).toBe(true);
    });
  });

  describe('when the body was signed with another consumer secret', () => {
    it('rejects it', () => {
      expect(verifyXSignature(body, sign(body, 'someone-elses-secret'), SECRET)).toBe(false);
    });
  });

  describe('when the body was changed after signing', () => {
    it('rejects a single changed byte', () => {
      const tampered = Buffer.from(body);
      tampered[tampered.indexOf('badhuset')] = 'B'.charCodeAt(0);
      expect(verifyXSignature(tampered, sign(body), SECRET)).toBe(false);
    });
    it('rejects the same JSON re-serialized, so the raw bytes must be verified before parsing', () => {
      const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
      expect(verifyXSignature(reserialized, sign(body), SECRET)).toBe(false);
    });
  });

  describe('when the header is missing or malformed', () => {
    const digest = sign(body).slice('sha256='.length);
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['only the prefix', 'sha256='],
      ['without the sha256= prefix', digest],
      ['with another algorithm', `sha1=${digest}`],
      ['with the prefix in upper case', `SHA256=${digest}`],
      ['with a hex digest instead of base64', `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`],
      ['with a truncated digest', `sha256=${digest.slice(0, 20)}`],
      ['with characters outside base64', `sha256=${digest.slice(0, 42)}!=`],
    ])('rejects a header that is %s', (_case, header) => {
      expect(verifyXSignature(body, header, SECRET)).toBe(false);
    });
  });

  describe('when no consumer secret is configured', () => {
    it('rejects even a body signed with the empty key', () => {
      expect(verifyXSignature(body, sign(body, ''), '')).toBe(false);
    });
  });
});
