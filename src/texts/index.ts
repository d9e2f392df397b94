/**
 * The text catalogues: everything svarstid writes a person, one file per language (sv.ts, with the
 * word list; en.ts), by stable key. Slack, Teams, the help, the error texts, reminders, digests and
 * the weekly summary all read from here; nothing else holds a sentence a person reads.
 */
import type { Language } from '../commands/types.js';
import { en } from './en.js';
import { sv } from './sv.js';

export type { CommandForm } from './sv.js';
export { genitive } from './sv.js';

export type Catalogue = typeof sv;

export const TEXTS: Readonly<Record<Language, Catalogue>> = { sv, en };

export function texts(language: Language): Catalogue {
  return TEXTS[language];
}

/** The platforms a command is written on: `/svarstid lista` in Slack, `lista` to the bot in Teams. */
export type CommandPlatform = 'slack' | 'teams';

export const SLASH_COMMAND = '/svarstid';

/** How a command is written on `platform` ("/svarstid lista" / "lista"). */
export function commandForm(platform: CommandPlatform): (words: string) => string {
  return platform === 'slack' ? (words) => `${SLASH_COMMAND} ${words}`.trimEnd() : (words) => words;
}
