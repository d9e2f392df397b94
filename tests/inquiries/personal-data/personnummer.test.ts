import { describe, expect, it } from 'vitest';
import { findIdentityNumbers, identityNumberKind } from '../../../src/inquiries/personal-data/index.js';
import { referenceLuhnOk } from './reference.js';

/** The numbers found in `text`, as the text they cover. */
const found = (text: string): string[] => findIdentityNumbers(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
const digitsOf = (n: string): string => n.replace(/\D/g, '').slice(-10);

describe('a personnummer in a message', () => {
  describe('when it has a valid check digit and a real date', () => {
    it.each(['811228-9874', '8112289874', '811228+9874', '19811228-9874', '198112289874', '640823-3234', '121212-1212', '19121212-1212'])(
      'finds %s',
      (n) => {
        expect(referenceLuhnOk(digitsOf(n))).toBe(true);
        expect(found(`Mitt personnummer är ${n}, tack.`)).toEqual([`personnummer:${n}`]);
      },
    );
    it('reports UTF-16 offsets of exactly the number', () => {
      expect(findIdentityNumbers('Pnr: 811228-9874.')).toEqual([{ kind: 'personnummer', start: 5, end: 16 }]);
    });
    it('finds it inside parentheses and after a colon', () => {
      expect(found('(811228-9874)')).toEqual(['personnummer:811228-9874']);
      expect(found('pnr:198112289874')).toEqual(['personnummer:198112289874']);
    });
  });

  describe('when it is written with a space or another common separator (issue 14)', () => {
    it.each(['811218 9876', '19811218 9876', '811218\u00a09876', '811218–9876', '811218 - 9876', '811218 -9876', '811218 + 9876', '19811228 9874'])('finds %s', (n) => {
      expect(referenceLuhnOk(digitsOf(n))).toBe(true);
      expect(found(`Mitt personnummer är ${n}, tack.`)).toEqual([`personnummer:${n}`]);
    });
    it('still not with a wrong check digit, a date that does not exist, or inside a longer number', () => {
      for (const text of ['811218 9875', '19811218 9877', '811318 9873', 'Faktura 070-811218 9876', 'Konto 12 811218 98765', 'Nummer 811218 98760']) expect(found(text)).toEqual([]);
    });
    it('not with dots or a space inside the date, and not a plus in the 12-digit form', () => {
      expect(found('811218.9876')).toEqual([]);
      expect(found('81 12 18 9876')).toEqual([]);
      expect(found('19811218 + 9876')).toEqual([]);
    });
    it('ordinary numbers with a space are not flagged: amounts, dates and times, postcodes', () => {
      for (const text of ['Det kostade 125 000 kronor 2026', 'Mötet är 2026-12-01 1300', 'Postnummer 813 30 Hofors, tel 0290 290 00', 'Ordernummer 123456 7890']) expect(found(text)).toEqual([]);
    });
  });

  describe('when the check digit is wrong', () => {
    it('is not flagged, in any form', () => {
      for (const n of ['811228-9875', '811228-9870', '8112289873', '19811228-9879', '121212-1213']) {
        expect(referenceLuhnOk(digitsOf(n))).toBe(false);
        expect(found(`Mitt personnummer är ${n}`)).toEqual([]);
      }
    });
  });

  describe('when the date does not exist (check digits valid)', () => {
    it.each([
      ['811328-9873', 'month 13'],
      ['811200-9876', 'day 00'],
      ['010229-1234', '29 February 2001'],
      ['19000229-1235', '29 February 1900 (not a leap year)'],
      ['551132-1233', 'day 32'],
    ])('ignores %s (%s)', (n) => {
      expect(referenceLuhnOk(digitsOf(n))).toBe(true);
      expect(found(n)).toEqual([]);
    });
    it('accepts 29 February of a leap year: 000229-1235 and 20000229-1235', () => {
      expect(found('000229-1235 20000229-1235')).toEqual(['personnummer:000229-1235', 'personnummer:20000229-1235']);
    });
  });

  describe('when it is a samordningsnummer (day + 60)', () => {
    it('finds 701063-2391 (3 October 1970) and its 12-digit form', () => {
      expect(referenceLuhnOk('7010632391')).toBe(true);
      expect(found('Samordningsnummer 701063-2391 och 19701063-2391')).toEqual(['samordningsnummer:701063-2391', 'samordningsnummer:19701063-2391']);
      expect(identityNumberKind('7010632391')).toBe('samordningsnummer');
    });
    it('ignores day 92 (no month has 32 days) and 31 + 60 in a 30-day month', () => {
      expect(referenceLuhnOk('7010922396')).toBe(true);
      expect(found('701092-2396')).toEqual([]);
      expect(referenceLuhnOk('7011912396')).toBe(true);
      expect(identityNumberKind('7011912396')).toBeUndefined(); // 31 November
      expect(identityNumberKind('7010912397')).toBe('samordningsnummer'); // 31 October
    });
  });

  describe('when the digits are part of something longer', () => {
    it.each([
      ['a 14-digit order number', 'Order 12345678112289874 skickad'],
      ['digits before', 'ref 0811228-9874'],
      ['digits after', '811228-98741'],
      ['a dash and digits before', 'ärende 12-811228-9874'],
      ['a dash and digits after', '811228-9874-2'],
      ['a decimal point', '3.8112289874'],
    ])('ignores %s', (_what, text) => {
      expect(found(text)).toEqual([]);
    });
    it('refuses "+" in the 12-digit form', () => {
      expect(found('19811228+9874')).toEqual([]);
    });
    it('refuses a century other than 18, 19 or 20', () => {
      expect(identityNumberKind('8112289874', '21')).toBeUndefined();
      expect(identityNumberKind('8112289874', '19')).toBe('personnummer');
    });
  });
});
