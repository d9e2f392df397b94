import { describe, expect, it } from 'vitest';
import {
  GENERIC_HEADERS,
  genericHeadersFrom,
  signGeneric,
  verifyGenericSignature,
  type GenericSignatureHeaders,
  type VerifyGenericSignatureInput,
} from '../../../../adapters/sources/generic/index.js';

const SECRETS: Record<string, string> = { 'hofors-blogg': 'hemligheten-från-svarstid', 'nassjo-chatt': 'ett-annat-hemligt-värde' };
const NOW_MS = Date.parse('2026-11-25T09:14:00+01:00');
const NOW_S = NOW_MS / 1000;
const BODY = Buffer.from('{"account":"hofors-bloggen","external_id":"c-1","author":"Anna","text":"Hej! Får man elda löv i trädgården?","received_at":"2026-11-25T09:14:00+01:00"}');

/** A correctly signed request from hofors-blogg at NOW, with overrides. */
function request(over: Partial<VerifyGenericSignatureInput> & { signedAt?: number; secret?: string } = {}): VerifyGenericSignatureInput {
  const headers = genericHeadersFrom(signGeneric(BODY, over.secret ?? SECRETS['hofors-blogg']!, over.signedAt ?? NOW_S, 'hofors-blogg'));
  return { rawBody: BODY, headers, secretFor: (s) => SECRETS[s], nowMs: NOW_MS, ...over };
}

describe('the generic webhook signature', () => {
  describe('when the request is signed with the source’s secret', () => {
    it('is accepted and names the source', () => {
      expect(verifyGenericSignature(request())).toEqual({ ok: true, source: 'hofors-blogg' });
    });
    it('is accepted 300 s after signing, and 300 s before (clock skew)', () => {
      expect(verifyGenericSignature(request({ signedAt: NOW_S - 300 })).ok).toBe(true);
      expect(verifyGenericSignature(request({ signedAt: NOW_S + 300 })).ok).toBe(true);
    });
    it('accepts an uppercase hex signature', () => {
      const r = request();
      expect(verifyGenericSignature({ ...r, headers: { ...r.headers, signature: `v1=${r.headers.signature!.slice(3).toUpperCase()}` } }).ok).toBe(true);
    });
  });

  describe('signGeneric', () => {
    it('computes the same signature as the shell example in the doc (printf | openssl dgst -hmac)', () => {
      const body = '{"account":"hofors-blogg","external_id":"c-1","author":"Anna","text":"Hej!","received_at":"2026-11-25T09:14:00+01:00"}';
      expect(signGeneric(Buffer.from(body), 'hemligheten-från-svarstid', 1764058440)).toEqual({
        'X-Svarstid-Timestamp': '1764058440',
        'X-Svarstid-Signature': 'v1=71a0d8502128de3f726d06379657583c69fcee2dd5c6f81686a2e7577106ac04',
      });
    });
    it('adds the source header when given one, and signs a string body like its bytes', () => {
      expect(signGeneric(BODY.toString(), 'k', 1, 'hofors-blogg')).toEqual({ ...signGeneric(BODY, 'k', 1), 'X-Svarstid-Source': 'hofors-blogg' });
    });
    it('refuses a timestamp that is not whole seconds', () => {
      expect(() => signGeneric(BODY, 'k', 1.5)).toThrow(RangeError);
    });
  });

  describe('when the request is refused', () => {
    const refused = (input: VerifyGenericSignatureInput) => {
      const r = verifyGenericSignature(input);
      if (r.ok) throw new Error('expected the request to be refused');
      return r;
    };

    it('because it was signed with another secret', () => {
      expect(refused(request({ secret: SECRETS['nassjo-chatt']! }))).toEqual({ ok: false, reason: 'bad_signature', message: 'signature does not match the body for source "hofors-blogg"' });
    });
    it('because the body was changed after signing', () => {
      const tampered = Buffer.from(BODY.toString().replace('Hej!', 'Hej!!'));
      expect(refused(request({ rawBody: tampered })).reason).toBe('bad_signature');
    });
    it('because a signature from another source is replayed under this source’s name', () => {
      const r = request();
      const other = genericHeadersFrom(signGeneric(BODY, SECRETS['nassjo-chatt']!, NOW_S, 'nassjo-chatt'));
      expect(refused({ ...r, headers: { ...other, source: 'hofors-blogg' } }).reason).toBe('bad_signature');
    });
    it('because the signature is not v1= and 64 hex digits', () => {
      for (const signature of ['v0=abc', 'v1=' + 'g'.repeat(64), 'v1=' + 'a'.repeat(63), 'a'.repeat(64)]) {
        const r = request();
        expect(refused({ ...r, headers: { ...r.headers, signature } })).toMatchObject({ reason: 'bad_signature', message: 'X-Svarstid-Signature is not "v1=" followed by 64 hex digits' });
      }
    });
    it('because the source is unknown (or has an empty secret)', () => {
      const r = request();
      expect(refused({ ...r, headers: { ...r.headers, source: 'okand-blogg' } })).toEqual({ ok: false, reason: 'unknown_source', message: 'unknown source "okand-blogg"' });
      expect(refused({ ...r, secretFor: () => '' }).reason).toBe('unknown_source');
    });
    it.each(['HOFORS-BLOGG', 'hofors_blogg', 'Hofors-Blogg', 'hofors-blogg-', 'hofors blogg'])('because %s is not the canonical name, before any secret is looked up', (source) => {
      const r = request();
      // a lookup that would find hofors-blogg's secret under any spelling, as the environment variable's name does
      const looked: string[] = [];
      const lenient = (s: string) => (looked.push(s), SECRETS[s.toLowerCase().replace(/_/g, '-')]);
      const signed = genericHeadersFrom(signGeneric(BODY, SECRETS['hofors-blogg']!, NOW_S, source));
      expect(refused({ ...r, headers: signed, secretFor: lenient }).reason).toBe('unknown_source');
      expect(looked).toEqual([]);
    });
    it('because headers are missing, naming each one', () => {
      const r = request();
      const without = (h: GenericSignatureHeaders) => refused({ ...r, headers: h });
      expect(without({ ...r.headers, source: undefined })).toEqual({ ok: false, reason: 'missing_headers', message: 'missing header X-Svarstid-Source' });
      expect(without({ ...r.headers, signature: '  ' }).message).toBe('missing header X-Svarstid-Signature');
      expect(without({})).toEqual({ ok: false, reason: 'missing_headers', message: 'missing headers X-Svarstid-Source, X-Svarstid-Timestamp, X-Svarstid-Signature' });
    });
    it('because the timestamp was signed 301 s ago (a replay)', () => {
      expect(refused(request({ signedAt: NOW_S - 301 }))).toEqual({ ok: false, reason: 'stale_timestamp', message: 'timestamp 1795594139 is 301 s old; at most 300 s are allowed (replay?)' });
    });
    it('because the timestamp is 301 s in the future', () => {
      expect(refused(request({ signedAt: NOW_S + 301 })).reason).toBe('future_timestamp');
    });
    it('because the timestamp is outside a custom tolerance', () => {
      expect(refused(request({ signedAt: NOW_S - 61, toleranceSeconds: 60 })).reason).toBe('stale_timestamp');
    });
    it('because the timestamp is not Unix seconds', () => {
      for (const timestamp of ['2026-11-25T09:14:00Z', '1764058440.5', '-5', '1764058440000000000']) {
        const r = request();
        expect(refused({ ...r, headers: { ...r.headers, timestamp } }).reason).toBe('malformed_timestamp');
      }
    });
  });

  describe('genericHeadersFrom', () => {
    it('reads Node’s lowercase header map and joins a repeated header', () => {
      expect(genericHeadersFrom({ 'x-svarstid-source': 'a', 'x-svarstid-timestamp': '1', 'x-svarstid-signature': ['v1=x', 'v1=y'], host: 'h' })).toEqual({
        source: 'a',
        timestamp: '1',
        signature: 'v1=x, v1=y',
      });
      expect(GENERIC_HEADERS.signature).toBe('X-Svarstid-Signature');
    });
  });
});
