/**
 * Rows for the storage layer's classes (issue 11 items 3, 4, 7): NUL and lone surrogates anywhere a
 * source puts text (stored with U+FFFD, the raw body kept byte for byte), a batch whose one item
 * carries them (stored whole), and identical answer notices at once (one answer, every notice 200).
 */
import { concurrently, generic, meta, teams, uid, x, type Case } from './case.js';
import { genericMessage, messengerMessage, metaComment, teamsActivity, xMention } from './payloads.js';

/** JSON text with a lone surrogate escape where `XX` stands (JSON.stringify would not write one). */
const withLone = (body: object, escape: string): string => JSON.stringify(body).replace('XX', escape);

export const STORAGE: Case[] = [
  { name: 'generic: a NUL in the text', send: generic(genericMessage(uid('n'), { text: 'a\u0000b' })), status: 200, stores: 1 },
  { name: 'generic: a lone surrogate in the text', send: generic(withLone(genericMessage(uid('n'), { text: 'XX' }), '\\ud800')), status: 200, stores: 1 },
  { name: 'generic: a NUL in the author', send: generic(genericMessage(uid('n'), { author: 'K\u0000' })), status: 200, stores: 1 },
  { name: 'generic: a NUL in external_id', send: generic(genericMessage(`x\u0000${uid('y')}`)), status: 200, stores: 1 },
  { name: 'meta: a NUL in the comment', send: meta(metaComment(uid('n'), { message: 'a\u0000' })), status: 200, stores: 1 },
  { name: 'meta: a lone surrogate in the comment', send: meta(withLone(metaComment(uid('n'), { message: 'XX' }), '\\udfff')), status: 200, stores: 1 },
  { name: 'meta: a NUL in the page id', send: meta(metaComment(uid('n'), {}, { id: '1\u0000' })), status: 200, stores: 1 },
  { name: 'meta: a NUL only in the raw payload', send: meta(metaComment(uid('n'), { extra: '\u0000' })), status: 200, stores: 1 },
  { name: 'meta: a NUL in a Messenger mid', send: meta(messengerMessage(uid('n'), { message: { mid: `m\u0000${uid('m')}`, text: 'x' } })), status: 200, stores: 1 },
  { name: 'x: a NUL in a tweet', send: x(xMention(uid('n'), { text: 'a\u0000' })), status: 200, stores: 1 },
  { name: 'x: a lone surrogate in screen_name', send: x(withLone(xMention(uid('n'), { user: { id_str: '1', screen_name: 'XX' } }), '\\ud83d')), status: 200, stores: 1 },
  { name: 'teams: a NUL in from.name', send: teams(teamsActivity(uid('n'), { from: { id: '29:1x', name: 'a\u0000' } })), status: 200 },
  { name: 'generic: a batch whose second item has a NUL', send: generic({ messages: [genericMessage(uid('n')), genericMessage(uid('n'), { text: 'a\u0000' }), genericMessage(uid('n'))] }), status: 200, stores: 3 },
  // issue 11 item 13: in no-auth mode a reply goes only to a loopback serviceUrl
  { name: 'teams: a serviceUrl to the metadata service', send: teams(teamsActivity(uid('a'), { serviceUrl: 'http://169.254.169.254/' })), status: 403, error: 'service_url_not_allowed' },
  { name: 'generic: a comment to be answered', send: generic(genericMessage('to-answer-1')), status: 200, stores: 1 },
  { name: 'generic: 20 identical answer notices at once (one answer)', send: concurrently(20, generic({ account: 'hofors-bloggen', answers: 'to-answer-1', answered_at: '2026-11-25T11:00:00+01:00' })), status: 200, events: 1 },
];
