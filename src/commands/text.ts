/**
 * Text handling shared by the parser: tokens that keep their place in the text (so a free-text
 * note is taken verbatim), folding for case- and diacritic-insensitive words, HTML entities, and
 * "did you mean" suggestions.
 */
import { closest, distance } from 'fastest-levenshtein';

export interface Token {
  readonly text: string;
  readonly start: number;
}

/** `<at>Anna Berg</at>` and `<@U1|anna>` are one token each, whatever they contain; else split on whitespace. */
const TOKEN = /<at(?:\s[^>]*)?>[\s\S]*?<\/at>|<[^<>]*>|\S+/giu;

/** NFC, `&nbsp;` as a space, zero-width characters removed (pasted text and Teams HTML have them). */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

export function tokenize(normalized: string): Token[] {
  return [...normalized.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index }));
}

/** Lower case without diacritics: "Stäng" → "stang", "Frånvaro" → "franvaro". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Slack and Teams escape &, < and > in message text; a note or case number is shown unescaped. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&');
}

/** The text from token `i` to the end, verbatim but trimmed and unescaped; undefined when empty. */
export function restFrom(normalized: string, tokens: readonly Token[], i: number): string | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  const rest = decodeEntities(normalized.slice(t.start).trim());
  return rest === '' ? undefined : rest;
}

/**
 * The display form of the known word closest to `word`, when close enough to be a likely typo
 * (one edit for words of up to three letters, else two or a third of the word). `known` maps folded
 * forms to display forms.
 */
export function suggest(word: string, known: ReadonlyMap<string, string>): string | undefined {
  const w = fold(word);
  if (w === '' || known.size === 0) return undefined;
  const best = closest(w, [...known.keys()]);
  const limit = best.length <= 3 ? 1 : Math.max(2, Math.floor(best.length / 3));
  return distance(w, best) <= limit ? known.get(best) : undefined;
}
