/**
 * The Luhn (mod 10) check digit used by Swedish personnummer and samordningsnummer: over the nine
 * digits YYMMDDNNN, weights 2,1,2,1,… from the left; a product over 9 counts as its digit sum.
 * Written here because no maintained package for it is installed (checked: no `personnummer`,
 * `swedish-personal-identity-number` or `luhn` in node_modules).
 */

/** The check digit (0–9) for a string of decimal digits, weighting the rightmost digit 2. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`"${digits}" is not a string of digits`);
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = 3 - weight) {
    const p = (digits.charCodeAt(i) - 48) * weight;
    sum += p > 9 ? p - 9 : p;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit is the Luhn check digit of the ones before it. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}
