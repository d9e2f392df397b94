/**
 * The subcommands' words, Swedish first, then English. Matching folds case and diacritics, so
 * `stäng`, `Stäng` and `stang` are all the same word (see `fold`).
 */
import type { CommandType } from './types.js';
import { fold } from './text.js';

export const VERBS: Readonly<Record<CommandType, readonly [sv: string, en: string]>> = {
  list: ['lista', 'list'],
  claim: ['ta', 'claim'],
  answer: ['svara', 'reply'],
  forward: ['skicka', 'forward'],
  done: ['klar', 'done'],
  close: ['stäng', 'close'],
  register: ['diarieför', 'register'],
  // "ta bort" is read as remove by the parser (ta alone is claim)
  hide: ['dölj', 'hide'],
  remove: ['radera', 'remove'],
  police: ['polisanmälan', 'police-report'],
  secure: ['överför', 'transfer'],
  away: ['frånvaro', 'away'],
  back: ['tillbaka', 'back'],
  summary: ['sammanfattning', 'summary'],
  accounts: ['konton', 'accounts'],
  yearly: ['årsuppföljning', 'yearly'],
  help: ['hjälp', 'help'],
};

/** folded word → command type */
const BY_WORD = new Map<string, CommandType>(
  Object.entries(VERBS).flatMap(([type, words]) => words.map((w) => [fold(w), type as CommandType] as const)),
);

/** folded word → display word, for "did you mean" */
export const VERB_WORDS: ReadonlyMap<string, string> = new Map(Object.values(VERBS).flatMap((words) => words.map((w) => [fold(w), w] as const)));

export function verbOf(word: string): CommandType | undefined {
  return BY_WORD.get(fold(word));
}

/** Words that may come before the subcommand and are skipped: the command's own name. */
export function isCommandName(word: string): boolean {
  const w = fold(word);
  return w === '/svarstid' || w === 'svarstid';
}
