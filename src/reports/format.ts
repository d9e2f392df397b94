/**
 * Numbers as a person reads them (pure). Swedish: "12 345" (a no-break space between thousands),
 * "87 %", "4,5"; English: "12,345", "87%", "4.5". Written out by hand rather than taken from Intl, so
 * the text does not depend on the ICU data Node was built with (like adapters/chat-text/dates.ts).
 */
import type { Language } from '../commands/types.js';

export type { Language };

const NBSP = '\u00a0';

export function formatCount(n: number, lang: Language): string {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? NBSP : ',');
  return n < 0 ? `−${grouped}` : grouped;
}

/** A share 0..1 as a whole percentage; never "100 %" unless all, never "0 %" unless none. "–" for null. */
export function formatShare(share: number | null, lang: Language): string {
  if (share === null) return '–';
  let pct = Math.round(share * 100);
  if (pct === 100 && share < 1) pct = 99;
  if (pct === 0 && share > 0) pct = 1;
  return lang === 'sv' ? `${pct}${NBSP}%` : `${pct}%`;
}

/** "v. 47" / "w 47" from "2026-W47". */
export function weekShort(label: string, lang: Language): string {
  const w = Number(label.slice(-2));
  return lang === 'sv' ? `v.${NBSP}${w}` : `w${NBSP}${w}`;
}
