import { eventItem } from '../../../../src/inquiries/inbound.js';
import { describe, expect, it } from 'vitest';
import { parseXPayload } from '../../../../adapters/sources/x/parse.js';
import { aTweet, ANNA, fixture, HOFORS, payload, without } from './support.js';

const at = (iso: string) => Date.parse(iso);

describe('parsing tweet_create_events', () => {
  describe('when a citizen mentions the account', () => {
    const body = fixture('mention.json');
    it('gives one message with the author, text, link and time of the tweet, and the tweet as raw', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031274411103091250',
            author: ANNA,
            text: '@hoforskommun när öppnar badhuset igen? Barnen undrar 🏊',
            url: 'https://x.com/annalindqvist_/status/2031274411103091250',
            receivedAt: at('2026-03-10T08:42:13.517+01:00'),
            raw: body.tweet_create_events[0],
          },
        },
      ]);
    });
    it('archives the tweet object as it arrived, not a validated copy', () => {
      const [event] = parseXPayload(body);
      expect(event?.kind === 'message' && event.message.raw).toBe(body.tweet_create_events[0]);
    });
  });

  describe('when the account replies to a tweet', () => {
    const body = fixture('own-reply.json');
    it('gives an own reply to that tweet', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031295444213677128',
            inReplyTo: '2031274411103091250',
            answeredAt: at('2026-03-10T10:05:48.201+01:00'),
            text: body.tweet_create_events[0].text,
            raw: body.tweet_create_events[0],
          },
        },
      ]);
    });
  });

  describe('when the tweet is longer than 140 characters and arrives truncated', () => {
    const body = fixture('extended-tweet.json');
    it('takes the whole text from extended_tweet.full_text', () => {
      expect(parseXPayload(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'x',
            channel: 'x',
            accountExternalId: HOFORS,
            externalId: '2031343572519042669',
            author: { id: '3154780921', name: 'Lars Eriksson', handle: 'larseriksson_hfs' },
            text:
              '@hoforskommun Hej! Gatlyktorna längs Källbovägen mellan Hammarvägen och skolan har varit släckta i över en vecka nu. ' +
              'Det är becksvart när barnen går till skolan på morgonen. Vem ansvarar för det och när blir det lagat?',
            url: 'https://x.com/larseriksson_hfs/status/2031343572519042669',
            receivedAt: at('2026-03-10T13:17:02.884+01:00'),
            raw: body.tweet_create_events[0],
          },
        },
      ]);
    });
  });

  describe('when someone retweets the account', () => {
    it('gives nothing: a retweet asks no question', () => {
      expect(parseXPayload(fixture('retweet.json'))).toEqual([]);
    });
  });

  describe('when the account retweets someone', () => {
    it('gives nothing either', () => {
      const retweet = aTweet({ user: { id_str: HOFORS, screen_name: 'hoforskommun' }, in_reply_to_status_id_str: null, retweeted_status: aTweet() });
      expect(parseXPayload(payload({ tweet_create_events: [retweet] }))).toEqual([]);
    });
  });

  describe('when several tweets arrive in one delivery', () => {
    const body = fixture('batch.json');
    const events = parseXPayload(body);
    it('keeps the citizens’ tweets and the own reply, in order, and skips the own announcement', () => {
      expect(events.map((e) => eventItem(e).externalId)).toEqual([
        '2031625752076755097',
        '2031629360585743101',
        '2031645028585575470',
      ]);
    });
    it('gives a mention as a message', () => {
      expect(events[0]).toEqual({
        kind: 'message',
        message: {
          source: 'x',
          channel: 'x',
          accountExternalId: HOFORS,
          externalId: '2031625752076755097',
          author: { id: '2419870356', name: 'Johan Sundberg', handle: 'jsundberg73' },
          text: '@hoforskommun Är återvinningscentralen öppen på lördag? Behöver bli av med gamla möbler.',
          url: 'https://x.com/jsundberg73/status/2031625752076755097',
          receivedAt: at('2026-03-11T07:58:19.733+01:00'),
          raw: body.tweet_create_events[0],
        },
      });
    });
    it('gives a citizen’s reply to the account’s tweet as a message in reply to that tweet', () => {
      expect(events[1]).toEqual({
        kind: 'message',
        message: {
          source: 'x',
          channel: 'x',
          accountExternalId: HOFORS,
          externalId: '2031629360585743101',
          author: { id: '1612044857269510144', name: 'Sofia Ahmadi', handle: 'sofiaahmadi_' },
          text: '@hoforskommun Hur gammal måste man vara för att söka feriearbete? Min son fyller 15 i maj.',
          url: 'https://x.com/sofiaahmadi_/status/2031629360585743101',
          receivedAt: at('2026-03-11T08:12:40.068+01:00'),
          inReplyTo: '2029844436504957184',
          raw: body.tweet_create_events[1],
        },
      });
    });
    it('gives the account’s answer to the first as an own reply', () => {
      expect(events[2]).toEqual({
        kind: 'own_reply',
        reply: {
          source: 'x',
          channel: 'x',
          accountExternalId: HOFORS,
          externalId: '2031645028585575470',
          inReplyTo: '2031625752076755097',
          answeredAt: at('2026-03-11T09:14:55.611+01:00'),
          text: body.tweet_create_events[3].text,
          raw: body.tweet_create_events[3],
        },
      });
    });
  });

  describe('when timestamp_ms is absent', () => {
    it('takes the time from created_at', () => {
      const [event] = parseXPayload(payload({ tweet_create_events: [without(aTweet(), 'timestamp_ms')] }));
      expect(event).toMatchObject({ message: { receivedAt: at('2026-03-10T08:42:13+01:00') } });
    });
    it('honours the offset in created_at', () => {
      const tweet = without(aTweet({ created_at: 'Tue Mar 10 08:42:13 +0100 2026' }), 'timestamp_ms');
      expect(parseXPayload(payload({ tweet_create_events: [tweet] }))).toMatchObject([{ message: { receivedAt: at('2026-03-10T08:42:13+01:00') } }]);
    });
  });

  describe('when the tweet carries full_text instead of text (extended mode)', () => {
    it('takes full_text', () => {
      const tweet = aTweet({ full_text: '@hoforskommun när öppnar badhuset igen? Och simhallen?', text: '@hoforskommun när öppnar badhuset' });
      expect(parseXPayload(payload({ tweet_create_events: [tweet] }))).toMatchObject([{ message: { text: '@hoforskommun när öppnar badhuset igen? Och simhallen?' } }]);
    });
  });

  describe('when the author has no display name', () => {
    it('gives the author by id and handle only', () => {
      const tweet = aTweet({ user: { id_str: ANNA.id, screen_name: ANNA.handle } });
      const [event] = parseXPayload(payload({ tweet_create_events: [tweet] }));
      expect(event?.kind === 'message' && event.message.author).toStrictEqual({ id: ANNA.id, handle: ANNA.handle });
    });
  });

  describe('when the account tweets without replying to anything', () => {
    it('gives nothing: an announcement answers no one', () => {
      const tweet = aTweet({ user: { id_str: HOFORS, name: 'Hofors kommun', screen_name: 'hoforskommun' }, text: 'Snöröjningen pågår.' });
      expect(parseXPayload(payload({ tweet_create_events: [tweet] }))).toEqual([]);
    });
  });
});
