/**
 * Personal data in a citizen's message, so that it can be flagged and removed (Hofors 3.2: "Om någon
 * lämnar känsliga uppgifter … ta bort …"; Nässjö 20: no personal data on the accounts). Pure.
 * A phone candidate that overlaps a personnummer, samordningsnummer or e-mail address is dropped:
 * those rules are stricter, so they win ("0701234567@sms.example.se" is an e-mail address).
 */
import { findEmailAddresses } from './email.js';
import { findIdentityNumbers } from './personnummer.js';
import { findPhoneNumbers } from './phone.js';
import { PERSONAL_DATA_KINDS, type PersonalDataFindings, type PersonalDataMatch } from './types.js';

const overlaps = (a: PersonalDataMatch, b: PersonalDataMatch): boolean => a.start < b.end && b.start < a.end;

export function detectPersonalData(text: string): PersonalDataFindings {
  const strict = [...findIdentityNumbers(text), ...findEmailAddresses(text)];
  const phones = findPhoneNumbers(text).filter((p) => !strict.some((s) => overlaps(p, s)));
  const matches = [...strict, ...phones].sort((a, b) => a.start - b.start || a.end - b.end);
  const kinds = PERSONAL_DATA_KINDS.filter((k) => matches.some((m) => m.kind === k));
  return { kinds, matches };
}
