import { describe, expect, it } from 'vitest';
import { parseXPayload } from '../../../../adapters/sources/x/parse.js';
import { fixture, HOFORS, payload } from './support.js';

describe('parsing activity that asks no question', () => {
  describe('when someone likes the account’s tweet', () => {
    it('gives nothing', () => {
      expect(parseXPayload(fixture('favorite.json'))).toEqual([]);
    });
  });

  describe('when the payload carries other event arrays', () => {
    it.each([
      ['follow_events', { follow_events: [{ type: 'follow', created_timestamp: '1773159044902', target: { id: HOFORS }, source: { id: '845311290' } }] }],
      ['direct_message_indicate_typing_events', { direct_message_indicate_typing_events: [{ created_timestamp: '1773159044902', sender_id: '1402957371048787970', target: { recipient_id: HOFORS } }] }],
      ['direct_message_mark_read_events', { direct_message_mark_read_events: [{ created_timestamp: '1773159044902', sender_id: '1402957371048787970', target: { recipient_id: HOFORS }, last_read_event_id: '2031384884093642980' }] }],
      ['block_events', { block_events: [{ type: 'block', created_timestamp: '1773159044902', source: { id: HOFORS }, target: { id: '845311290' } }] }],
      ['favorite_events', { favorite_events: [{ id: 'a7ba59eab0bfcba386f7acedac279542', created_at: 'Mon Mar 26 16:33:26 +0000 2018', timestamp_ms: 1522082006140 }] }],
      ['user_event', { user_event: { revoke: { date_time: '2026-03-10T16:10:44+0000', target: { app_id: '3033300' }, source: { user_id: HOFORS } } } }],
    ])('ignores %s without error', (_name, fields) => {
      expect(parseXPayload(payload(fields))).toEqual([]);
    });
  });

  describe('when X sends a user_event (an app revoke) without for_user_id, as documented', () => {
    it('gives nothing, not an error', () => {
      expect(parseXPayload({ user_event: { revoke: { date_time: '2018-05-24T09:48:12+00:00', target: { app_id: '13090192' }, source: { user_id: '63046977' } } } })).toEqual([]);
    });
  });

  describe('when the payload carries only for_user_id', () => {
    it('gives nothing', () => {
      expect(parseXPayload(payload())).toEqual([]);
    });
  });

  describe('when an event array is empty', () => {
    it('gives nothing', () => {
      expect(parseXPayload(payload({ tweet_create_events: [], direct_message_events: [] }))).toEqual([]);
    });
  });
});
