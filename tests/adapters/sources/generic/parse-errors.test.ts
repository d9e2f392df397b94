import { describe, expect, it } from 'vitest';
import { GenericPayloadError, parseGenericPayload } from '../../../../adapters/sources/generic/index.js';
import { PayloadError } from '../../../../src/inquiries/inbound.js';

/** A valid blog comment; tests override one field at a time. */
const comment = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  account: 'hofors-bloggen',
  external_id: 'kommentar-4711',
  author: 'Anna',
  text: 'Hej! Var hämtar jag mitt parkeringstillstånd?',
  received_at: '2026-11-25T09:14:00+01:00',
  ...over,
});
const without = (key: string): Record<string, unknown> => {
  const c = comment();
  delete c[key];
  return c;
};

function problemsOf(body: unknown): string {
  try {
    parseGenericPayload(body, 'hofors-blogg');
  } catch (e) {
    expect(e).toBeInstanceOf(GenericPayloadError);
    expect(e).toBeInstanceOf(PayloadError);
    expect((e as PayloadError).code).toBe('invalid_payload');
    expect((e as GenericPayloadError).source).toBe('hofors-blogg');
    return (e as Error).message;
  }
  throw new Error('expected a PayloadError');
}

const CHANNELS = 'facebook, messenger, instagram, instagram_dm, instagram_mention, x, blog, chat, email, youtube, linkedin, tiktok, web';
const ISO = 'is not an ISO 8601 instant with offset';

describe('a generic webhook body that is not valid', () => {
  it('lists every problem with its field path, joined by "; "', () => {
    const body = { ...without('text'), received_at: 'igår' };
    expect(problemsOf(body)).toBe(`text is required; received_at: "igår" ${ISO}`);
    expect(() => parseGenericPayload(body, 'hofors-blogg')).toThrow(
      expect.objectContaining({ problems: ['text is required', `received_at: "igår" ${ISO}`] }),
    );
  });

  describe('when a required field is missing or null', () => {
    it.each(['account', 'external_id', 'author', 'text', 'received_at'])('names %s', (key) => {
      expect(problemsOf(without(key))).toBe(`${key} is required`);
    });
    it('says null is not text', () => {
      expect(problemsOf(comment({ text: null }))).toBe('text: expected text, got nothing (null)');
    });
  });

  describe('when received_at', () => {
    it.each([
      ['igår', `received_at: "igår" ${ISO}`],
      ['2026-11-25', `received_at: "2026-11-25" ${ISO}`],
      ['2026-11-25T09:14:00', `received_at: "2026-11-25T09:14:00" ${ISO} (add Z or an offset such as +01:00: a webhook must say its zone)`],
      ['2026-02-30T09:14:00+01:00', `received_at: "2026-02-30T09:14:00+01:00" ${ISO} (no such date, time or offset)`],
      ['2026-11-25T25:00:00Z', `received_at: "2026-11-25T25:00:00Z" ${ISO} (no such date, time or offset)`],
    ])('is %j', (value, message) => {
      expect(problemsOf(comment({ received_at: value }))).toBe(message);
    });
    it('is epoch seconds, a number', () => {
      expect(problemsOf(comment({ received_at: 1795594440 }))).toBe('received_at: expected text, got number 1795594440');
    });
  });

  describe('when a field is too long or empty', () => {
    it('rejects ids over 200 characters and blank ids', () => {
      expect(problemsOf(comment({ external_id: 'x'.repeat(201), account: '  ' }))).toBe(
        'account: must not be empty; external_id: is 201 characters long, at most 200 allowed',
      );
      expect(parseGenericPayload(comment({ external_id: 'x'.repeat(200) }), 's')).toHaveLength(1);
    });
    it('rejects text over 20,000 characters (counted as characters, not UTF-16 units) and blank text', () => {
      expect(problemsOf(comment({ text: 'å'.repeat(20_001) }))).toBe('text: is 20001 characters long, at most 20000 allowed');
      expect(parseGenericPayload(comment({ text: '😀'.repeat(20_000) }), 's')).toHaveLength(1);
      expect(problemsOf(comment({ text: ' \n ' }))).toBe('text: must not be empty');
    });
    it('rejects an empty in_reply_to or answers', () => {
      expect(problemsOf(comment({ in_reply_to: '' }))).toBe('in_reply_to: must not be empty');
      expect(problemsOf({ account: 'a', answers: '', answered_at: '2026-11-25T10:00:00Z' })).toBe('answers: must not be empty');
    });
  });

  describe('when the author', () => {
    it.each([
      [42, 'author: expected a name (text) or an object with id, name and/or handle, got number 42'],
      [['Anna'], 'author: expected a name (text) or an object with id, name and/or handle, got a list'],
      ['', 'author: must not be empty'],
      [{}, 'author: needs at least one of id, name, handle'],
      [{ id: 'u1', namn: 'Anna' }, 'author.namn: unknown field (did you mean "name"?), allowed: id, name, handle'],
      [{ name: 'x'.repeat(201) }, 'author.name: is 201 characters long, at most 200 allowed'],
    ])('is %j', (author, message) => {
      expect(problemsOf(comment({ author }))).toBe(message);
    });
  });

  describe('when url, channel or an unknown field is wrong', () => {
    it('rejects a url that is not http or https', () => {
      expect(problemsOf(comment({ url: 'javascript:alert(1)' }))).toBe('url: "javascript:alert(1)" is not an http or https URL');
      expect(problemsOf(comment({ url: 'blogg.hofors.se/inlagg' }))).toBe('url: "blogg.hofors.se/inlagg" is not an http or https URL');
    });
    it('rejects an unknown channel, with a hint for Swedish and misspelt names', () => {
      expect(problemsOf(comment({ channel: 'blogg' }))).toBe(`channel: "blogg" is not a channel kind (did you mean "blog"?), known: ${CHANNELS}`);
      expect(problemsOf(comment({ channel: 'chatt' }))).toBe(`channel: "chatt" is not a channel kind (did you mean "chat"?), known: ${CHANNELS}`);
    });
    it('rejects an unknown field, suggesting the right one', () => {
      expect(problemsOf(comment({ in_replyto: 'k-1' }))).toBe(
        'in_replyto: unknown field (did you mean "in_reply_to"?), allowed: account, external_id, author, text, received_at, url, channel, in_reply_to',
      );
    });
  });

  describe('when an answered notification is wrong', () => {
    it('names its own fields', () => {
      expect(problemsOf({ account: 'a', answers: 'k-1', answered_at: '2026-11-25T10:00', text: 'Svar' })).toBe(
        `answered_at: "2026-11-25T10:00" ${ISO} (add Z or an offset such as +01:00: a webhook must say its zone); text: unknown field, allowed: account, answers, answered_at, external_id, channel`,
      );
    });
  });

  describe('when a batch is wrong', () => {
    it('prefixes each item’s problems with its index', () => {
      expect(problemsOf({ messages: [comment(), comment({ text: undefined }), 'hej', { answers: 'k-1', account: 'a' }] })).toBe(
        'messages[1].text is required; messages[2]: must be a JSON object (a message or an answered notification), got text "hej"; messages[3].answered_at is required',
      );
    });
    it('rejects an empty batch, more than 100 items, a non-list and other fields', () => {
      expect(problemsOf({ messages: [] })).toBe('messages: holds 0 items, a batch holds 1 to 100');
      expect(problemsOf({ messages: Array.from({ length: 101 }, () => comment()) })).toBe('messages: holds 101 items, a batch holds 1 to 100');
      expect(problemsOf({ messages: { text: 'Hej' } })).toBe('messages: expected a list, got an object');
      expect(problemsOf({ messages: [comment()], account: 'a' })).toBe('account: unknown field, a batch has only "messages"');
    });
  });

  describe('when the JSON is not an object', () => {
    it.each([
      [[], 'a list'],
      ['Hej kommunen', 'text "Hej kommunen"'],
      [17, 'number 17'],
      [true, 'boolean true'],
      [null, 'nothing (null)'],
    ])('refuses %j', (body, what) => {
      expect(problemsOf(body)).toBe(`the payload must be a JSON object (a message or an answered notification), got ${what}`);
    });
  });
});
