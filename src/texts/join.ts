/** Lists as a person reads them: "a", "a och b", "a, b och c" ("a, b and c"; "a eller b" with `or`). */
import type { Language } from '../commands/types.js';
import { texts } from './index.js';

export function joinList(items: readonly string[], lang: Language, conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${texts(lang)[conjunction]} ${items[items.length - 1]}`;
}
