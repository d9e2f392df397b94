import { describe, expect, it } from 'vitest';
import { answerVerification } from '../../../../adapters/sources/meta/index.js';
import { metaRoutes } from '../../../../adapters/sources/meta/routes.js';
import type { IngestPort } from '../../../../src/app.js';
import type { HttpRequest } from '../../../../src/http/routes.js';

const TOKEN = 'svarstid-verify-7d2e';
const query = (params: Record<string, string>) => new URLSearchParams(params);
const handshake = { 'hub.mode': 'subscribe', 'hub.verify_token': TOKEN, 'hub.challenge': '1158201444' };

describe('the subscription handshake (GET)', () => {
  describe('when mode is subscribe and the verify token is ours', () => {
    it('answers 200 with the challenge, unchanged', () => {
      expect(answerVerification(query(handshake), TOKEN)).toEqual({ status: 200, body: '1158201444' });
    });
  });

  describe('when the verify token is wrong', () => {
    it('answers 403 verify_token_mismatch', () => {
      expect(answerVerification(query({ ...handshake, 'hub.verify_token': 'gissning' }), TOKEN)).toEqual({
        status: 403,
        error: 'verify_token_mismatch',
        message: 'hub.verify_token does not match the configured verify token',
      });
    });
    it('answers 403 to a prefix of the right token', () => {
      expect(answerVerification(query({ ...handshake, 'hub.verify_token': TOKEN.slice(0, -1) }), TOKEN)).toMatchObject({ status: 403 });
    });
  });

  describe('when no verify token is configured (empty)', () => {
    it('answers 403 to any token', () => {
      expect(answerVerification(query(handshake), '')).toMatchObject({ status: 403, error: 'verify_token_mismatch' });
    });
  });

  describe('when parameters are missing', () => {
    it.each(['hub.mode', 'hub.verify_token', 'hub.challenge'])('answers 400 naming %s', (name) => {
      const params: Record<string, string> = { ...handshake };
      delete params[name];
      expect(answerVerification(query(params), TOKEN)).toEqual({
        status: 400,
        error: 'verification_incomplete',
        message: `missing query parameter(s): ${name}`,
      });
    });
    it('answers 400 naming all of them when the query is empty', () => {
      expect(answerVerification(query({}), TOKEN)).toMatchObject({
        status: 400,
        message: 'missing query parameter(s): hub.mode, hub.verify_token, hub.challenge',
      });
    });
    it('treats an empty value as missing', () => {
      expect(answerVerification(query({ ...handshake, 'hub.challenge': '' }), TOKEN)).toMatchObject({ status: 400 });
    });
  });

  describe('when the mode is not subscribe', () => {
    it('answers 400 verification_unsupported_mode', () => {
      expect(answerVerification(query({ ...handshake, 'hub.mode': 'unsubscribe' }), TOKEN)).toEqual({
        status: 400,
        error: 'verification_unsupported_mode',
        message: 'hub.mode must be "subscribe", not "unsubscribe"',
      });
    });
  });

  describe('what is never echoed', () => {
    it.each(['<html><script>alert(1)</script>', '1'.repeat(257), '12 34', 'a"b', 'å'])('a challenge of %j: 400 verification_bad_challenge', (challenge) => {
      expect(answerVerification(query({ ...handshake, 'hub.challenge': challenge }), TOKEN)).toMatchObject({ status: 400, error: 'verification_bad_challenge' });
    });
    it('a challenge of 256 safe characters is echoed', () => {
      expect(answerVerification(query({ ...handshake, 'hub.challenge': 'a_-9'.repeat(64) }), TOKEN)).toEqual({ status: 200, body: 'a_-9'.repeat(64) });
    });
    it.each(['hub.verify_token', 'hub.challenge', 'hub.mode'])('a repeated %s: 400, not judged by its first value', (name) => {
      const q = query(handshake);
      q.append(name, 'w');
      expect(answerVerification(q, TOKEN)).toMatchObject({ status: 400, error: 'verification_repeated_parameter', message: `query parameter(s) given more than once: ${name}` });
    });
  });

  it('the route answers the challenge as text/plain with X-Content-Type-Options: nosniff', async () => {
    const get = metaRoutes({ verifyToken: TOKEN }, {} as IngestPort).find((r) => r.method === 'GET')!;
    const res = await get.handle({ query: query(handshake), headers: {} } as unknown as HttpRequest);
    expect(res).toEqual({ status: 200, text: '1158201444', headers: { 'x-content-type-options': 'nosniff' } });
  });
});
