/**
 * Swedish phone numbers in free text, as people write them:
 *   mobile    070-123 45 67, 0701234567, 070 - 123 45 67, 070-123-45-67
 *   landline  08-123 456 78, 040-12 34 56, 0290-123 45
 *   abroad    +46 70 123 45 67, +46 (0)8-123 456 78, 0046 70 123 45 67, +46701234567
 * National numbers are 0 + 7–9 digits (mobile 07X: exactly 10 digits in all); after +46/0046 the
 * leading 0 is dropped. To keep dates, times, amounts and codes out:
 *   - a number starts with 0 or +46/0046, so amounts ("1 250 kr"), years and postal codes ("123 45")
 *     never qualify, and short numbers (112, 1177, 11 414) are too short;
 *   - it is not inside a longer run of digits, letters or a decimal ("7,0701234567");
 *   - it has at most one dash, right after the area code ("08-12 13-16" opening hours and the date
 *     "05-11-2026" have two), except a 10-digit mobile number written with dashes only;
 *   - it is not shaped like a personnummer (YYMMDD-NNNC), which the personnummer rule judges;
 *   - service numbers (020 free phone, 077x shared cost, 0900/0939/0944 premium) belong to
 *     organizations, not persons, and are not reported.
 */
import type { PersonalDataMatch } from './types.js';

const INTL = String.raw`(?:\+|00)46[ -]?(?:\(0\) ?)?`;
const SEP = String.raw`(?: ?[-–] ?| )?`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+\-–.,/])(?<prefix>${INTL}|0)(?:(?<mobile>7[02369](?:${SEP}\d){7})|(?<other>[1-9](?:${SEP}\d){6,8}))` +
    String.raw`(?![\p{L}\p{N}_]|[-–.,/:]\d)`,
  'gu',
);

const PERSONNUMMER_SHAPE = /^\d{6}[-+]\d{4}$/;
const SERVICE = /^(?:20|77|900|939|944)/;

function plausible(national: string, mobile: boolean): boolean {
  if (PERSONNUMMER_SHAPE.test(`0${national}`)) return false;
  if (SERVICE.test(national.replace(/\D/g, ''))) return false;
  const compact = national.replace(/ ?([-–]) ?/g, '$1');
  const dashes = compact.length - compact.replace(/[-–]/g, '').length;
  if (dashes > 1) return mobile && !compact.includes(' ');
  const dash = compact.search(/[-–]/);
  return dash < 0 || !compact.slice(0, dash).includes(' ');
}

/** Every phone number in `text`, with UTF-16 offsets [start, end). */
export function findPhoneNumbers(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(PHONE)) {
    const g = m.groups!;
    const national = (g.mobile ?? g.other)!; // without the leading 0 or +46
    if (plausible(national, g.mobile !== undefined)) found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return found;
}
