/** What personal-data detection reports (Hofors 3.2: sensitive details are removed; Nässjö 20: no personal data). */
export const PERSONAL_DATA_KINDS = ['personnummer', 'samordningsnummer', 'phone', 'email'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataMatch {
  readonly kind: PersonalDataKind;
  /** UTF-16 offset of the first character, as for String.prototype.slice */
  readonly start: number;
  /** UTF-16 offset just past the last character */
  readonly end: number;
}

export interface PersonalDataFindings {
  /** the kinds found, each once, in the order of PERSONAL_DATA_KINDS */
  readonly kinds: PersonalDataKind[];
  /** every match, ordered by start */
  readonly matches: PersonalDataMatch[];
}
