import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../src/http/request-target.js';

const ok = (raw: string) => {
  const r = parseRequestTarget(raw);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.response.body)}`);
  return r.target;
};
const refused = (raw: string) => {
  const r = parseRequestTarget(raw);
  if (r.ok) throw new Error(`accepted ${raw}`);
  return { status: r.response.status, ...(r.response.body as { error: string; message: string }) };
};

describe('the request target', () => {
  describe('when it is well formed', () => {
    it('splits the origin form into decoded segments and a query', () => {
      const t = ok('/api/inquiries/%C3%A4?organization=hofors&state=open+x&empty');
      expect(t.path).toBe('/api/inquiries/%C3%A4');
      expect(t.segments).toEqual(['api', 'inquiries', 'ä']);
      expect([...t.query]).toEqual([['organization', 'hofors'], ['state', 'open x'], ['empty', '']]);
    });
    it('takes the path and query of the absolute form, ignoring its host', () => {
      const t = ok('http://evil.example:8080/healthz?a=1');
      expect(t.segments).toEqual(['healthz']);
      expect(t.query.get('a')).toBe('1');
    });
    it('keeps dot segments and double slashes as they are (no route matches them)', () => {
      expect(ok('/api/../healthz').segments).toEqual(['api', '..', 'healthz']);
      expect(ok('//healthz').segments).toEqual(['', 'healthz']);
    });
    it('drops a fragment', () => {
      expect(ok('/healthz?a=1#top').query.get('a')).toBe('1');
      expect(ok('/healthz#top').segments).toEqual(['healthz']);
    });
  });

  describe('when it is not', () => {
    it.each([
      ['http://[', 'bad_request_target'],
      ['*', 'bad_request_target'],
      ['example.com:443', 'bad_request_target'],
      ['ftp://example.com/', 'bad_request_target'],
      ['/a\u00e4', 'bad_request_target'],
      ['/api/inquiries/%E0%A4%A', 'bad_path_encoding'],
      ['/api/inquiries/%', 'bad_path_encoding'],
      ['/api/inquiries/%ED%A0%80', 'bad_path_encoding'],
      ['/api/inquiries/%C0%AF', 'bad_path_encoding'],
      ['/api/inquiries/%00', 'bad_path'],
      ['/api/inquiries/%C2%9F', 'bad_path'],
      ['/api/inquiries?organization=%00', 'bad_query'],
      ['/api/inquiries?organization=%ED%A0%80', 'bad_query_encoding'],
      ['/api/inquiries?%zz=1', 'bad_query_encoding'],
    ])('%s is a 400 %s', (raw, error) => {
      expect(refused(raw)).toMatchObject({ status: 400, error });
    });
    it('names the segment or parameter and the character', () => {
      expect(refused('/api/inquiries/%E0%A4%A').message).toBe('the path segment "%E0%A4%A" is not valid percent-encoded UTF-8 (write each byte as %XX with two hex digits)');
      expect(refused('/api/inquiries?organization=%00').message).toBe('the query parameter "organization" contains the control character U+0000, which no value svarstid reads can contain');
    });
  });
});
