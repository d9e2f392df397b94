import { describe, expect, it } from 'vitest';
import { parseMetaPayload } from '../../../../adapters/sources/meta/index.js';
import { edited, fixture, payloadError } from './support.js';

describe('a payload that is not what Meta sends', () => {
  describe('when the JSON is not an object', () => {
    it.each([
      [[], 'an array'],
      ['hej', 'string "hej"'],
      [null, 'null'],
      [42, 'number 42'],
    ])('rejects %j as invalid_payload', (body, found) => {
      const error = payloadError(body);
      expect(error.code).toBe('invalid_payload');
      expect(error.message).toBe(`the payload must be an object, not ${found}`);
    });
  });

  describe('when the envelope is incomplete', () => {
    it.each([
      ['no object', { entry: [] }, 'object is required'],
      ['a numeric object', { object: 1, entry: [] }, 'object must be a string, not number 1'],
      ['no entry', { object: 'page' }, 'entry is required'],
      ['an entry that is not a list', { object: 'instagram', entry: {} }, 'entry must be an array, not an object'],
      ['an entry without id', { object: 'page', entry: [{ time: 1, changes: [] }] }, 'entry[0].id is required'],
      ['changes that are not a list', { object: 'page', entry: [{ id: '1', changes: 'feed' }] }, 'entry[0].changes must be an array, not string "feed"'],
    ])('rejects %s', (_what, body, message) => {
      expect(payloadError(body).message).toBe(message);
    });
    it('ignores one unreadable item but takes the rest: a null messaging item, a change without value or field', () => {
      const comment = fixture('feed-comment').entry[0];
      const body = { object: 'page', entry: [{ id: '1', messaging: [null] }, { id: '2', changes: [{ field: 'feed' }, { value: {} }, 'feed', null] }, comment] };
      expect(parseMetaPayload(body)).toMatchObject([{ kind: 'message', message: { externalId: '812345678901234_1523847561234987' } }]);
    });
  });

  describe('when a Facebook comment lacks a field it cannot do without', () => {
    it('names the path of the missing field, in the right change', () => {
      const body = edited('feed-comment', (p) => {
        const second = structuredClone(p.entry[0].changes[0]);
        delete second.value.comment_id;
        p.entry[0].changes.push(second);
      });
      expect(payloadError(body).message).toBe('entry[0].changes[1].value.comment_id is required');
    });
    it('names a field of the wrong type and what was found', () => {
      const body = edited('feed-comment', (p) => (p.entry[0].changes[0].value.created_time = '1773132072'));
      expect(payloadError(body).message).toBe('entry[0].changes[0].value.created_time must be a number, not string "1773132072"');
    });
    it('lists every problem of the change', () => {
      const body = edited('feed-comment', (p) => {
        delete p.entry[0].changes[0].value.comment_id;
        delete p.entry[0].changes[0].value.post_id;
      });
      expect(payloadError(body).message).toBe('entry[0].changes[0].value.comment_id is required; entry[0].changes[0].value.post_id is required');
    });
    it('rejects a feed value that is not an object', () => {
      const body = edited('feed-comment', (p) => (p.entry[0].changes[0].value = 'comment'));
      expect(payloadError(body).message).toBe('entry[0].changes[0].value must be an object, not string "comment"');
    });
  });

  describe('when a Messenger message lacks a field it cannot do without', () => {
    it.each([
      ['its mid', (item: any) => delete item.message.mid, 'entry[0].messaging[0].message.mid is required'],
      ['its sender', (item: any) => delete item.sender, 'entry[0].messaging[0].sender is required'],
      ['its timestamp', (item: any) => delete item.timestamp, 'entry[0].messaging[0].timestamp is required'],
      ['a text that is not text', (item: any) => (item.message.text = 7), 'entry[0].messaging[0].message.text must be a string, not number 7'],
    ])('rejects it without %s', (_what, edit, message) => {
      expect(payloadError(edited('messenger-message', (p) => edit(p.entry[0].messaging[0]))).message).toBe(message);
    });
  });

  describe('when an Instagram comment lacks a field it cannot do without', () => {
    it('names the comment id', () => {
      const body = edited('instagram-comment', (p) => delete p.entry[0].changes[0].value.id);
      expect(payloadError(body).message).toBe('entry[0].changes[0].value.id is required');
    });
    it('names the entry time it is timed by', () => {
      const body = edited('instagram-comment', (p) => delete p.entry[0].time);
      expect(payloadError(body).message).toBe('entry[0].time is required');
    });
  });

  describe('when Meta adds fields we do not know', () => {
    it('accepts them and archives them in raw', () => {
      const body = edited('feed-comment', (p) => {
        p.hop_context = [];
        p.entry[0].uid = '104857331234567';
        p.entry[0].changes[0].value.is_hidden = false;
      });
      const [event] = parseMetaPayload(body);
      expect(event).toMatchObject({ kind: 'message', message: { raw: { entry: [{ changes: [{ value: { is_hidden: false } }] }] } } });
    });
  });

  describe('when the object is one this adapter does not read', () => {
    it.each(['user', 'permissions', 'whatsapp_business_account'])('ignores %s, whatever its entries look like', (object) => {
      expect(parseMetaPayload({ ...fixture('feed-comment'), object })).toEqual([]);
      expect(parseMetaPayload({ object, entry: 'not checked' })).toEqual([]);
    });
  });
});
