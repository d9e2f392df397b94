import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../../src/inquiries/personal-data/index.js';
import { identityNumber } from './reference.js';

/** kind:text for every match */
const shown = (text: string): string[] => detectPersonalData(text).matches.map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);

describe('personal data in a citizen’s message', () => {
  describe('when one sentence holds several kinds', () => {
    const text = 'Hej! Jag heter Anna, pnr 811228-9874, min sambo har samordningsnummer 701063-2391. Ring 070-123 45 67 eller mejla anna.lindqvist@hofors.se.';
    it('finds each, in order of appearance, with the kinds in their fixed order', () => {
      expect(shown(text)).toEqual([
        'personnummer:811228-9874',
        'samordningsnummer:701063-2391',
        'phone:070-123 45 67',
        'email:anna.lindqvist@hofors.se',
      ]);
      expect(detectPersonalData(text).kinds).toEqual(['personnummer', 'samordningsnummer', 'phone', 'email']);
    });
    it('lists a kind once however often it occurs', () => {
      expect(detectPersonalData('070-123 45 67 och 08-123 456 78').kinds).toEqual(['phone']);
    });
  });

  describe('when only everyday numbers are written', () => {
    it('finds none of the dates, amounts, postal codes, order numbers, hours or service numbers', () => {
      const text =
        'Hej! Sophämtningen 2026-11-25 uteblev på Storgatan 12, 813 30 Hofors. Fakturan på 1 250 kr (ordernr 12345678901234) ' +
        'förföll 05-11-2026. Återvinningscentralen har öppet 08-12 13-16, ring 0290-290 00? Nej, jag menar växeln 020-12 34 56.';
      const r = detectPersonalData(text);
      // the municipality's own switchboard is still a phone number: detection cannot tell whose it is
      expect(shown(text)).toEqual(['phone:0290-290 00']);
      expect(r.kinds).toEqual(['phone']);
    });
    it('finds nothing in an empty text', () => {
      expect(detectPersonalData('')).toEqual({ kinds: [], matches: [] });
    });
  });

  describe('when rules overlap', () => {
    it('a personnummer written without separator wins over the phone rule', () => {
      expect(shown('0503151235')).toEqual(['personnummer:0503151235']);
    });
    it('an e-mail address with digits wins over the phone rule', () => {
      expect(shown('0701234567@sms.example.se')).toEqual(['email:0701234567@sms.example.se']);
    });
    it('a personnummer inside an e-mail address is reported as both', () => {
      expect(shown('anna.811228-9874@example.se')).toEqual(['email:anna.811228-9874@example.se', 'personnummer:811228-9874']);
    });
  });

  describe('for any valid personnummer or samordningsnummer embedded in Swedish text', () => {
    const WORDS = ['Hej', 'jag', 'undrar', 'över', 'bygglovet', 'på', 'Tallbacken', 'mitt', 'nummer', 'är', 'tack', 'för', 'svaret', 'Mvh', 'Åsa', 'ärende'];
    const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
    const before = fc.constantFrom(' ', ': ', '(', ' nr ', '\n', '');
    const after = fc.constantFrom(' ', '.', ', ', ')', '!', '\n', '');
    const embedded = fc.record({ head: words, pre: before, n: identityNumber, post: after, tail: words });

    it('finds it, with its kind and exact position', () => {
      fc.assert(
        fc.property(embedded, ({ head, pre, n, post, tail }) => {
          const text = `${head}${pre}${n.written}${post}${tail}`;
          const start = head.length + pre.length;
          expect(detectPersonalData(text).matches).toContainEqual({ kind: n.kind, start, end: start + n.written.length });
        }),
        { numRuns: 500 },
      );
    });
    it('does not report it as a personal identity number when its check digit is wrong', () => {
      fc.assert(
        fc.property(embedded, fc.nat(8), ({ head, pre, n, post, tail }, i) => {
          const r = detectPersonalData(`${head}${pre}${n.wrong[i]}${post}${tail}`);
          expect(r.kinds).not.toContain('personnummer');
          expect(r.kinds).not.toContain('samordningsnummer');
        }),
        { numRuns: 500 },
      );
    });
  });

  describe('when the text is long and hostile', () => {
    it('answers in linear time (20,000 characters of near-misses)', () => {
      const nasty = ['a'.repeat(20_000), `${'a.'.repeat(10_000)}@`, `x@${'a-'.repeat(10_000)}`, '0 '.repeat(10_000), '07-'.repeat(6_000), '1'.repeat(20_000)];
      const t0 = performance.now();
      for (const text of nasty) expect(detectPersonalData(text).matches).toEqual([]);
      expect(performance.now() - t0).toBeLessThan(1_000);
    });
  });
});
