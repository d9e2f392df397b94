import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerCrc } from '../../../../adapters/sources/x/crc.js';

const SECRET = 'hofors-consumer-secret';

describe('answering the challenge-response check (GET ?crc_token=…)', () => {
  describe('when a crc_token is given', () => {
    it('answers 200 with sha256= and the base64 HMAC-SHA256 of the token, keyed with the consumer secret', () => {
      const token = 'Mjc3NzU5MzQ2Nzk5MjI3NTIxNg';
      const expected = `sha256=${createHmac('sha256', SECRET).update(token).digest('base64')}`;
      expect(answerCrc(new URLSearchParams({ crc_token: token }), SECRET)).toEqual({ status: 200, body: { response_token: expected } });
    });
    it('matches a known vector (computed once with openssl dgst -sha256 -hmac)', () => {
      expect(answerCrc(new URLSearchParams('crc_token=challenge-token-7f3a'), SECRET)).toEqual({
        status: 200,
        body: { response_token: 'sha256=M0j+46xj55jquPs207cvZgqosqvZI815FPQ+6ngZkcg=' },
      });
    });
    it('ignores other query parameters', () => {
      const query = new URL('https://svarstid.example/webhooks/x?nonce=42&crc_token=challenge-token-7f3a').searchParams;
      expect(answerCrc(query, SECRET)).toMatchObject({ body: { response_token: 'sha256=M0j+46xj55jquPs207cvZgqosqvZI815FPQ+6ngZkcg=' } });
    });
    it('gives a different token for a different consumer secret', () => {
      const a = answerCrc(new URLSearchParams('crc_token=abc'), SECRET);
      const b = answerCrc(new URLSearchParams('crc_token=abc'), 'another-secret');
      expect(a).not.toEqual(b);
    });
  });

  describe('when the crc_token is missing or empty', () => {
    it.each([
      ['missing', ''],
      ['empty', 'crc_token='],
      ['misspelled', 'crc-token=abc'],
    ])('answers 400 with a stable error code when it is %s', (_case, query) => {
      expect(answerCrc(new URLSearchParams(query), SECRET)).toEqual({
        status: 400,
        error: 'crc_token_missing',
        message: 'the crc_token query parameter is required',
      });
    });
  });

  describe('when the crc_token could be a delivery (the answer would sign it)', () => {
    const body = '{"for_user_id":"1400000000000000001","tweet_create_events":[{"id_str":"66600001","text":"@hoforskommun FORGED"}]}';
    it.each([
      ['a JSON delivery body', body],
      ['a body with a space', 'abc def'],
      ['257 characters', 'a'.repeat(257)],
      ['a non-ASCII letter', 'å'],
    ])('refuses %s with 400 crc_token_invalid and signs nothing', (_case, token) => {
      expect(answerCrc(new URLSearchParams({ crc_token: token }), SECRET)).toEqual({
        status: 400,
        error: 'crc_token_invalid',
        message: 'crc_token must be given once, as up to 256 base64 or base64url characters',
      });
    });
    it('refuses a repeated crc_token', () => {
      expect(answerCrc(new URLSearchParams('crc_token=abc&crc_token=def'), SECRET)).toMatchObject({ status: 400, error: 'crc_token_invalid' });
    });
    it('answers base64 and base64url tokens of up to 256 characters', () => {
      for (const token of ['Mjc3NzU5MzQ2Nzk5MjI3NTIxNg==', 'a-b_c+d/e=', 'a'.repeat(256)]) expect(answerCrc(new URLSearchParams({ crc_token: token }), SECRET).status).toBe(200);
    });
  });
});
