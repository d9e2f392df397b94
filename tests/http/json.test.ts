import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds, MAX_JSON_DEPTH, parseJson } from '../../src/http/json.js';

describe('JSON from a client', () => {
  describe('the depth scan', () => {
    it('counts objects and arrays, up to the limit and one past it', () => {
      expect(jsonDepthExceeds('['.repeat(64) + ']'.repeat(64), 64)).toBe(false);
      expect(jsonDepthExceeds('['.repeat(65) + ']'.repeat(65), 64)).toBe(true);
      expect(jsonDepthExceeds('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
      expect(jsonDepthExceeds('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    });
    it('does not count brackets inside strings, nor after escaped quotes', () => {
      expect(jsonDepthExceeds(JSON.stringify({ text: '['.repeat(1000) }), 2)).toBe(false);
      expect(jsonDepthExceeds(JSON.stringify({ text: `\\"${'{'.repeat(1000)}\\\\` }), 2)).toBe(false);
      expect(jsonDepthExceeds('["\\\\", [[[]]]]', 3)).toBe(true);
    });
    it('scans 5,000 levels and a megabyte without recursion', () => {
      expect(jsonDepthExceeds('['.repeat(5_000), MAX_JSON_DEPTH)).toBe(true);
      expect(jsonDepthExceeds(`[${'1,'.repeat(500_000)}1]`, MAX_JSON_DEPTH)).toBe(false);
    });
  });
  describe('parsing', () => {
    it('refuses too deep JSON before parsing it', () => {
      expect(parseJson('['.repeat(5_000) + ']'.repeat(5_000))).toEqual({ ok: false, error: 'too_deep', message: 'the JSON nests objects and arrays deeper than 64 levels' });
    });
    it('refuses a byte order mark and malformed JSON, naming the problem', () => {
      expect(parseJson('\ufeff{}')).toMatchObject({ ok: false, error: 'malformed_json', message: expect.stringMatching(/byte order mark/) });
      expect(parseJson('{"a":')).toMatchObject({ ok: false, error: 'malformed_json', message: expect.stringMatching(/^the body is not valid JSON: /) });
    });
    it('parses the rest; __proto__ stays an own key', () => {
      const r = parseJson('{"__proto__": {"polluted": true}}');
      expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});
