/** Personal-data detection in citizens' messages (pure): personnummer, samordningsnummer, phone numbers, e-mail addresses. */
export { detectPersonalData } from './detect.js';
export { findEmailAddresses } from './email.js';
export { isLuhnValid, luhnCheckDigit } from './luhn.js';
export { findIdentityNumbers, identityNumberKind, type IdentityNumberKind } from './personnummer.js';
export { findPhoneNumbers } from './phone.js';
export { PERSONAL_DATA_KINDS, type PersonalDataFindings, type PersonalDataKind, type PersonalDataMatch } from './types.js';
export { redactPersonalData } from './redact.js';
