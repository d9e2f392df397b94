/**
 * E-mail addresses in free text, pragmatically: a local part of letters (any script, so "åsa"),
 * digits and . _ % + - (not starting or ending with a dot), "@", one or more domain labels and a
 * top-level domain of letters: "anna.lindqvist@hofors.se", "åsa@nässjö.se". A trailing full stop
 * ends the sentence, not the address. Quantifiers are bounded (RFC 5321: local part ≤ 64, label
 * ≤ 63), so a hostile 20,000-character text costs linear time.
 */
import type { PersonalDataMatch } from './types.js';

const LOCAL = String.raw`[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]{0,62}[\p{L}\p{N}_%+-])?`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])${LOCAL}@(?:${LABEL}\.)+\p{L}{2,24}(?![\p{L}\p{N}_@-])`, 'gu');

/** Every e-mail address in `text`, with UTF-16 offsets [start, end). */
export function findEmailAddresses(text: string): PersonalDataMatch[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));
}
