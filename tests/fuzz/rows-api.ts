/**
 * Rows against the REST API (with and without the token), the deadline API, health and paths no
 * route serves: malformed percent-encoding (item 2), control characters, ids past the columns' range,
 * instants past the calendars' range (item 5).
 */
import { expect } from 'vitest';
import { api, get, post, type Case } from './case.js';

const D = '/api/deadline?organization=hofors&channel=facebook&at=';

export const PATHS: Case[] = [
  { name: 'item 2: a truncated percent-escape', send: api('/api/inquiries/%E0%A4%A'), status: 400, error: 'bad_path_encoding' },
  { name: 'item 2: a lone percent sign', send: api('/api/inquiries/%'), status: 400, error: 'bad_path_encoding' },
  { name: 'a percent-escape that is not hex', send: api('/api/inquiries/%zz'), status: 400, error: 'bad_path_encoding' },
  { name: 'an encoded NUL in the path', send: api('/api/inquiries/%00'), status: 400, error: 'bad_path' },
  { name: 'an encoded newline after the id', send: api('/api/inquiries/1%0A'), status: 400, error: 'bad_path' },
  { name: 'an encoded DEL', send: api('/api/inquiries/%7F'), status: 400, error: 'bad_path' },
  { name: 'an encoded C1 control (U+0085)', send: api('/api/inquiries/%C2%85'), status: 400, error: 'bad_path' },
  { name: 'an encoded lone surrogate', send: api('/api/inquiries/%ED%A0%80'), status: 400, error: 'bad_path_encoding' },
  { name: 'overlong UTF-8 for "/"', send: api('/api/inquiries/%C0%AF'), status: 400, error: 'bad_path_encoding' },
  { name: 'a code point past U+10FFFF', send: api('/api/inquiries/%F4%90%80%80'), status: 400, error: 'bad_path_encoding' },
  { name: 'a bare continuation byte', send: api('/api/inquiries/%80'), status: 400, error: 'bad_path_encoding' },
  { name: 'a byte order mark before the id', send: api('/api/inquiries/%EF%BB%BF1'), status: 400, error: 'bad_id' },
  { name: 'malformed encoding without a token (no route needs the token to refuse it)', send: get('/api/inquiries/%E0%A4%A'), status: 400, error: 'bad_path_encoding' },
  { name: 'an id of 20 digits', send: api('/api/inquiries/99999999999999999999'), status: 400, error: 'bad_id' },
  { name: 'an id past 2^53', send: api('/api/inquiries/9007199254740993'), status: 400, error: 'bad_id' },
  { name: 'id 0', send: api('/api/inquiries/0'), status: 400, error: 'bad_id' },
  { name: 'a negative id', send: api('/api/inquiries/-1'), status: 400, error: 'bad_id' },
  { name: 'a fractional id', send: api('/api/inquiries/1.5'), status: 400, error: 'bad_id' },
  { name: 'an id in exponent form', send: api('/api/inquiries/1e3'), status: 400, error: 'bad_id' },
  { name: 'a hexadecimal id', send: api('/api/inquiries/0x10'), status: 400, error: 'bad_id' },
  { name: 'an encoded slash in the id', send: api('/api/inquiries/1%2F2'), status: 400, error: 'bad_id' },
  { name: 'an id that does not exist', send: api('/api/inquiries/123456789'), status: 404, error: 'not_found' },
  { name: 'the largest id', send: api('/api/inquiries/9007199254740991'), status: 404, error: 'not_found' },
];

export const QUERIES: Case[] = [
  { name: 'item 2: organization=%00', send: api('/api/inquiries?organization=%00'), status: 400, error: 'bad_query' },
  { name: 'organization with a lone surrogate', send: api('/api/inquiries?organization=%ED%A0%80'), status: 400, error: 'bad_query_encoding' },
  { name: 'organization=%', send: api('/api/inquiries?organization=%'), status: 400, error: 'bad_query_encoding' },
  { name: 'a malformed escape in a parameter name', send: api('/api/inquiries?%zz=1'), status: 400, error: 'bad_query_encoding' },
  { name: 'state with a control character', send: api('/api/inquiries?state=open%01'), status: 400, error: 'bad_query' },
  { name: 'a tab in a value', send: api('/api/inquiries?organization=hofors%09'), status: 400, error: 'bad_query' },
  { name: 'account past the int4 column', send: api('/api/inquiries?account=99999999999'), status: 400, error: 'bad_filter' },
  { name: 'the largest account id', send: api('/api/inquiries?account=2147483647'), status: 200 },
  { name: 'before past 2^53', send: api('/api/inquiries?before=9007199254740993'), status: 400, error: 'bad_filter' },
  { name: 'limit 0', send: api('/api/inquiries?limit=0'), status: 400, error: 'bad_filter' },
  { name: 'limit in exponent form', send: api('/api/inquiries?limit=1e3'), status: 400, error: 'bad_filter' },
  { name: 'a limit of 100000 (over 1000: refused, not cut)', send: api('/api/inquiries?limit=100000'), status: 400, error: 'bad_filter' },
  { name: 'a limit of 1001', send: api('/api/inquiries?limit=1001'), status: 400, error: 'bad_filter' },
  { name: 'a limit of 1000', send: api('/api/inquiries?limit=1000'), status: 200 },
  { name: 'an unknown state', send: api('/api/inquiries?state=nonsense'), status: 400, error: 'bad_filter' },
  { name: 'overdue=maybe', send: api('/api/inquiries?overdue=maybe'), status: 400, error: 'bad_filter' },
  { name: 'an organization of 10 KB', send: api(`/api/inquiries?organization=${'a'.repeat(10_000)}`), status: 200 },
  { name: 'an organization with quotes and SQL', send: api("/api/inquiries?organization=hofors'%20OR%201=1--"), status: 200 },
  { name: 'organization twice', send: api('/api/inquiries?organization=a&organization=b'), status: 200 },
  { name: 'empty pairs and names', send: api('/api/inquiries?&&=&=x&'), status: 200 },
  { name: 'unknown parameters', send: api('/api/inquiries?__proto__=1&constructor=2'), status: 200 },
  { name: 'the API without a token', send: get('/api/inquiries'), status: 401, error: 'unauthorized' },
  { name: 'the API with a wrong token', send: get('/api/inquiries', [['Authorization', 'Bearer wrong']]), status: 401, error: 'unauthorized' },
  { name: 'the API with "Bearer" and nothing', send: get('/api/inquiries', [['Authorization', 'Bearer']]), status: 401, error: 'unauthorized' },
  { name: 'the API with Basic auth', send: get('/api/inquiries', [['Authorization', 'Basic YTpi']]), status: 401, error: 'unauthorized' },
  { name: 'the API with a 15 KB token', send: get('/api/inquiries', [['Authorization', `Bearer ${'t'.repeat(15_000)}`]]), status: 401, error: 'unauthorized' },
  { name: 'the API with two Authorization headers', send: get('/api/inquiries', [['Authorization', 'Bearer wrong'], ['Authorization', 'Bearer also-wrong']]), status: 400, error: 'duplicate_header' },
  { name: 'an inquiry without a token', send: get('/api/inquiries/1'), status: 401, error: 'unauthorized' },
];

export const DEADLINES: Case[] = [
  { name: 'item 5: at=9999-12-31T23:00:00Z', send: get(`${D}9999-12-31T23:00:00Z`), status: 400, error: 'instant_out_of_range', message: /^at: .* between 1901-01-01T00:00:00Z and 9989-12-31T23:59:59.999Z/ },
  { name: 'at in the year 0050 (not 1950)', send: get(`${D}0050-06-01T10:00:00Z`), status: 400, error: 'instant_out_of_range', message: /0050-06-01T10:00:00Z/ },
  { name: 'at in the year 0000', send: get(`${D}0000-01-01T00:00:00Z`), status: 400, error: 'instant_out_of_range' },
  { name: 'at on the first day of 1900', send: get(`${D}1900-01-01T00:00:00Z`), status: 400, error: 'instant_out_of_range' },
  { name: 'at in the year 9989 (the end of the range)', send: get(`${D}9989-06-01T10:00:00Z`), status: 200 },
  { name: 'at in 1901 (the start of the range)', send: get(`${D}1901-06-03T10:00:00%2B01:00`), status: 200 },
  { name: 'at in the extended year +275760', send: get(`${D}%2B275760-09-13T00:00:00Z`), status: 400 },
  { name: 'at = 1e308', send: get(`${D}1e308`), status: 400, error: 'bad_instant' },
  { name: 'at on 30 February', send: get(`${D}2026-02-30T10:00:00Z`), status: 400, error: 'bad_instant' },
  { name: 'at with an offset of +25:00', send: get(`${D}2026-11-25T10:00:00%2B25:00`), status: 400, error: 'bad_instant' },
  { name: 'at with a NUL', send: get(`${D}2026-11-25T10:00:00Z%00`), status: 400, error: 'bad_query' },
  { name: 'at of 10 KB', send: get(`${D}${'9'.repeat(10_000)}`), status: 400, error: 'bad_instant' },
  { name: 'the deadline of an instant with the offset +00:60', send: get(`${D}2026-01-01T10:00:00%2B00:60`), status: 400 },
  { name: 'a channel the policy lacks', send: get('/api/deadline?organization=hofors&channel=twitter&at=2026-11-25T10:00:00Z'), status: 400, error: 'unknown_channel' },
  { name: 'an unknown organization', send: get('/api/deadline?organization=nowhere&channel=x&at=2026-11-25T10:00:00Z'), status: 404, error: 'unknown_organization' },
  { name: 'organization=__proto__', send: get('/api/deadline?organization=__proto__&channel=x&at=2026-11-25T10:00:00Z'), status: 404, error: 'unknown_organization' },
  { name: 'missing parameters', send: get('/api/deadline'), status: 400, error: 'missing_parameter' },
  { name: 'a good question', send: get('/api/deadline?organization=hofors&channel=x&at=2026-11-25T10:00:00%2B01:00'), status: 200 },
];

export const HEALTH_AND_UNKNOWN: Case[] = [
  { name: '/healthz', send: get('/healthz'), status: 200 },
  { name: '/health without a token names no organizations', send: get('/health'), status: 200, check: (a) => expect(a.json.organizations).toBeUndefined() },
  { name: '/health with a query', send: get('/health?verbose=1'), status: 200 },
  { name: 'POST /healthz', send: post('/healthz', '{}'), status: 405, error: 'method_not_allowed' },
  { name: '/healthz with a malformed query', send: get('/healthz?%'), status: 400, error: 'bad_query_encoding' },
  { name: 'an unknown path', send: get('/nowhere'), status: 404, error: 'not_found' },
  { name: '/api alone', send: get('/api'), status: 404, error: 'not_found' },
  { name: 'a trailing slash', send: get('/webhooks/meta/'), status: 404, error: 'not_found' },
  { name: 'an inquiry sub-path', send: get('/api/inquiries/1/events'), status: 404, error: 'not_found' },
  { name: '/.env', send: get('/.env'), status: 404, error: 'not_found' },
  { name: '/', send: get('/'), status: 404, error: 'not_found' },
  { name: 'a path of 2,000 segments', send: get(`/${'a/'.repeat(2_000)}`), status: 404, error: 'not_found' },
  { name: 'an encoded route name matches its decoded form', send: get('/health%7A'), status: 200 },
  { name: 'a case-changed route', send: get('/HEALTHZ'), status: 404, error: 'not_found' },
];

/** A POST to an inquiry action with the API token. */
const act = (path: string, body: string | object, method = 'POST') => (f: Parameters<Case['send']>[0]) => post(path, body, { headers: Object.entries(f.sign.token()), method })(f);

/** The inquiry actions (claim … hide, remove, police_report, secure): bodies that are not what they should be. */
export const ACTIONS: Case[] = [
  { name: 'hide: a body that is not JSON', send: act('/api/inquiries/1/hide', '{'), status: 400, error: 'malformed_json' },
  { name: 'hide: a JSON array', send: act('/api/inquiries/1/hide', []), status: 400, error: 'invalid_payload' },
  { name: 'hide: as is a number', send: act('/api/inquiries/1/hide', { as: 5, reason: 'spam' }), status: 400, error: 'invalid_payload' },
  { name: 'remove: an unknown reason, on an inquiry that does not exist (looked up first)', send: act('/api/inquiries/1/remove', { as: 'hofors/erik.lind', reason: 'nonsense' }), status: 404, error: 'not_found' },
  { name: 'remove: a person named without the organization (an admin token)', send: act('/api/inquiries/1/remove', { as: 'erik.lind', reason: 'spam' }), status: 400, error: 'invalid_payload', message: /ORGANIZATION\/KEY/ },
  { name: 'remove: a note of 100 KB', send: act('/api/inquiries/1/remove', { as: 'hofors/erik.lind', reason: 'spam', note: 'n'.repeat(100_000) }), status: 400, error: 'invalid_payload' },
  { name: 'police_report: made is not a boolean', send: act('/api/inquiries/1/police_report', { as: 'hofors/erik.lind', made: 'maybe' }), status: 400, error: 'invalid_payload' },
  { name: 'secure: as is an object with __proto__', send: act('/api/inquiries/1/secure', '{"as":{"__proto__":{"x":1}}}'), status: 400, error: 'invalid_payload' },
  { name: 'hide: an inquiry that does not exist', send: act('/api/inquiries/123456789/hide', { as: 'hofors/erik.lind', reason: 'spam' }), status: 404, error: 'not_found' },
  { name: 'an action nobody offers', send: act('/api/inquiries/1/nuke', {}), status: 404, error: 'not_found' },
  { name: 'hide with GET', send: act('/api/inquiries/1/hide', '', 'GET'), status: 405, error: 'method_not_allowed' },
  { name: 'hide without a token', send: post('/api/inquiries/1/hide', { as: 'hofors/erik.lind', reason: 'spam' }), status: 401, error: 'unauthorized' },
];
