/**
 * Item 5 at the parsers: a message's own time outside 2000-01-01 … 24 hours after the server's clock
 * is a PayloadError (HTTP 400) naming the field and the range, on every source, instead of an instant
 * the calendar cannot compute (500) or a year read wrong (0050 as 1950).
 */
import { describe, expect, it } from 'vitest';
import { parseGenericPayload } from '../../../adapters/sources/generic/index.js';
import { parseMetaPayload } from '../../../adapters/sources/meta/index.js';
import { parseXPayload } from '../../../adapters/sources/x/parse.js';
import { PayloadError } from '../../../src/inquiries/inbound.js';
import { messageTimeRange } from '../../../src/time/accepted-range.js';
import { edited } from './meta/support.js';
import { aDm, aTweet, payload } from './x/support.js';

const NOW = Date.parse('2026-11-25T12:00:00+01:00');
const range = messageTimeRange(NOW);
const RANGE = "between 2000-01-01T00:00:00Z and 2026-11-26T11:00:00Z (24 hours after the server's clock)";

function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (e) {
    if (e instanceof PayloadError) return e.message;
    throw e;
  }
  throw new Error('expected a PayloadError, but the payload was accepted');
}

describe('a message time outside the accepted range', () => {
  describe('on the generic webhook', () => {
    const message = (received_at: string) => ({ account: 'hofors-blogg', external_id: 'k-1', author: 'Kalle', text: 'Hej', received_at });
    it('names received_at and the range for 9999-12-31T23:00:00Z', () => {
      expect(refusal(() => parseGenericPayload(message('9999-12-31T23:00:00Z'), 'hofors-blogg', range))).toBe(`received_at: 9999-12-31T23:00:00Z is outside the accepted range: it must lie ${RANGE}`);
    });
    it('reads 0050-06-01 as the year 50, and refuses it', () => {
      expect(refusal(() => parseGenericPayload(message('0050-06-01T10:00:00Z'), 'hofors-blogg', range))).toMatch(/^received_at: 0050-06-01T10:00:00Z is outside/);
    });
    it('names the batch item and answered_at', () => {
      const batch = { messages: [message('2026-11-25T10:00:00Z'), { account: 'hofors-blogg', answers: 'k-1', answered_at: '2027-01-01T00:00:00Z' }] };
      expect(refusal(() => parseGenericPayload(batch, 'hofors-blogg', range))).toMatch(/^messages\[1\]\.answered_at: 2027-01-01T00:00:00Z is outside/);
    });
    it('accepts a time 23 hours ahead of the clock', () => {
      expect(parseGenericPayload(message('2026-11-26T10:00:00Z'), 'hofors-blogg', range)).toHaveLength(1);
    });
  });

  describe('on the Meta webhook', () => {
    it.each([
      [1e308, 'created_time: 1e+308'],
      [9e15, 'created_time: 9000000000000000'],
      [-1e12, 'created_time: -1000000000000'],
    ])('a Facebook comment created_time of %s', (t, named) => {
      const body = edited('feed-comment', (p) => (p.entry[0].changes[0].value.created_time = t));
      expect(refusal(() => parseMetaPayload(body, range))).toBe(`entry[0].changes[0].value.${named} is outside the accepted range: it must lie ${RANGE}`);
    });
    it('a Messenger timestamp and an Instagram entry.time', () => {
      expect(refusal(() => parseMetaPayload(edited('messenger-message', (p) => (p.entry[0].messaging[0].timestamp = 9e15)), range))).toMatch(/^entry\[0\]\.messaging\[0\]\.timestamp: 9000000000000000 is outside/);
      expect(refusal(() => parseMetaPayload(edited('instagram-comment', (p) => (p.entry[0].time = 1e308)), range))).toMatch(/^entry\[0\]\.time: 1e\+308 is outside/);
    });
  });

  describe('on the X webhook', () => {
    it('a tweet created in the year 9999', () => {
      const body = payload({ tweet_create_events: [aTweet({ created_at: 'Fri Dec 31 23:00:00 +0000 9999', timestamp_ms: undefined })] });
      expect(refusal(() => parseXPayload(body, range))).toBe(`invalid X webhook payload: tweet_create_events[0].created_at 9999-12-31T23:00:00Z is outside the accepted range: it must lie ${RANGE}`);
    });
    it('a tweet created in the year 0050 is not read as 1950', () => {
      const body = payload({ tweet_create_events: [aTweet({ created_at: 'Wed Jun 01 10:00:00 +0000 0050', timestamp_ms: undefined })] });
      expect(refusal(() => parseXPayload(body, range))).toMatch(/created_at 0050-06-01T10:00:00Z is outside/);
    });
    it('a direct message with a created_timestamp of 20 digits', () => {
      const body = payload({ direct_message_events: [aDm({ created_timestamp: '99999999999999999999' })] });
      expect(refusal(() => parseXPayload(body, range))).toMatch(/direct_message_events\[0\]\.created_timestamp not a representable instant is outside/);
    });
  });
});
