/**
 * Reasons for closing an inquiry without an answer, as written in chat: the guidelines' reasons
 * (CLOSE_REASONS, matched without regard to case or diacritics) and short aliases in Swedish and
 * English. Multi-word reasons need no quotes: the longest reason the words start with wins, and
 * whatever follows is the note.
 */
import { CLOSE_REASONS, type CloseReason } from '../inquiries/model.js';
import { fold, type Token } from './text.js';

/** Short forms, Swedish and English → the reason stored. */
export const CLOSE_REASON_ALIASES: Readonly<Record<string, CloseReason>> = {
  defamation: 'förtal',
  libel: 'förtal',
  hets: 'hets mot folkgrupp',
  'hate speech': 'hets mot folkgrupp',
  'hate-speech': 'hets mot folkgrupp',
  hate: 'hets mot folkgrupp',
  angrepp: 'personangrepp',
  'personal attack': 'personangrepp',
  'personal-attack': 'personangrepp',
  attack: 'personangrepp',
  sexism: 'sexism/trakasserier',
  trakasserier: 'sexism/trakasserier',
  harassment: 'sexism/trakasserier',
  våldsskildring: 'olaga våldsskildring',
  våld: 'olaga våldsskildring',
  violence: 'olaga våldsskildring',
  upphovsrätt: 'upphovsrättsintrång',
  copyright: 'upphovsrättsintrång',
  reklam: 'reklam/spam',
  spam: 'reklam/spam',
  advertising: 'reklam/spam',
  ad: 'reklam/spam',
  confidential: 'sekretess',
  confidentiality: 'sekretess',
  'personal data': 'personuppgifter',
  'personal-data': 'personuppgifter',
  pii: 'personuppgifter',
  gdpr: 'personuppgifter',
  utanför: 'utanför ämnet',
  'off-topic': 'utanför ämnet',
  'off topic': 'utanför ämnet',
  offtopic: 'utanför ämnet',
  other: 'annat',
};

/** The English short form shown next to each reason in English text. */
export const REASON_IN_ENGLISH: Readonly<Record<CloseReason, string>> = {
  förtal: 'defamation',
  'hets mot folkgrupp': 'hate-speech',
  personangrepp: 'personal-attack',
  'sexism/trakasserier': 'harassment',
  'olaga våldsskildring': 'violence',
  upphovsrättsintrång: 'copyright',
  'reklam/spam': 'spam',
  sekretess: 'confidential',
  personuppgifter: 'personal-data',
  'utanför ämnet': 'off-topic',
  annat: 'other',
};

interface Phrase {
  readonly words: readonly string[];
  readonly reason: CloseReason;
}

const phrase = (text: string, reason: CloseReason): Phrase => ({ words: fold(text).split(/\s+/), reason });

/** Longest first, so "utanför ämnet" wins over "utanför". */
const PHRASES: readonly Phrase[] = [
  ...CLOSE_REASONS.map((r) => phrase(r, r)),
  ...Object.entries(CLOSE_REASON_ALIASES).map(([alias, r]) => phrase(alias, r)),
].sort((a, b) => b.words.length - a.words.length);

/** folded word → display word, for "did you mean" */
export const REASON_WORDS: ReadonlyMap<string, string> = new Map(
  [...CLOSE_REASONS, ...Object.keys(CLOSE_REASON_ALIASES)].filter((w) => !w.includes(' ')).map((w) => [fold(w), w] as const),
);

/** "spam:" and "spam," end the reason as well as "spam" does. */
const word = (t: Token): string => fold(t.text).replace(/[.,:;!]+$/u, '');

/** The reason the tokens from `i` start with, and the index after it. */
export function matchReason(tokens: readonly Token[], i: number): { reason: CloseReason; next: number } | undefined {
  for (const p of PHRASES) {
    if (p.words.every((w, k) => tokens[i + k] !== undefined && word(tokens[i + k]!) === w)) return { reason: p.reason, next: i + p.words.length };
  }
  return undefined;
}
