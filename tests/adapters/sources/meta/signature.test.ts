import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyMetaSignature } from '../../../../adapters/sources/meta/index.js';
import { fixtureBytes } from './support.js';

const SECRET = 'test-app-secret-4f1c';
const body = fixtureBytes('feed-comment');
const hmac = (bytes: Buffer, secret = SECRET, algorithm = 'sha256') => createHmac(algorithm, secret).update(bytes).digest('hex');

describe('verifying X-Hub-Signature-256', () => {
  describe('when the header is sha256= the HMAC of the exact body bytes with the app secret', () => {
    it('accepts', () => {
      expect(verifyMetaSignature(body, `sha256=${hmac(body)}`, SECRET)).toBe(true);
    });
    it('accepts the hex in upper case too', () => {
      expect(verifyMetaSignature(body, `sha256=${hmac(body).toUpperCase()}`, SECRET)).toBe(true);
    });
  });

  describe('when the body was signed with another secret', () => {
    it('rejects', () => {
      expect(verifyMetaSignature(body, `sha256=${hmac(body, 'another-secret')}`, SECRET)).toBe(false);
    });
  });

  describe('when one byte of the body was changed after signing', () => {
    it('rejects', () => {
      const tampered = Buffer.from(body);
      tampered[tampered.indexOf('Storgatan')] = 'K'.charCodeAt(0);
      expect(verifyMetaSignature(tampered, `sha256=${hmac(body)}`, SECRET)).toBe(false);
    });
  });

  describe('when the header is missing', () => {
    it('rejects', () => {
      expect(verifyMetaSignature(body, undefined, SECRET)).toBe(false);
    });
  });

  describe('when the header is malformed', () => {
    it.each([
      ['the old sha1 form', `sha1=${hmac(body, SECRET, 'sha1')}`],
      ['a digest that is not hex', 'sha256=zz'],
      ['an empty header', ''],
      ['the prefix alone', 'sha256='],
      ['the hex without the prefix', hmac(body)],
      ['a digest one byte short', `sha256=${hmac(body).slice(0, 62)}`],
      ['a digest one byte long', `sha256=${hmac(body)}00`],
    ])('rejects %s', (_what, header) => {
      expect(verifyMetaSignature(body, header, SECRET)).toBe(false);
    });
  });

  describe('when the app secret is not configured (empty)', () => {
    it('rejects even a header made with the empty secret', () => {
      expect(verifyMetaSignature(body, `sha256=${hmac(body, '')}`, '')).toBe(false);
    });
  });
});
