/**
 * Item 5: a message's own time must lie between 2000-01-01T00:00:00Z and 24 hours after the server's
 * clock (NOW = 2026-11-25T12:00+01:00), on every source, named by its field in the 400. The deadline
 * API's range is in rows-api.ts.
 */
import { generic, meta, uid, x, type Case } from './case.js';
import { genericMessage, instagramComment, messengerMessage, metaComment, NOW, NOW_S, xDirectMessage, xMention } from './payloads.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;
const OUTSIDE = /is outside the accepted range: it must lie between 2000-01-01T00:00:00Z and 2026-11-26T11:00:00Z \(24 hours after the server's clock\)/;

const at = (received_at: string) => genericMessage(uid('d'), { received_at });

export const DATES: Case[] = [
  { name: 'generic: item 5, received_at 9999-12-31T23:00:00Z', send: generic(at('9999-12-31T23:00:00Z')), status: 400, error: 'invalid_payload', message: /^received_at: 9999-12-31T23:00:00Z is outside the accepted range/ },
  { name: 'generic: received_at in the year 0050 is not read as 1950', send: generic(at('0050-06-01T10:00:00Z')), status: 400, error: 'invalid_payload', message: /received_at: 0050-06-01T10:00:00Z is outside/ },
  { name: 'generic: received_at in the year 0000', send: generic(at('0000-02-29T10:00:00Z')), status: 400, error: 'invalid_payload', message: OUTSIDE },
  { name: 'generic: received_at one second before 2000', send: generic(at('1999-12-31T23:59:59Z')), status: 400, error: 'invalid_payload', message: OUTSIDE },
  { name: 'generic: received_at on 2000-01-01T00:00:00Z', send: generic(at('2000-01-01T00:00:00Z')), status: 200, stores: 1 },
  { name: 'generic: received_at 23 hours ahead (a wrong clock)', send: generic(at(iso(NOW + 23 * HOUR))), status: 200, stores: 1 },
  { name: 'generic: received_at 25 hours ahead', send: generic(at(iso(NOW + 25 * HOUR))), status: 400, error: 'invalid_payload', message: OUTSIDE },
  { name: 'generic: received_at with an offset of 60 minutes (+00:60 is no offset)', send: generic(at('2026-11-25T10:00:00+00:60')), status: 400, error: 'invalid_payload' },
  { name: 'generic: received_at in an extended year', send: generic(at('+275760-09-13T00:00:00Z')), status: 400, error: 'invalid_payload' },
  { name: 'generic: received_at with nanoseconds', send: generic(at('2026-11-25T10:00:00.123456789+01:00')), status: 200, stores: 1 },
  { name: 'generic: received_at without an offset', send: generic(at('2026-11-25T10:00:00')), status: 400, error: 'invalid_payload' },
  { name: 'generic: received_at on 30 February', send: generic(at('2026-02-30T10:00:00Z')), status: 400, error: 'invalid_payload' },
  { name: 'generic: received_at as a number', send: generic(genericMessage(uid('d'), { received_at: 1795604400 })), status: 400, error: 'invalid_payload' },
  { name: 'generic: answered_at 9999-12-31T23:00:00Z', send: generic({ account: 'hofors-bloggen', answers: 'kommentar-1', answered_at: '9999-12-31T23:00:00Z' }), status: 400, error: 'invalid_payload', message: /^answered_at: / },
  { name: 'generic: a batch whose second item is in 9999 stores none', send: generic({ messages: [at('2026-11-25T09:00:00Z'), at('9999-12-31T23:00:00Z'), at('2026-11-25T09:01:00Z')] }), status: 400, error: 'invalid_payload', message: /^messages\[1\]\.received_at: / },
  { name: 'meta: item 5, created_time 1e308', send: meta(metaComment(uid('d'), { created_time: 1e308 })), status: 400, error: 'invalid_payload', message: /changes\[0\]\.value\.created_time: 1e\+308 is outside/ },
  { name: 'meta: item 5, created_time 9e15', send: meta(metaComment(uid('d'), { created_time: 9e15 })), status: 400, error: 'invalid_payload', message: /created_time: 9000000000000000 is outside/ },
  { name: 'meta: item 5, created_time -1e12', send: meta(metaComment(uid('d'), { created_time: -1e12 })), status: 400, error: 'invalid_payload', message: /created_time/ },
  { name: 'meta: created_time 1e999 (Infinity)', send: meta(JSON.stringify(metaComment(uid('d'), { created_time: 7 })).replace('"created_time":7', '"created_time":1e999')), status: 400, error: 'invalid_payload', message: /created_time/ },
  { name: 'meta: created_time 0 (1970)', send: meta(metaComment(uid('d'), { created_time: 0 })), status: 400, error: 'invalid_payload' },
  { name: 'meta: created_time in milliseconds', send: meta(metaComment(uid('d'), { created_time: NOW - 60_000 })), status: 200, stores: 1 },
  { name: 'meta: created_time with a fraction', send: meta(metaComment(uid('d'), { created_time: NOW_S - 60.5 })), status: 200, stores: 1 },
  { name: 'meta: the page\'s own reply at 9e15', send: meta(metaComment(uid('d'), { created_time: 9e15, from: { id: '104857331234567' }, parent_id: 'c-1' })), status: 400, error: 'invalid_payload' },
  { name: 'meta: a Messenger timestamp of 9e15', send: meta(messengerMessage(uid('d'), { timestamp: 9e15 })), status: 400, error: 'invalid_payload', message: /messaging\[0\]\.timestamp/ },
  { name: 'meta: a Messenger timestamp of -1', send: meta(messengerMessage(uid('d'), { timestamp: -1 })), status: 400, error: 'invalid_payload' },
  { name: 'meta: an Instagram entry.time of 1e308', send: meta(instagramComment(uid('d'), 1e308)), status: 400, error: 'invalid_payload', message: /entry\[0\]\.time/ },
  { name: 'meta: a good Instagram comment', send: meta(instagramComment(uid('d'))), status: 200, stores: 1 },
  { name: 'x: item 5, created_at in the year 9999', send: x(xMention(uid('d'), { created_at: 'Fri Dec 31 23:00:00 +0000 9999' })), status: 400, error: 'invalid_payload', message: /tweet_create_events\[0\]\.created_at 9999-12-31T23:00:00Z is outside/ },
  { name: 'x: created_at in the year 0050 is not read as 1950', send: x(xMention(uid('d'), { created_at: 'Wed Jun 01 10:00:00 +0000 0050' })), status: 400, error: 'invalid_payload', message: /0050-06-01T10:00:00Z is outside/ },
  { name: 'x: created_at on 30 February', send: x(xMention(uid('d'), { created_at: 'Mon Feb 30 10:00:00 +0000 2026' })), status: 400, error: 'invalid_payload' },
  { name: 'x: timestamp_ms of 20 digits', send: x(xMention(uid('d'), { timestamp_ms: '99999999999999999999' })), status: 400, error: 'invalid_payload', message: /timestamp_ms/ },
  { name: 'x: a DM created_timestamp of 0', send: x(xDirectMessage(uid('d'), '0')), status: 400, error: 'invalid_payload', message: /direct_message_events\[0\]\.created_timestamp/ },
  { name: 'x: a DM created_timestamp of 400 digits', send: x(xDirectMessage(uid('d'), '9'.repeat(400))), status: 400, error: 'invalid_payload' },
];
