import { describe, expect, it } from 'vitest';
import { parseXPayload } from '../../../../adapters/sources/x/parse.js';
import { PayloadError } from '../../../../src/inquiries/inbound.js';
import { aDm, aTweet, HOFORS, payload, without } from './support.js';

/** The PayloadError that parsing `body` throws (fails the test when nothing is thrown). */
function payloadError(body: unknown): PayloadError {
  try {
    parseXPayload(body);
  } catch (e) {
    if (e instanceof PayloadError) return e;
    throw e;
  }
  throw new Error('expected a PayloadError, but the payload was accepted');
}

const tweets = (...list: unknown[]) => payload({ tweet_create_events: list });
const dms = (...list: unknown[]) => payload({ direct_message_events: list });

describe('rejecting a payload of the wrong shape', () => {
  describe('when the JSON is not an object', () => {
    it.each([
      [null, 'null'],
      [[], 'a list'],
      ['tweet', 'string "tweet"'],
      [42, 'number 42'],
      [true, 'boolean true'],
    ])('rejects %j, saying what it got', (body, got) => {
      expect(payloadError(body).message).toBe(`invalid X webhook payload: the payload must be a JSON object, not ${got}`);
    });
    it('carries the stable code invalid_payload', () => {
      expect(payloadError(null)).toMatchObject({ name: 'PayloadError', code: 'invalid_payload' });
    });
  });

  describe('when for_user_id is missing or not a string', () => {
    it('names the field', () => {
      expect(payloadError({ tweet_create_events: [aTweet()] }).message).toBe('invalid X webhook payload: for_user_id is required');
      expect(payloadError({ for_user_id: 289337474 }).message).toBe('invalid X webhook payload: for_user_id must be a string, not number 289337474');
      expect(payloadError({ for_user_id: '' }).message).toBe('invalid X webhook payload: for_user_id must not be empty');
    });
  });

  describe('when an event array is not a list', () => {
    it('names the field and what it got', () => {
      expect(payloadError(payload({ tweet_create_events: aTweet() })).message).toBe(
        'invalid X webhook payload: tweet_create_events must be a list, not an object',
      );
    });
  });

  describe('when a tweet lacks a required field', () => {
    it.each([
      ['id_str', without(aTweet(), 'id_str'), 'tweet_create_events[0].id_str is required'],
      ['user', without(aTweet(), 'user'), 'tweet_create_events[0].user is required'],
      ['user.id_str', aTweet({ user: { screen_name: 'annalindqvist_' } }), 'tweet_create_events[0].user.id_str is required'],
      ['user.screen_name', aTweet({ user: { id_str: '1187345520741916672' } }), 'tweet_create_events[0].user.screen_name is required'],
      ['every form of text', without(aTweet(), 'text'), 'tweet_create_events[0].text is required (or full_text, or extended_tweet.full_text)'],
      [
        'both timestamps',
        without(without(aTweet(), 'timestamp_ms'), 'created_at'),
        'tweet_create_events[0].created_at is required when timestamp_ms is absent',
      ],
    ])('names the path when %s is missing', (_field, tweet, message) => {
      expect(payloadError(tweets(tweet)).message).toBe(`invalid X webhook payload: ${message}`);
    });
  });

  describe('when a tweet field has the wrong form', () => {
    it.each([
      ['id_str is a number', aTweet({ id_str: 2031274411103091250 }), 'tweet_create_events[0].id_str must be a string, not number 2031274411103091200'],
      ['timestamp_ms is not digits', aTweet({ timestamp_ms: '2026-03-10' }), 'tweet_create_events[0].timestamp_ms must be a string of digits (epoch milliseconds)'],
      [
        'created_at is ISO instead of v1.1',
        without(aTweet({ created_at: '2026-03-10T07:42:13Z' }), 'timestamp_ms'),
        'tweet_create_events[0].created_at "2026-03-10T07:42:13Z" is not a timestamp like "Wed Oct 10 20:19:24 +0000 2018"',
      ],
      [
        'created_at names a day that does not exist',
        without(aTweet({ created_at: 'Mon Feb 30 07:42:13 +0000 2026' }), 'timestamp_ms'),
        'tweet_create_events[0].created_at "Mon Feb 30 07:42:13 +0000 2026" is not a timestamp like "Wed Oct 10 20:19:24 +0000 2018"',
      ],
      [
        'created_at has an offset that is none (+9999)',
        without(aTweet({ created_at: 'Tue Mar 10 07:42:13 +9999 2026' }), 'timestamp_ms'),
        'tweet_create_events[0].created_at "Tue Mar 10 07:42:13 +9999 2026" is not a timestamp like "Wed Oct 10 20:19:24 +0000 2018"',
      ],
      ['in_reply_to_status_id_str is a number', aTweet({ in_reply_to_status_id_str: 7 }), 'tweet_create_events[0].in_reply_to_status_id_str must be a string, not number 7'],
    ])('names the path when %s', (_case, tweet, message) => {
      expect(payloadError(tweets(tweet)).message).toBe(`invalid X webhook payload: ${message}`);
    });
  });

  describe('when a direct message event lacks a required field', () => {
    it.each([
      ['type', without(aDm(), 'type'), 'direct_message_events[0].type is required'],
      ['id', without(aDm(), 'id'), 'direct_message_events[0].id is required'],
      ['created_timestamp', without(aDm(), 'created_timestamp'), 'direct_message_events[0].created_timestamp is required'],
      [
        'message_create.sender_id',
        aDm({ message_create: { target: { recipient_id: HOFORS }, message_data: { text: 'Hej' } } }),
        'direct_message_events[0].message_create.sender_id is required',
      ],
      [
        'message_create.target.recipient_id',
        aDm({ message_create: { target: {}, sender_id: '1187345520741916672', message_data: { text: 'Hej' } } }),
        'direct_message_events[0].message_create.target.recipient_id is required',
      ],
      [
        'message_create.message_data.text',
        aDm({ message_create: { target: { recipient_id: HOFORS }, sender_id: '1187345520741916672', message_data: {} } }),
        'direct_message_events[0].message_create.message_data.text is required',
      ],
    ])('names the path when %s is missing', (_field, dm, message) => {
      expect(payloadError(dms(dm)).message).toBe(`invalid X webhook payload: ${message}`);
    });
  });

  describe('when a users entry has the wrong form', () => {
    it('names the path', () => {
      expect(payloadError({ ...dms(aDm()), users: { '1187345520741916672': { name: 7 } } }).message).toBe(
        'invalid X webhook payload: users.1187345520741916672.name must be a string, not number 7',
      );
    });
  });

  describe('when several events are wrong', () => {
    it('lists every problem, with the index of each event', () => {
      const body = payload({ tweet_create_events: [aTweet(), without(aTweet(), 'id_str')], direct_message_events: [without(aDm(), 'id')] });
      expect(payloadError(body).message).toBe(
        'invalid X webhook payload: tweet_create_events[1].id_str is required; direct_message_events[0].id is required',
      );
    });
    it('gives no events for the valid ones either: the delivery is rejected whole', () => {
      expect(() => parseXPayload(tweets(aTweet(), {}))).toThrow(PayloadError);
    });
  });
});
