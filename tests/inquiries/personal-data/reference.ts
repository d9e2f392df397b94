/**
 * Test helpers: an independent Luhn check (the textbook "double every second digit from the right,
 * add the digits of the products as strings") and a generator of valid personal identity numbers.
 */
import fc from 'fast-check';

/** True when the digits pass the Luhn check; written differently from src on purpose. */
export function referenceLuhnOk(digits: string): boolean {
  const sum = [...digits]
    .reverse()
    .map((d, i) => (i % 2 === 1 ? String(Number(d) * 2) : d))
    .join('')
    .split('')
    .reduce((a, d) => a + Number(d), 0);
  return sum % 10 === 0;
}

/** The check digit that makes YYMMDDNNN + C pass referenceLuhnOk. */
export function referenceCheckDigit(nine: string): string {
  return '0123456789'.split('').find((c) => referenceLuhnOk(nine + c))!;
}

export interface GeneratedNumber {
  /** as written in the text */
  readonly written: string;
  readonly kind: 'personnummer' | 'samordningsnummer';
  /** the same number with each of the nine wrong check digits */
  readonly wrong: readonly string[];
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A valid personnummer or samordningsnummer in one of the five written forms. */
export const identityNumber: fc.Arbitrary<GeneratedNumber> = fc
  .record({
    date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    samordning: fc.boolean(),
    form: fc.constantFrom('YYMMDD-NNNC', 'YYMMDDNNNC', 'YYMMDD+NNNC', 'YYYYMMDD-NNNC', 'YYYYMMDDNNNC'),
  })
  .map(({ date, serial, samordning, form }) => {
    const yyyy = String(date.getUTCFullYear());
    const mmdd = two(date.getUTCMonth() + 1) + two(date.getUTCDate() + (samordning ? 60 : 0));
    const nine = yyyy.slice(2) + mmdd + String(serial).padStart(3, '0');
    const check = referenceCheckDigit(nine);
    const write = (c: string): string =>
      form
        .replace('YYYY', yyyy)
        .replace('YY', yyyy.slice(2))
        .replace('MMDD', mmdd)
        .replace('NNN', nine.slice(6))
        .replace('C', c);
    const wrong = '0123456789'.split('').filter((c) => c !== check).map(write);
    return { written: write(check), kind: samordning ? 'samordningsnummer' : 'personnummer', wrong };
  });
