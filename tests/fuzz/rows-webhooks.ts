/**
 * Rows against the three ingestion webhooks. `BODY_CLASSES` is each body class once, run against
 * every JSON entry point (signed correctly, so that the body reaches parsing); the tables after it
 * are the sources' own shapes: signatures, handshakes, wrong types, sizes, odd text.
 */
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { SECRETS } from '../support/app-harness.js';
import { concurrently, deep, generic, get, meta, noise, post, teams, uid, x, type Body, type BodyOf, type Case, type PostOptions } from './case.js';
import type { FuzzApp } from './fuzz-app.js';
import { genericMessage, metaComment, messengerMessage, NOW, teamsActivity, xDirectMessage, xMention } from './payloads.js';
import type { Answer } from './raw-client.js';

type Send = (body: BodyOf, o?: PostOptions) => (f: FuzzApp) => Promise<Answer>;

/** The JSON entry points, each with the `error` code its parser gives a well-formed body of the wrong shape. */
const JSON_ENTRIES: ReadonlyArray<{ name: string; send: Send; wrongShape: string }> = [
  { name: 'meta', send: meta, wrongShape: 'invalid_payload' },
  { name: 'x', send: x, wrongShape: 'invalid_payload' },
  { name: 'generic', send: generic, wrongShape: 'invalid_payload' },
  { name: 'teams', send: teams, wrongShape: 'invalid_activity' },
];

/** One row per body class; `error` null = the entry's wrong-shape code. */
const BODY_CLASSES: ReadonlyArray<{ name: string; body: Body; status: number; error: string | null; o?: PostOptions }> = [
  { name: 'an empty body', body: '', status: 400, error: 'empty_body' },
  { name: 'a body that is not JSON', body: 'hej hej', status: 400, error: 'malformed_json' },
  { name: 'truncated JSON', body: '{"object": "page", "entry": [', status: 400, error: 'malformed_json' },
  { name: 'JSON after a byte order mark', body: '\ufeff{}', status: 400, error: 'malformed_json' },
  { name: 'JSON with a trailing comma', body: '{"a": 1,}', status: 400, error: 'malformed_json' },
  { name: 'JSON with comments', body: '{/* hej */}', status: 400, error: 'malformed_json' },
  { name: 'NaN as a value', body: '{"a": NaN}', status: 400, error: 'malformed_json' },
  { name: 'a single quote string', body: "{'a': 1}", status: 400, error: 'malformed_json' },
  { name: 'item 6: 5,000 nested arrays', body: deep(5_000), status: 400, error: 'too_deep' },
  { name: '5,000 nested objects', body: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, status: 400, error: 'too_deep' },
  { name: '65 nested levels (one past the limit)', body: deep(65), status: 400, error: 'too_deep' },
  { name: '64 nested levels (at the limit: parsed, then the wrong shape)', body: deep(64), status: 400, error: null },
  { name: 'an unbalanced 100,000 opening brackets', body: '['.repeat(100_000), status: 400, error: 'too_deep' },
  { name: 'JSON null', body: 'null', status: 400, error: null },
  { name: 'a JSON number', body: '42', status: 400, error: null },
  { name: 'a number of 1e999 (Infinity)', body: '1e999', status: 400, error: null },
  { name: 'a JSON string', body: '"hej"', status: 400, error: null },
  { name: 'a JSON array', body: '[{}]', status: 400, error: null },
  { name: 'an empty object', body: '{}', status: 400, error: null },
  { name: '10,000 empty objects in an array', body: JSON.stringify(Array.from({ length: 10_000 }, () => ({}))), status: 400, error: null },
  { name: 'only a __proto__ key', body: '{"__proto__": {"polluted": true}}', status: 400, error: null },
  { name: 'a constructor.prototype key', body: '{"constructor": {"prototype": {"polluted": true}}}', status: 400, error: null },
  { name: 'Content-Type text/plain', body: '{}', status: 415, error: 'unsupported_media_type', o: { contentType: 'text/plain' } },
  { name: 'Content-Type form', body: 'a=1', status: 415, error: 'unsupported_media_type', o: { contentType: 'application/x-www-form-urlencoded' } },
  { name: 'Content-Type multipart', body: '--b\r\n\r\n{}\r\n--b--', status: 415, error: 'unsupported_media_type', o: { contentType: 'multipart/form-data; boundary=b' } },
  { name: 'JSON in latin1', body: '{}', status: 415, error: 'unsupported_media_type', o: { contentType: 'application/json; charset=iso-8859-1' } },
  { name: 'a Content-Type of 8 KB', body: '{}', status: 415, error: 'unsupported_media_type', o: { contentType: `application/${'x'.repeat(8_000)}` } },
  { name: 'a body over 1 MiB', body: Buffer.alloc(1024 * 1024 + 1, 0x20), status: 413, error: 'payload_too_large' },
];

const bodyClassRows: Case[] = JSON_ENTRIES.flatMap((e) =>
  BODY_CLASSES.map((c) => ({ name: `${e.name}: ${c.name}`, send: e.send(c.body, c.o), status: c.status, error: c.error ?? e.wrongShape })),
);

/** Signed 10 minutes before the server's clock (the tolerance is 5). */
const staleGeneric = (body: Body) => (f: FuzzApp) => generic(body, { sign: 'none', headers: Object.entries(signGeneric(JSON.stringify(body), SECRETS.blog, Math.floor(f.now / 1000) - 600, 'hofors-blogg')) })(f);
const withHeaders = (send: Send, body: Body, headers: ReadonlyArray<readonly [string, string]>) => send(body, { sign: 'none', headers });

export const SIGNATURES: Case[] = [
  { name: 'meta: unsigned', send: meta(metaComment('u1'), { sign: 'none' }), status: 401, error: 'invalid_signature' },
  { name: 'meta: a forged signature', send: withHeaders(meta, metaComment('u2'), [['X-Hub-Signature-256', `sha256=${'0'.repeat(64)}`]]), status: 401, error: 'invalid_signature' },
  { name: 'meta: a signature that is not hex', send: withHeaders(meta, metaComment('u3'), [['X-Hub-Signature-256', 'sha256=zz']]), status: 401, error: 'invalid_signature' },
  { name: 'meta: the signature sent twice', send: meta(metaComment('u4'), { headers: [['X-Hub-Signature-256', 'sha256=00']] }), status: 400, error: 'duplicate_header' },
  { name: 'meta: the old sha1 header only', send: withHeaders(meta, metaComment('u5'), [['X-Hub-Signature', 'sha1=00']]), status: 401, error: 'invalid_signature' },
  { name: 'x: unsigned', send: x(xMention('u6'), { sign: 'none' }), status: 401, error: 'invalid_signature' },
  { name: 'x: a forged signature', send: withHeaders(x, xMention('u7'), [['X-Twitter-Webhooks-Signature', 'sha256=AAAA']]), status: 401, error: 'invalid_signature' },
  { name: 'x: a signature of 10 KB', send: withHeaders(x, xMention('u8'), [['X-Twitter-Webhooks-Signature', `sha256=${'A'.repeat(10_000)}`]]), status: 401, error: 'invalid_signature' },
  { name: 'generic: unsigned', send: generic(genericMessage('u9'), { sign: 'none' }), status: 401, error: 'invalid_signature' },
  { name: 'generic: an unknown source', send: withHeaders(generic, genericMessage('u10'), Object.entries(signGeneric('{}', 'nope', Math.floor(NOW / 1000), 'okand-kalla'))), status: 401, error: 'invalid_signature' },
  { name: 'generic: signed 10 minutes ago', send: staleGeneric(genericMessage('u11')), status: 401, error: 'invalid_signature' },
  { name: 'generic: a timestamp of 30 digits', send: withHeaders(generic, genericMessage('u12'), [['X-Svarstid-Source', 'hofors-blogg'], ['X-Svarstid-Timestamp', '9'.repeat(30)], ['X-Svarstid-Signature', 'v1=00']]), status: 401, error: 'invalid_signature' },
  { name: 'generic: the source sent twice', send: generic(genericMessage('u13'), { headers: [['X-Svarstid-Source', 'hofors-blogg']] }), status: 400, error: 'duplicate_header' },
];

export const HANDSHAKES: Case[] = [
  { name: 'meta: the subscription handshake', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444'), status: 200 },
  { name: 'meta: a handshake whose challenge is HTML (never echoed)', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%3Chtml%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E'), status: 400, error: 'verification_bad_challenge' },
  { name: 'meta: a handshake with a 10,000-character challenge', send: get(`/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=${'1'.repeat(10_000)}`), status: 400, error: 'verification_bad_challenge' },
  { name: 'meta: a handshake with hub.verify_token twice', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.verify_token=w&hub.challenge=1'), status: 400, error: 'verification_repeated_parameter' },
  { name: 'meta: HEAD of the handshake', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1', [], 'HEAD'), status: 200 },
  { name: 'meta: a wrong verify token', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1'), status: 403 },
  { name: 'meta: no parameters', send: get('/webhooks/meta'), status: 400 },
  { name: 'meta: a challenge with a NUL', send: get('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%00'), status: 400, error: 'bad_query' },
  { name: 'meta: a challenge of 10 KB', send: get(`/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=${'1'.repeat(10_000)}`), status: 400, error: 'verification_bad_challenge' },
  { name: 'meta: a handshake with a body', send: (f) => post('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1', '{}', { method: 'GET' })(f), status: 200 },
  { name: 'x: the CRC check', send: get('/webhooks/x?crc_token=abc123'), status: 200 },
  { name: 'x: no crc_token', send: get('/webhooks/x'), status: 400 },
  { name: 'x: a crc_token with bad encoding', send: get('/webhooks/x?crc_token=%ff'), status: 400, error: 'bad_query_encoding' },
  { name: 'x: a crc_token of 10 KB', send: get(`/webhooks/x?crc_token=${'a'.repeat(10_000)}`), status: 400, error: 'crc_token_invalid' },
  { name: 'x: a crc_token that is a delivery body (its answer would sign that body)', send: get(`/webhooks/x?crc_token=${encodeURIComponent('{"for_user_id":"1400000000000000001","tweet_create_events":[]}')}`), status: 400, error: 'crc_token_invalid' },
  { name: 'generic: GET', send: get('/webhooks/generic'), status: 405, error: 'method_not_allowed' },
];

const ignoredReactions = { object: 'page', entry: Array.from({ length: 10_000 }, () => ({ id: '1', changes: [{ field: 'feed', value: { item: 'like' } }] })) };
const ignoredFavorites = { for_user_id: '289337474', favorite_events: Array.from({ length: 10_000 }, (_, i) => ({ id: `f${i}` })) };
const duplicate = metaComment(uid('dup'));

export const META: Case[] = [
  { name: 'meta: a Facebook comment', send: meta(metaComment(uid('c'))), status: 200, stores: 1 },
  { name: 'meta: a redelivery of one comment (first)', send: meta(duplicate), status: 200, stores: 1 },
  { name: 'meta: a redelivery of one comment (again)', send: meta(duplicate), status: 200 },
  { name: 'meta: a Messenger message', send: meta(messengerMessage(uid('m'))), status: 200, stores: 1 },
  { name: 'meta: without a Content-Type', send: meta(metaComment(uid('c')), { contentType: null }), status: 200, stores: 1 },
  { name: 'meta: Content-Type application/json; charset=UTF-8', send: meta(metaComment(uid('c')), { contentType: 'application/json; charset=UTF-8' }), status: 200, stores: 1 },
  { name: 'meta: an object it does not read', send: meta({ object: 'user', entry: [{ id: '1', time: 1, changes: [] }] }), status: 200 },
  { name: 'meta: 10,000 entries of reactions (ignored)', send: meta(ignoredReactions), status: 200 },
  { name: 'meta: __proto__ inside a change value', send: meta(JSON.stringify(metaComment(uid('c'))).replace('"item":', '"__proto__":{"x":1},"item":')), status: 200, stores: 1 },
  { name: 'meta: entry is an object', send: meta({ object: 'page', entry: {} }), status: 400, error: 'invalid_payload' },
  { name: 'meta: a page id that is a number', send: meta({ object: 'page', entry: [{ id: 104857331234567, time: 1 }] }), status: 400, error: 'invalid_payload' },
  // issue 12: a change without a value is ignored, the rest of the delivery taken (400 made Meta retry and drop the citizen's comment beside it)
  { name: 'meta: a change value of null', send: meta({ object: 'page', entry: [{ id: '1', changes: [{ field: 'feed', value: null }] }] }), status: 200, stores: 0 },
  { name: 'meta: created_time as text', send: meta(metaComment(uid('c'), { created_time: '1795604280' })), status: 400, error: 'invalid_payload' },
  { name: 'meta: a comment of 100,000 characters', send: meta(metaComment(uid('c'), { message: 'å'.repeat(100_000) })), status: 200, stores: 1 },
  { name: 'meta: emoji, right-to-left override and zero-width text', send: meta(metaComment(uid('c'), { message: '🏊‍♀️ \u202egnimmiws\u202c \u200b\u200d\ufeff' })), status: 200, stores: 1 },
  { name: 'meta: invalid UTF-8 bytes in the text', send: meta(Buffer.from(JSON.stringify(metaComment(uid('c'), { message: 'XX' })).replace('XX', '\u00ff\u00fe'), 'latin1')), status: 200, stores: 1 },
  { name: 'meta: overlong UTF-8 in the text', send: meta(Buffer.concat([Buffer.from(JSON.stringify(metaComment(uid('c'), { message: 'XX' })).split('XX')[0]!), Buffer.from([0xc0, 0xaf]), Buffer.from(JSON.stringify(metaComment('unused', { message: 'XX' })).split('XX')[1]!)])), status: 200, stores: 1 },
  { name: 'meta: a comment id of 10 KB', send: meta(metaComment('unused', { comment_id: noise(10_000) })), status: 400, error: 'invalid_payload', message: /comment_id: is longer than 255/ },
  { name: 'meta: a page id of 10 KB', send: meta(metaComment(uid('c'), {}, { id: noise(10_000) })), status: 400, error: 'invalid_payload', message: /entry\[0\]\.id: is longer than 255/ },
  { name: 'meta: a Messenger mid of 10 KB', send: meta(messengerMessage(uid('m'), { message: { mid: noise(10_000), text: 'Hej' } })), status: 400, error: 'invalid_payload' },
  { name: 'meta: a parent id of 10 KB (looked up, not stored in an index)', send: meta(metaComment(uid('c'), { parent_id: noise(10_000) })), status: 200, stores: 1 },
  { name: 'meta: brackets inside a string do not count as depth', send: meta(metaComment(uid('c'), { message: deep(5_000) })), status: 200, stores: 1 },
  { name: 'meta: escaped quotes and backslashes before brackets', send: meta(metaComment(uid('c'), { message: `\\"${'['.repeat(100)}\\\\` })), status: 200, stores: 1 },
];

export const X: Case[] = [
  { name: 'x: a mention', send: x(xMention(uid('t'))), status: 200, stores: 1 },
  { name: 'x: a direct message', send: x(xDirectMessage(uid('dm'))), status: 200, stores: 1 },
  { name: 'x: 10,000 favorite events (ignored)', send: x(ignoredFavorites), status: 200 },
  { name: 'x: for_user_id as a number', send: x({ for_user_id: 289337474 }), status: 400, error: 'invalid_payload' },
  { name: 'x: tweet_create_events as an object', send: x({ for_user_id: '289337474', tweet_create_events: {} }), status: 400, error: 'invalid_payload' },
  { name: 'x: an empty screen_name', send: x(xMention(uid('t'), { user: { id_str: '1', screen_name: '' } })), status: 400, error: 'invalid_payload' },
  { name: 'x: __proto__ in a tweet', send: x(JSON.stringify(xMention(uid('t'))).replace('"id_str":', '"__proto__":{"isRetweet":true},"id_str":')), status: 200, stores: 1 },
  { name: 'x: a for_user_id of 10 KB', send: x({ ...xMention(uid('t')), for_user_id: noise(10_000) }), status: 400, error: 'invalid_payload' },
  { name: 'x: a tweet id of 10 KB', send: x(xMention('9'.repeat(10_000))), status: 400, error: 'invalid_payload', message: /id_str: is longer than 255 characters/ },
];

const batch = (items: unknown[]) => ({ messages: items });

export const GENERIC: Case[] = [
  { name: 'generic: a blog comment', send: generic(genericMessage(uid('g'))), status: 200, stores: 1 },
  { name: 'generic: a blog comment sent chunked, 7 bytes a chunk, with a trailer', send: generic(genericMessage(uid('g')), { chunkBytes: 7 }), status: 200, stores: 1 },
  { name: 'generic: Expect: 100-continue', send: generic(genericMessage(uid('g')), { headers: [['Expect', '100-continue']] }), status: 200, stores: 1 },
  { name: 'generic: a quoted charset', send: generic(genericMessage(uid('g')), { contentType: 'application/json; charset="utf-8"' }), status: 200, stores: 1 },
  { name: 'generic: a source name with non-ASCII bytes in the header', send: withHeaders(generic, genericMessage(uid('g')), [['X-Svarstid-Source', 'hofors-bl\u00f6gg'], ['X-Svarstid-Timestamp', String(Math.floor(NOW / 1000))], ['X-Svarstid-Signature', 'v1=00']]), status: 401, error: 'invalid_signature' },
  { name: 'generic: a batch of three', send: generic(batch([genericMessage(uid('g')), genericMessage(uid('g')), genericMessage(uid('g'))])), status: 200, stores: 3 },
  { name: 'generic: a batch of 101', send: generic(batch(Array.from({ length: 101 }, () => genericMessage(uid('g'))))), status: 400, error: 'invalid_payload' },
  { name: 'generic: a batch of 10,000', send: generic(batch(Array.from({ length: 10_000 }, (_, i) => ({ i })))), status: 400, error: 'invalid_payload' },
  { name: 'generic: an empty batch', send: generic(batch([])), status: 400, error: 'invalid_payload' },
  { name: 'generic: a batch whose third item is not an object', send: generic(batch([genericMessage(uid('g')), genericMessage(uid('g')), 'hej'])), status: 400, error: 'invalid_payload', message: /messages\[2\]/ },
  { name: 'generic: a __proto__ field', send: generic(`{"__proto__": {"text": "x"}, ${JSON.stringify(genericMessage(uid('g'))).slice(1)}`), status: 400, error: 'invalid_payload', message: /__proto__/ },
  { name: 'generic: text as a number', send: generic(genericMessage(uid('g'), { text: 42 })), status: 400, error: 'invalid_payload' },
  { name: 'generic: text of 1e999', send: generic(JSON.stringify(genericMessage(uid('g'), { text: 0 })).replace('"text":0', '"text":1e999')), status: 400, error: 'invalid_payload' },
  { name: 'generic: empty text', send: generic(genericMessage(uid('g'), { text: ' ' })), status: 400, error: 'invalid_payload' },
  { name: 'generic: text of 20,001 characters', send: generic(genericMessage(uid('g'), { text: 'a'.repeat(20_001) })), status: 400, error: 'invalid_payload' },
  { name: 'generic: text of 20,000 astral characters', send: generic(genericMessage(uid('g'), { text: '😀'.repeat(20_000) })), status: 200, stores: 1 },
  { name: 'generic: an external_id of 201 characters', send: generic(genericMessage('e'.repeat(201))), status: 400, error: 'invalid_payload' },
  { name: 'generic: an author object without fields', send: generic(genericMessage(uid('g'), { author: {} })), status: 400, error: 'invalid_payload' },
  { name: 'generic: a javascript: url', send: generic(genericMessage(uid('g'), { url: 'javascript:alert(1)' })), status: 400, error: 'invalid_payload' },
  { name: 'generic: a channel that is not one', send: generic(genericMessage(uid('g'), { channel: 'twitter' })), status: 400, error: 'invalid_payload', message: /did you mean "x"/ },
  { name: 'generic: a key repeated (the last one counts)', send: generic(JSON.stringify(genericMessage(uid('g'))).replace('"text":', '"text":"först","text":')), status: 200, stores: 1 },
  { name: 'generic: invalid UTF-8 bytes in the text', send: generic(Buffer.from(JSON.stringify(genericMessage(uid('g'), { text: 'XX' })).replace('XX', '\u00ff\u00c0'), 'latin1')), status: 200, stores: 1 },
  { name: 'generic: invalid UTF-8 bytes in the external_id (two such ids would read the same)', send: generic(Buffer.from(JSON.stringify(genericMessage(`${uid('g')}XX`)).replace('XX', '\u00ff'), 'latin1')), status: 400, error: 'invalid_encoding', message: /externalId/ },
  { name: 'generic: a real U+FFFD in the external_id, sent as UTF-8', send: generic(genericMessage(`${uid('g')}\ufffd`)), status: 200, stores: 1 },
  { name: 'generic: an external_id that reads like a stored digest form', send: generic(genericMessage(`twin-\ufffd~sha256:${'7'.repeat(64)}`.slice(0, 200))), status: 200, stores: 1 },
  { name: 'generic: a byte order mark inside the text', send: generic(genericMessage(uid('g'), { text: '\ufeffHej' })), status: 200, stores: 1 },
  { name: 'generic: brackets inside a string', send: generic(genericMessage(uid('g'), { text: deep(2_000, '{', '}') })), status: 200, stores: 1 },
  { name: 'generic (tenancy): an account the source is not bound to', send: generic(genericMessage(uid('g'), { account: 'arvidsjaur-blogg' })), status: 403, error: 'account_not_bound', message: /arvidsjaur-blogg/ },
  { name: 'generic (tenancy): a batch with one unbound account stores none', send: generic(batch([genericMessage(uid('g')), genericMessage(uid('g'), { account: 'nassjo-facebook' })])), status: 403, error: 'account_not_bound' },
  { name: 'generic (tenancy): a channel other than the account\'s', send: generic(genericMessage(uid('g'), { channel: 'chat' })), status: 403, error: 'channel_mismatch' },
  { name: 'generic: the same blog comment 10 times at once', send: concurrently(10, generic(genericMessage('at-once-1'))), status: 200, stores: 1 },
];

const teamsRows: Case[] = [
  { name: 'teams: a message (authentication off)', send: teams(teamsActivity(uid('a'))), status: 200 },
  { name: 'teams: typing', send: teams(teamsActivity(uid('a'), { type: 'typing' })), status: 200 },
  { name: 'teams: conversationUpdate', send: teams(teamsActivity(uid('a'), { type: 'conversationUpdate', membersAdded: [{ id: '29:1someone-else' }] })), status: 200 },
  { name: 'teams: a text of 100,000 characters', send: teams(teamsActivity(uid('a'), { text: 'ä'.repeat(100_000) })), status: 200 },
  { name: 'teams: a serviceUrl that is not http', send: teams(teamsActivity(uid('a'), { serviceUrl: 'file:///etc/passwd' })), status: 400, error: 'invalid_activity' },
  { name: 'teams: no type', send: teams(teamsActivity(uid('a'), { type: undefined })), status: 400, error: 'invalid_activity' },
  { name: 'teams: a card value that is text', send: teams(teamsActivity(uid('a'), { value: 'claim 1' })), status: 400, error: 'invalid_activity' },
  { name: 'teams: from is null', send: teams(teamsActivity(uid('a'), { from: null })), status: 400, error: 'invalid_activity' },
  { name: 'teams: a conversation id of 10 KB', send: teams(teamsActivity(uid('a'), { conversation: { id: noise(10_000) } })), status: 400, error: 'invalid_activity', message: /conversation\.id is 10000 characters long/ },
  { name: 'teams: an activity id that is not ASCII', send: teams(teamsActivity('😀'.repeat(10))), status: 400, error: 'invalid_activity', message: /id must be printable ASCII/ },
  { name: 'teams: a message without a recipient', send: teams(teamsActivity(uid('a'), { recipient: undefined })), status: 400, error: 'invalid_activity', message: /recipient\.id is required/ },
  { name: 'teams: an invoke the bot does not answer', send: teams(teamsActivity(uid('a'), { type: 'invoke', name: 'composeExtension/query', value: {} })), status: 400, error: 'unsupported_activity' },
  { name: 'teams: an Action.Execute that names no svarstid action', send: teams(teamsActivity(uid('a'), { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } })), status: 400, error: 'invalid_action' },
  { name: 'teams: attachments as text, entities as a number, channelData as text', send: teams(teamsActivity(uid('a'), { attachments: 'x', entities: 5, channelData: 'x' })), status: 400, error: 'invalid_activity' },
  { name: 'teams: text as a number', send: teams(teamsActivity(uid('a'), { text: 5 })), status: 400, error: 'invalid_activity' },
  { name: 'teams: a card value of the wrong shape', send: teams(teamsActivity(uid('a'), { value: { svarstid: 'claim', inquiry: 'abc' }, replyToId: 'x' })), status: 200 },
  { name: 'teams: a channel message with an @mention', send: teams(teamsActivity(uid('a'), { conversation: { id: '19:x@thread.tacv2', conversationType: 'channel' }, entities: [{ type: 'mention', mentioned: { id: '28:svarstid-bot' }, text: '<at>svarstid</at>' }], text: '<at>svarstid</at> lista' })), status: 200 },
  { name: 'teams: a timestamp that is no time', send: teams(teamsActivity(uid('a'), { timestamp: 'yesterday' })), status: 200 },
  { name: 'teams: __proto__ in the activity', send: teams((f) => JSON.stringify(teamsActivity(uid('a'))(f)).replace('"type":', '"__proto__":{"type":"x"},"type":')), status: 200 },
  { name: 'teams (authentication on): no token', send: teams(teamsActivity(uid('a')), { auth: true }), status: 401, error: 'unauthorized' },
  { name: 'teams (authentication on): a token that is not a JWT', send: teams(teamsActivity(uid('a')), { auth: true, headers: [['Authorization', 'Bearer not-a-jwt']] }), status: 401, error: 'unauthorized' },
  { name: 'teams (authentication on): an unsigned JWT (alg none)', send: teams(teamsActivity(uid('a')), { auth: true, headers: [['Authorization', `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"iss":"https://api.botframework.com","aud":"00000000-0000-0000-0000-000000000001"}').toString('base64url')}.`]] }), status: 401, error: 'unauthorized' },
  { name: 'teams (authentication on): malformed JSON', send: teams('{"type":', { auth: true }), status: 400, error: 'malformed_json' },
  { name: 'teams (authentication on): 5,000 nested levels', send: teams(deep(5_000), { auth: true }), status: 400, error: 'too_deep' },
];

export const WEBHOOKS: Case[] = [...bodyClassRows, ...SIGNATURES, ...HANDSHAKES, ...META, ...X, ...GENERIC, ...teamsRows];
