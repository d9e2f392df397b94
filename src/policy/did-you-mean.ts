import { closest, distance } from 'fastest-levenshtein';

/** ' (did you mean "monday"?)' when a known word is close enough to the unknown one, else ''. */
export function didYouMean(unknown: string, known: readonly string[]): string {
  if (known.length === 0) return '';
  const best = closest(unknown.toLowerCase(), [...known]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(unknown.toLowerCase(), best) <= limit ? ` (did you mean "${best}"?)` : '';
}
