/**
 * A citizen's text inside a chat message: on one line (runs of whitespace, line breaks included,
 * become one space), cut at a word boundary near the limit with "…", and quoted.
 * Lengths count characters (code points), so an emoji is never cut in half.
 */
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

/** The limit for the text in a reminder or notice. */
export const MESSAGE_TEXT_LIMIT = 500;
/** The limit for the excerpt in a digest line. */
export const DIGEST_TEXT_LIMIT = 60;

/** One line: whitespace runs become one space, ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * At most `limit` characters of `text` on one line; when cut, at the last space in the final fifth
 * of the limit if there is one, and ending with "…" (so at most limit + 1 characters).
 */
export function truncate(text: string, limit: number): string {
  const line = oneLine(text);
  const chars = Array.from(line);
  if (chars.length <= limit) return line;
  let cut = chars.slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  if (space > 0 && Array.from(cut.slice(0, space)).length >= limit * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** ”text” (Swedish quotation marks), “text” in English; "(ingen text)" when there is none. */
export function quote(text: string | null, limit: number, lang: Language): string {
  const t = text === null ? '' : truncate(text, limit);
  if (t === '') return texts(lang).noText;
  const [open, close] = texts(lang).quotes;
  return `${open}${t}${close}`;
}
