/**
 * Rows against the HTTP layer itself: request lines and targets, framing (the request-smuggling
 * shapes), headers, sizes and slow clients. Raw bytes, so that nothing normalizes them on the way.
 */
import { chunked, get, raw, request, slow, type Case } from './case.js';
import { sendRaw } from './raw-client.js';

const H = 'Host: 127.0.0.1\r\n';
const line = (l: string, headers = H) => raw(`${l}\r\n${headers}\r\n`);
const framing = (headers: string, body = '') => raw(`POST /webhooks/generic HTTP/1.1\r\n${H}Content-Type: application/json\r\n${headers}\r\n${body}`);

export const REQUEST_LINE: Case[] = [
  { name: 'item 1: GET http://[ HTTP/1.1', send: line('GET http://[ HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'absolute form with an empty host', send: line('GET http:// HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'absolute form with a bad port', send: line('GET http://example.com:99999/healthz HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'absolute form with a percent-encoded host', send: line('GET http://%zz/healthz HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'absolute form of a real route', send: line('GET http://example.com/healthz HTTP/1.1'), status: 200 },
  { name: 'absolute form, https, with user info', send: line('GET https://user:pw@example.com/healthz HTTP/1.1'), status: 200 },
  { name: 'an ftp: absolute form', send: line('GET ftp://example.com/healthz HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'asterisk form on GET', send: line('GET * HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'asterisk form on OPTIONS', send: line('OPTIONS * HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'a target without a leading slash', send: line('GET healthz HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'authority form on GET', send: line('GET example.com:443 HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'double slash (no host is read from it)', send: line('GET //healthz HTTP/1.1'), status: 404, error: 'not_found' },
  { name: 'dot segments are not resolved', send: line('GET /api/../healthz HTTP/1.1'), status: 404, error: 'not_found' },
  { name: 'encoded dot segments', send: line('GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1'), status: 404, error: 'not_found' },
  { name: 'a fragment in the target', send: line('GET /healthz#top HTTP/1.1'), status: 200 },
  { name: 'an empty query', send: line('GET /healthz? HTTP/1.1'), status: 200 },
  { name: 'a space in the path', send: line('GET /a b HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'a control byte in the path', send: line('GET /a\u0001b HTTP/1.1'), status: 400, error: 'bad_request_target' },
  { name: 'a raw UTF-8 byte in the path', send: raw(Buffer.from(`GET /api/inquiries/\u00e4 HTTP/1.1\r\n${H}\r\n`, 'utf8')), status: 400, error: 'bad_request_target' },
  { name: 'a lowercase method', send: line('get /healthz HTTP/1.1'), status: 400, error: 'bad_method' },
  { name: 'an unknown method', send: line('FOO /healthz HTTP/1.1'), status: 400, error: 'bad_method' },
  { name: 'PUT on a GET route', send: line('PUT /healthz HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'DELETE on an inquiry', send: line('DELETE /api/inquiries/1 HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'PATCH on a webhook', send: line('PATCH /webhooks/meta HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'OPTIONS (no CORS preflight is served)', send: line('OPTIONS /api/inquiries HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'TRACE', send: line('TRACE /healthz HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'PROPFIND', send: line('PROPFIND /healthz HTTP/1.1'), status: 405, error: 'method_not_allowed' },
  { name: 'CONNECT', send: line('CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443\r\n'), status: 405, error: 'method_not_allowed' },
  { name: 'the HTTP/2 preface', send: raw('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), status: 400 },
  { name: 'a TLS ClientHello on the plain port', send: raw(Buffer.from('16030100a5010000a10303', 'hex')), status: 400, error: 'bad_method' },
  { name: 'HTTP/1.0 without Host', send: raw('GET /healthz HTTP/1.0\r\n\r\n'), status: 200 },
  { name: 'HTTP/1.1 without Host', send: raw('GET /healthz HTTP/1.1\r\n\r\n'), status: 400, error: 'missing_host' },
  { name: 'HTTP/0.9 style line', send: raw('GET /healthz\r\n\r\n'), status: 200 },
  { name: 'HTTP/3.0', send: line('GET /healthz HTTP/3.0'), status: 400, error: 'bad_http_version' },
  { name: 'HTTP/1.10', send: line('GET /healthz HTTP/1.10'), status: 400, error: 'bad_http_version' },
  { name: 'bare LF line ends', send: raw('GET /healthz HTTP/1.1\nHost: x\n\n'), status: 400 },
  { name: 'an empty line before the request', send: raw(`\r\nGET /healthz HTTP/1.1\r\n${H}\r\n`), status: 200 },
  { name: 'a request line of 100 KB', send: line(`GET /${'a'.repeat(100_000)} HTTP/1.1`), status: 431, error: 'headers_too_large' },
  { name: 'a query of 100 KB', send: line(`GET /healthz?q=${'a'.repeat(100_000)} HTTP/1.1`), status: 431, error: 'headers_too_large' },
  { name: 'pipelined: a good request, then item 1', send: raw(`GET /healthz HTTP/1.1\r\n${H}\r\nGET http://[ HTTP/1.1\r\n${H}\r\n`), status: 200 },
  { name: 'pipelined: three requests at once', send: raw(`GET /healthz HTTP/1.1\r\n${H}\r\n`.repeat(3)), status: 200 },
  { name: 'an empty Host on HTTP/1.1', send: raw('GET /healthz HTTP/1.1\r\nHost:\r\n\r\n'), status: 400, error: 'missing_host' },
  { name: 'HTTP/1.0 with keep-alive', send: raw('GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'), status: 200 },
  { name: 'more body than Content-Length (the rest is a bad next request)', send: raw(`POST /healthz HTTP/1.1\r\n${H}Content-Length: 2\r\n\r\n{}GARBAGE\r\n\r\n`), status: 405, error: 'method_not_allowed' },
  { name: 'an encoded slash joining two route segments', send: line('GET /webhooks%2Fmeta HTTP/1.1'), status: 404, error: 'not_found' },
  { name: 'only slashes', send: line('GET ///// HTTP/1.1'), status: 404, error: 'not_found' },
  { name: '3,000 query parameters', send: line(`GET /healthz?${'a=1&'.repeat(3_000)} HTTP/1.1`), status: 200 },
  { name: 'a header name of 10 KB', send: raw(`GET /healthz HTTP/1.1\r\n${H}X-${'n'.repeat(10_000)}: 1\r\n\r\n`), status: 200 },
  { name: 'garbage bytes only', send: raw(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0d, 0x0a, 0x0d, 0x0a])), status: 400 },
];

export const FRAMING: Case[] = [
  { name: 'Content-Length and Transfer-Encoding together (CL.TE)', send: framing('Content-Length: 5\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'), status: 400, error: 'bad_framing' },
  { name: 'Transfer-Encoding and Content-Length together (TE.CL)', send: framing('Transfer-Encoding: chunked\r\nContent-Length: 4\r\n', '5c\r\nGPOST / HTTP/1.1\r\n\r\n0\r\n\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a Content-Length that is not a number', send: framing('Content-Length: abc\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a negative Content-Length', send: framing('Content-Length: -1\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a Content-Length in exponent form', send: framing('Content-Length: 1e3\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a Content-Length of 20 digits', send: framing('Content-Length: 99999999999999999999\r\n'), status: 400, error: 'bad_framing' },
  { name: 'two different Content-Lengths', send: framing('Content-Length: 1\r\nContent-Length: 2\r\n', 'ab'), status: 400, error: 'bad_framing' },
  { name: 'two equal Content-Lengths', send: framing('Content-Length: 2\r\nContent-Length: 2\r\n', '{}'), status: 400, error: 'bad_framing' },
  { name: 'Content-Length with a list', send: framing('Content-Length: 2, 2\r\n', '{}'), status: 400, error: 'bad_framing' },
  { name: 'Transfer-Encoding gzip alone', send: framing('Transfer-Encoding: gzip\r\n'), status: 400, error: 'bad_framing' },
  { name: 'Transfer-Encoding chunked, gzip (chunked not last)', send: framing('Transfer-Encoding: chunked, gzip\r\n'), status: 400, error: 'bad_framing' },
  { name: 'Transfer-Encoding xchunked', send: framing('Transfer-Encoding: xchunked\r\n'), status: 400, error: 'bad_framing' },
  { name: 'Transfer-Encoding twice', send: framing('Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', '0\r\n\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a space before the colon of Transfer-Encoding', send: framing('Transfer-Encoding : chunked\r\n', '0\r\n\r\n'), status: 400, error: 'bad_header' },
  { name: 'a chunk size that is not hex', send: framing('Transfer-Encoding: chunked\r\n', 'zz\r\n\r\n'), status: 400, error: 'bad_framing' },
  { name: 'a chunk size past 2^64', send: framing('Transfer-Encoding: chunked\r\n', 'fffffffffffffffffff\r\n'), status: 400, error: 'bad_framing' },
  { name: 'chunk extensions of 20 KB', send: framing('Transfer-Encoding: chunked\r\n', `1;${'a'.repeat(20_000)}\r\nx\r\n0\r\n\r\n`), status: 413, error: 'payload_too_large' },
  { name: 'a header folded onto two lines (obs-fold)', send: raw(`GET /healthz HTTP/1.1\r\n${H}X-A: a\r\n b\r\n\r\n`), status: 400, error: 'bad_header' },
  { name: 'a NUL in a header value', send: raw(`GET /healthz HTTP/1.1\r\n${H}X-A: a\u0000b\r\n\r\n`), status: 400, error: 'bad_header' },
  { name: 'a space in a header name', send: raw(`GET /healthz HTTP/1.1\r\n${H}X A: a\r\n\r\n`), status: 400, error: 'bad_header' },
  { name: 'a header without a colon', send: raw(`GET /healthz HTTP/1.1\r\n${H}Nonsense\r\n\r\n`), status: 400 },
];

const bigHeaders = Array.from({ length: 2_500 }, (_, i) => `X-H${i}: 1\r\n`).join('');

export const HEADERS: Case[] = [
  { name: 'one header value of 20 KB', send: raw(`GET /healthz HTTP/1.1\r\n${H}X-Long: ${'a'.repeat(20_000)}\r\n\r\n`), status: 431, error: 'headers_too_large' },
  { name: '2,500 headers', send: raw(`GET /healthz HTTP/1.1\r\n${H}${bigHeaders}\r\n`), status: 431, error: 'headers_too_large' },
  { name: 'two Host headers', send: get('/healthz', [['Host', 'a'], ['Host', 'b']]), status: 400, error: 'duplicate_header' },
  { name: 'two Content-Type headers', send: request({ method: 'POST', target: '/webhooks/meta', headers: [['Content-Type', 'application/json'], ['Content-Type', 'text/plain']], body: '{}' }), status: 400, error: 'duplicate_header' },
  { name: 'Content-Encoding gzip', send: request({ method: 'POST', target: '/webhooks/meta', headers: [['Content-Encoding', 'gzip']], body: Buffer.from('1f8b0800000000000003abae050043bfa6a302000000', 'hex') }), status: 415, error: 'unsupported_content_encoding' },
  { name: 'Content-Encoding br on the API', send: get('/healthz', [['Content-Encoding', 'br']]), status: 415, error: 'unsupported_content_encoding' },
  { name: 'Upgrade: websocket is served as a plain request', send: get('/healthz', [['Upgrade', 'websocket'], ['Connection', 'Upgrade']]), status: 200 },
  { name: 'Upgrade: h2c', send: get('/healthz', [['Upgrade', 'h2c'], ['Connection', 'Upgrade, HTTP2-Settings'], ['HTTP2-Settings', 'AAMAAABkAARAAAAAAAIAAAAA']]), status: 200 },
  { name: 'Expect: something else than 100-continue', send: get('/healthz', [['Expect', 'the-unexpected']]), status: 417, error: 'expectation_failed' },
  { name: 'Expect: 100-continue with a body over the limit (refused before the body)', send: request({ method: 'POST', target: '/webhooks/meta', headers: [['Expect', '100-continue'], ['Content-Length', String(2 * 1024 * 1024)]] }), status: 413, error: 'payload_too_large' },
  { name: 'Connection: close', send: get('/healthz', [['Connection', 'close']]), status: 200 },
  { name: 'HEAD on a GET route', send: get('/healthz', [], 'HEAD'), status: 200 },
  { name: 'a GET with a body', send: request({ method: 'GET', target: '/healthz', body: '{"a":1}' }), status: 200 },
  { name: 'a GET with a 2 MiB body', send: request({ method: 'GET', target: '/healthz', body: Buffer.alloc(2 * 1024 * 1024, 0x61) }), status: 413, error: 'payload_too_large' },
];

export const SIZES_AND_SLOWNESS: Case[] = [
  { name: 'item 10: a 64 MiB chunked body (refused at 1 MiB)', send: chunked('/webhooks/generic', 64 * 1024 * 1024), status: 413, error: 'payload_too_large' },
  { name: 'a declared Content-Length of 64 MiB', send: request({ method: 'POST', target: '/webhooks/meta', headers: [['Content-Length', String(64 * 1024 * 1024)]] }), status: 413, error: 'payload_too_large' },
  { name: 'a 64 MiB chunked body to an unknown path', send: chunked('/nowhere', 64 * 1024 * 1024), status: 404, error: 'not_found' },
  { name: 'a 64 MiB chunked body to the Teams endpoint', send: chunked('/api/messages', 64 * 1024 * 1024), status: 413, error: 'payload_too_large' },
  { name: 'headers trickling in (slowloris)', send: slow(400, 'GET /healthz HTTP/1.1\r\n', H, ...Array.from({ length: 12 }, (_, i) => `X-Slow-${i}: 1\r\n`)), status: 408, error: 'request_timeout' },
  { name: 'a connection that sends nothing', send: slow(10_000, ''), status: 408, error: 'request_timeout' },
  { name: 'a body trickling in, a byte at a time', send: slow(300, `POST /webhooks/generic HTTP/1.1\r\n${H}Content-Length: 100\r\n\r\n`, ...Array.from({ length: 20 }, () => 'a')), status: 408, error: 'request_timeout', message: /body did not arrive within/ },
  { name: 'a body shorter than its Content-Length', send: raw(`POST /webhooks/meta HTTP/1.1\r\n${H}Content-Length: 100\r\n\r\n{"object":`), status: 408, error: 'request_timeout' },
  { name: 'a chunked body that never ends', send: slow(300, `POST /webhooks/x HTTP/1.1\r\n${H}Transfer-Encoding: chunked\r\n\r\n`, ...Array.from({ length: 20 }, () => '1\r\na\r\n')), status: 408, error: 'request_timeout' },
  { name: 'the client goes away in the middle of the body', send: (f) => sendRaw(f.port, [`POST /webhooks/generic HTTP/1.1\r\n${H}Content-Length: 100\r\n\r\n{"a":`], { timeoutMs: 300 }), status: -1 },
];
