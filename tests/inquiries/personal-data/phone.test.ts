import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../src/inquiries/personal-data/index.js';

const found = (text: string): string[] => findPhoneNumbers(text).map((m) => text.slice(m.start, m.end));

describe('a phone number in a message', () => {
  describe('when written the Swedish ways', () => {
    it.each([
      ['070-123 45 67', 'mobile, grouped'],
      ['0701234567', 'mobile, no spaces'],
      ['070-1234567', 'mobile, one dash'],
      ['070 - 123 45 67', 'mobile, spaced dash'],
      ['070–123 45 67', 'mobile, en dash'],
      ['070-123-45-67', 'mobile, dashes only'],
      ['073 123 45 67', 'mobile, spaces only'],
      ['+46 70 123 45 67', 'mobile, international'],
      ['+46701234567', 'mobile, international, no spaces'],
      ['0046 70 123 45 67', 'mobile, 00 prefix'],
      ['08-123 456 78', 'Stockholm'],
      ['08-12 34 56', 'Stockholm, six digits'],
      ['040-12 34 56', 'Malmö'],
      ['0290-123 45', 'Hofors'],
      ['0380-51 80 00', 'Nässjö'],
      ['+46 (0)8-123 456 78', 'international with (0)'],
      ['+46 290 123 45', 'international landline'],
    ])('finds %s (%s)', (phone) => {
      expect(found(`Ring mig på ${phone} efter lunch.`)).toEqual([phone]);
    });
    it('finds it in parentheses, after "tel:", and several in a row', () => {
      expect(found('(070-123 45 67)')).toEqual(['070-123 45 67']);
      expect(found('tel:0701234567')).toEqual(['0701234567']);
      expect(found('070-123 45 67, 08-123 456 78 eller 040-12 34 56')).toEqual(['070-123 45 67', '08-123 456 78', '040-12 34 56']);
    });
    it('reports UTF-16 offsets of exactly the number', () => {
      expect(findPhoneNumbers('Nås på 070-123 45 67.')).toEqual([{ kind: 'phone', start: 7, end: 20 }]);
    });
  });

  describe('when the text only looks like a number', () => {
    it.each([
      ['an ISO date', 'Mötet är 2026-11-25 kl. 13.00'],
      ['a Swedish date with dashes', 'Beslut 05-11-2026'],
      ['a time and a time range', 'Öppet 08:15–16:30, lunch 12.00-13.00'],
      ['opening hours without commas', 'Öppet 08-12 13-16 på vardagar'],
      ['an amount', 'Det kostar 1 250 000 kr eller 0,50 kr/min'],
      ['a postal code', 'Storgatan 1, 813 30 Hofors'],
      ['short numbers', 'Ring 112, 1177 eller 11 414'],
      ['a 14-digit order number', 'Order 07012345678912'],
      ['an 11-digit mobile-like number', '07012345678'],
      ['a personnummer-shaped number', '050315-1235'],
      ['a decimal', 'värdet 7,0701234567'],
      ['a number glued to letters', 'kod AB0701234567'],
      ['too few digits', '08-123 4'],
      ['a service number', '020-123 456, 0771-567 567 och 0900-123 45 67'],
    ])('ignores %s', (_what, text) => {
      expect(found(text)).toEqual([]);
    });
  });
});
