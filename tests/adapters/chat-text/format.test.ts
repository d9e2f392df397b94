/** The building blocks of chat text: dates, working time, names and excerpts, in Swedish and English. */
import { describe, expect, it } from 'vitest';
import {
  channelName, formatAbsenceEnd, formatDate, formatDateTime, formatWorkingTimeLeft, onChannel, personalDataList, quote, truncate,
} from '../../../adapters/chat-text/index.js';
import { at } from '../../support/calendar-builder.js';
import { HOUR, MINUTE } from './builders.js';

const zone = 'Europe/Stockholm';

describe('a deadline as a person reads it', () => {
  describe('when it is on another day of the same year', () => {
    it('prints weekday, day, month and clock time', () => {
      expect(formatDateTime(at('2026-11-26T09:00'), zone, at('2026-11-24T08:00'), 'sv')).toBe('torsdag 26 november kl. 09:00');
      expect(formatDateTime(at('2026-11-26T09:00'), zone, at('2026-11-24T08:00'), 'en')).toBe('Thursday 26 November at 09:00');
    });
  });

  describe('when it is today, tomorrow or yesterday in the organization’s zone', () => {
    const now = at('2026-11-24T08:00');
    it('says "i dag", "i morgon" and "i går"', () => {
      expect(formatDateTime(at('2026-11-24T14:30'), zone, now, 'sv')).toBe('i dag kl. 14:30');
      expect(formatDateTime(at('2026-11-25T09:00'), zone, now, 'sv')).toBe('i morgon kl. 09:00');
      expect(formatDateTime(at('2026-11-23T16:00'), zone, now, 'sv')).toBe('i går kl. 16:00');
    });
    it('says "today", "tomorrow" and "yesterday" in English', () => {
      expect(formatDateTime(at('2026-11-24T14:30'), zone, now, 'en')).toBe('today at 14:30');
      expect(formatDateTime(at('2026-11-25T09:00'), zone, now, 'en')).toBe('tomorrow at 09:00');
      expect(formatDateTime(at('2026-11-23T16:00'), zone, now, 'en')).toBe('yesterday at 16:00');
    });
    it('counts local days, not UTC days (23:30 and 00:30 the next night fall on the same UTC day)', () => {
      expect(formatDateTime(at('2026-11-25T00:30'), zone, at('2026-11-24T23:30'), 'sv')).toBe('i morgon kl. 00:30');
    });
    it('counts a 23-hour day as one day', () => {
      expect(formatDateTime(at('2026-03-29T12:00'), zone, at('2026-03-28T12:00'), 'sv')).toBe('i morgon kl. 12:00');
    });
  });

  describe('when it is in another year', () => {
    it('adds the year', () => {
      expect(formatDateTime(at('2027-01-08T10:00'), zone, at('2026-12-30T10:00'), 'sv')).toBe('fredag 8 januari 2027 kl. 10:00');
      expect(formatDateTime(at('2027-01-08T10:00'), zone, at('2026-12-30T10:00'), 'en')).toBe('Friday 8 January 2027 at 10:00');
    });
  });

  describe('when daylight saving time has begun (Sunday 29 March 2026)', () => {
    it('prints Monday 30 March 08:00 UTC as 10:00 summer time', () => {
      expect(formatDateTime(at('2026-03-30T08:00:00Z'), zone, at('2026-03-27T12:00'), 'sv')).toBe('måndag 30 mars kl. 10:00');
    });
    it('prints Monday 26 October 07:00 UTC as 08:00 winter time after it ended', () => {
      expect(formatDateTime(at('2026-10-26T07:00:00Z'), zone, at('2026-10-23T12:00'), 'sv')).toBe('måndag 26 oktober kl. 08:00');
    });
  });

  describe('when the time zone is not Stockholm', () => {
    it('prints the clock of that zone', () => {
      expect(formatDateTime(at('2026-11-24T09:00:00Z'), 'Europe/Helsinki', at('2026-11-24T08:00:00Z'), 'sv')).toBe('i dag kl. 11:00');
    });
  });
});

describe('a calendar date (the digest’s)', () => {
  it('prints weekday, day and month', () => {
    expect(formatDate('2026-11-25', 'sv')).toBe('onsdag 25 november');
    expect(formatDate('2026-11-25', 'en')).toBe('Wednesday 25 November');
  });
  it('returns anything that is not a date as given', () => {
    expect(formatDate('2026-02-30', 'sv')).toBe('2026-02-30');
  });
});

describe('the end of an absence (an exclusive end instant)', () => {
  const now = at('2026-11-24T08:00');
  describe('when it ends at midnight', () => {
    it('names the last day away, inclusive', () => {
      expect(formatAbsenceEnd(at('2026-11-28T00:00'), zone, now, 'sv')).toBe('till och med fredag 27 november');
      expect(formatAbsenceEnd(at('2026-11-28T00:00'), zone, now, 'en')).toBe('through Friday 27 November');
      expect(formatAbsenceEnd(at('2026-11-25T00:00'), zone, now, 'sv')).toBe('till och med i dag');
    });
  });
  describe('when it ends during a day', () => {
    it('names the day and time it ends', () => {
      expect(formatAbsenceEnd(at('2026-11-25T12:00'), zone, now, 'sv')).toBe('till i morgon kl. 12:00');
      expect(formatAbsenceEnd(at('2026-11-25T12:00'), zone, now, 'en')).toBe('until tomorrow at 12:00');
    });
  });
  describe('when it does not end after now (an inactive person)', () => {
    it('has no end to tell', () => {
      expect(formatAbsenceEnd(now, zone, now, 'sv')).toBeUndefined();
    });
  });
});

describe('working time left', () => {
  describe('when time is left', () => {
    it('prints hours and minutes of working time, omitting a zero part', () => {
      expect(formatWorkingTimeLeft(2 * HOUR + 15 * MINUTE, 'sv')).toBe('2 tim 15 min kvar i arbetstid');
      expect(formatWorkingTimeLeft(3 * HOUR, 'sv')).toBe('3 tim kvar i arbetstid');
      expect(formatWorkingTimeLeft(45 * MINUTE, 'sv')).toBe('45 min kvar i arbetstid');
      expect(formatWorkingTimeLeft(2 * HOUR + 15 * MINUTE, 'en')).toBe('2 h 15 min of working time left');
    });
    it('rounds down to whole minutes, never promising more than there is', () => {
      expect(formatWorkingTimeLeft(2 * HOUR + 15 * MINUTE + 59_000, 'sv')).toBe('2 tim 15 min kvar i arbetstid');
      expect(formatWorkingTimeLeft(30_000, 'sv')).toBe('mindre än 1 min kvar i arbetstid');
    });
  });
  describe('when none is left', () => {
    it('says so', () => {
      expect(formatWorkingTimeLeft(0, 'sv')).toBe('ingen arbetstid kvar');
      expect(formatWorkingTimeLeft(0, 'en')).toBe('no working time left');
    });
  });
  describe('when it is negative (overdue)', () => {
    it('prints how late, in working time', () => {
      expect(formatWorkingTimeLeft(-(HOUR + 5 * MINUTE), 'sv')).toBe('försenad med 1 tim 5 min arbetstid');
      expect(formatWorkingTimeLeft(-(HOUR + 5 * MINUTE), 'en')).toBe('overdue by 1 h 5 min of working time');
    });
  });
});

describe('names', () => {
  it('names each channel kind in Swedish, with its preposition', () => {
    const kinds = ['facebook', 'messenger', 'instagram', 'x', 'blog', 'chat', 'email', 'web', 'youtube', 'linkedin', 'tiktok'];
    expect(kinds.map((k) => channelName(k, 'sv'))).toEqual(['Facebook', 'Messenger', 'Instagram', 'X', 'bloggen', 'chatten', 'e-post', 'webben', 'YouTube', 'LinkedIn', 'TikTok']);
    expect(kinds.map((k) => onChannel(k, 'sv'))).toEqual([
      'på Facebook', 'i Messenger', 'på Instagram', 'på X', 'i bloggen', 'i chatten', 'via e-post', 'på webben', 'på YouTube', 'på LinkedIn', 'på TikTok',
    ]);
  });
  it('shows an unknown channel kind as given', () => {
    expect(channelName('mastodon', 'sv')).toBe('mastodon');
    expect(onChannel('mastodon', 'sv')).toBe('i kanalen mastodon');
    expect(onChannel('toString', 'sv')).toBe('i kanalen toString');
  });
  it('names personal-data kinds in Swedish, each once, joined with "och"', () => {
    expect(personalDataList(['personnummer'], 'sv')).toBe('personnummer');
    expect(personalDataList(['personnummer', 'phone', 'phone'], 'sv')).toBe('personnummer och telefonnummer');
    expect(personalDataList(['samordningsnummer', 'phone', 'email'], 'sv')).toBe('samordningsnummer, telefonnummer och e-postadress');
    expect(personalDataList(['personnummer', 'email'], 'en')).toBe('personal identity number and email address');
  });
});

describe('a citizen’s text in a message', () => {
  describe('when it is short', () => {
    it('is quoted whole, on one line', () => {
      expect(quote('Hej!\n\nNär töms   soporna?', 500, 'sv')).toBe('”Hej! När töms soporna?”');
      expect(quote('Hello', 500, 'en')).toBe('“Hello”');
    });
    it('keeps a text of exactly the limit', () => {
      expect(truncate('a'.repeat(500), 500)).toBe('a'.repeat(500));
    });
  });
  describe('when it is longer than the limit', () => {
    const sentence = 'Snöröjningen på Hedåsvägen är dålig. ';
    it('is cut at the last word boundary before the limit and ends with "…"', () => {
      expect(quote(sentence.repeat(20), 500, 'sv')).toBe(`”${sentence.repeat(13)}Snöröjningen på…”`);
    });
    it('is cut at the limit when there is no space near it', () => {
      expect(truncate(`https://example.se/${'x'.repeat(700)}`, 500)).toBe(`https://example.se/${'x'.repeat(481)}…`);
    });
    it('never cuts an emoji in half', () => {
      expect(truncate('👍'.repeat(10), 5)).toBe('👍👍👍👍👍…');
    });
  });
  describe('when there is none', () => {
    it('says so', () => {
      expect(quote(null, 500, 'sv')).toBe('(ingen text)');
      expect(quote('  ', 500, 'en')).toBe('(no text)');
    });
  });
});
