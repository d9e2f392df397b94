/**
 * Reasons for closing an inquiry without an answer, as written in chat: the guidelines' reasons
 * (CLOSE_REASONS, matched without regard to case or diacritics) and short aliases in Swedish and
 * English. Multi-word reasons need no quotes: the longest reason the words start with wins, and
 * whatever follows is the note.
 */
import { CLOSE_REASONS, type CloseReason } from '../inquiries/model.js';
import { REASONS } from '../inquiries/reasons.js';
import { fold, type Token } from './text.js';

/** Short forms, Swedish and English → the reason stored (src/inquiries/reasons.ts). */
export const CLOSE_REASON_ALIASES: Readonly<Record<string, CloseReason>> = Object.fromEntries(
  CLOSE_REASONS.flatMap((reason) => REASONS[reason].aliases.map((alias) => [alias, reason] as const)),
);

/** The English short form shown next to each reason in English text. */
export const REASON_IN_ENGLISH: Readonly<Record<CloseReason, string>> = Object.fromEntries(CLOSE_REASONS.map((reason) => [reason, REASONS[reason].en])) as Record<CloseReason, string>;

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
