import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from '../../../src/inquiries/personal-data/index.js';
import { referenceLuhnOk } from './reference.js';

describe('the Luhn check digit of a personal identity number', () => {
  describe('when computed over YYMMDDNNN (weights 2,1,2,… from the left; 16 counts as 1+6)', () => {
    it.each([
      // 8·2=16→7, 1, 1·2=2, 2, 2·2=4, 8, 9·2=18→9, 8, 7·2=14→5: sum 46 → 4
      ['811228987', 4],
      // 7·2=14→5, 0, 2, 0, 6·2=12→3, 3, 4, 3, 9·2=18→9: sum 29 → 1 (samordningsnummer 701063-2391)
      ['701063239', 1],
      // 12→3, 4, 0, 8, 4, 3, 6, 2, 6: sum 36 → 4 (640823-3234)
      ['640823323', 4],
      // 2,2,2,2,2,2,2,2,2: sum 18 → 2 (Skatteverket's well-known 121212-1212)
      ['121212121', 2],
      // 0, 0, 0, 1, 0, 1, 18→9, 8, 14→5: sum 24 → 6 (000101-9876)
      ['000101987', 6],
    ])('%s gets %i', (nine, check) => {
      expect(luhnCheckDigit(nine)).toBe(check);
      expect(isLuhnValid(nine + check)).toBe(true);
    });
  });

  it('rejects each of the nine wrong check digits', () => {
    for (let c = 0; c <= 9; c++) expect(isLuhnValid(`811228987${c}`)).toBe(c === 4);
  });

  it('rejects text that is not digits', () => {
    expect(isLuhnValid('811228-9874')).toBe(false);
    expect(isLuhnValid('7')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
    expect(() => luhnCheckDigit('81122898x')).toThrow(RangeError);
  });

  it('agrees with the textbook algorithm on any digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,20}$/), (digits) => {
        expect(isLuhnValid(digits)).toBe(referenceLuhnOk(digits));
      }),
    );
  });
});
