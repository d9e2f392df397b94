/**
 * Swedish personnummer and samordningsnummer in free text (Skatteverket SKV 704 / SKV 707):
 *   10 digits  YYMMDD-NNNC, YYMMDD+NNNC (100 years or older) or YYMMDDNNNC
 *   12 digits  YYYYMMDD-NNNC or YYYYMMDDNNNC (century 18, 19 or 20)
 * and as people also write them (issue 14): with a space instead of the dash (`811218 9876`,
 * `19811218 9876`, also a no-break space), an en dash (`811218–9876`), or a dash or plus with
 * spaces around it (`811218 - 9876`). Not with dots or spaces inside the date: those are read as
 * other numbers (amounts, dates, phone numbers) far more often than as a personnummer.
 * C is the Luhn check digit over YYMMDDNNN. The date must exist; in a samordningsnummer the day is
 * the day of birth + 60 (61–91). A number inside a longer run of digits (an order number, a phone
 * number written without spaces, "12-811228-9874") is not one.
 */
import { isLuhnValid } from './luhn.js';
import type { PersonalDataMatch } from './types.js';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

/**
 * Candidates: optional century, YYMMDD, optional separator, NNNC; not preceded by a digit (also not
 * by a digit and a separator) and not followed by a digit (nor a separator and a digit).
 */
const CANDIDATE = /(?<!\d[-+.]?)(\d{2})?(\d{6})([ \u00a0]?[-+\u2013][ \u00a0]?|[ \u00a0])?(\d{4})(?![-+.]?\d)/g;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(month: number, year: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * The kind of a personal identity number given as digits: `century` (e.g. "19") or undefined, then the
 * ten digits YYMMDDNNNC. Undefined when the date does not exist or the check digit is wrong.
 */
export function identityNumberKind(tenDigits: string, century?: string): IdentityNumberKind | undefined {
  if (!/^\d{10}$/.test(tenDigits) || (century !== undefined && !/^(18|19|20)$/.test(century))) return undefined;
  const yy = Number(tenDigits.slice(0, 2));
  const month = Number(tenDigits.slice(2, 4));
  const rawDay = Number(tenDigits.slice(4, 6));
  const kind: IdentityNumberKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - 60 : rawDay;
  // without a century, 29 February exists when YY is a multiple of 4 (2000 + YY is then a leap year)
  const year = century !== undefined ? Number(century) * 100 + yy : 2000 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined;
  return isLuhnValid(tenDigits) ? kind : undefined;
}

/** Every valid personnummer and samordningsnummer in `text`, with UTF-16 offsets [start, end). */
export function findIdentityNumbers(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, century, date, separator = '', tail] = m as unknown as [string, string | undefined, string, string | undefined, string];
    if (century !== undefined && separator.includes('+')) continue; // '+' belongs to the 10-digit form only
    const kind = identityNumberKind(date + tail, century);
    if (kind) found.push({ kind, start: m.index, end: m.index + whole.length });
  }
  return found;
}
