/**
 * Help text: every subcommand with its syntax, a one-line explanation and an example, in Swedish
 * (default) or English, written the way the platform takes commands ("/svarstid ta 42" in Slack,
 * "ta 42" to the bot in Teams). Both languages' verbs work whichever language the text is in. The
 * words are the text catalogue's (src/texts).
 */
import { CLOSE_REASONS } from '../inquiries/model.js';
import { commandForm, texts, type CommandPlatform } from '../texts/index.js';
import { REASON_IN_ENGLISH } from './reasons.js';
import type { CommandType, Language } from './types.js';

export interface HelpEntry {
  readonly usage: string;
  readonly explanation: string;
  /** the example's words, without the platform's prefix */
  readonly example: string;
}

/** Every command's entry (the catalogue's, read when used). */
export const HELP: Readonly<Record<Language, Readonly<Record<CommandType, HelpEntry>>>> = {
  get sv() {
    return texts('sv').help.entries;
  },
  get en() {
    return texts('en').help.entries;
  },
};

/** "förtal, hets mot folkgrupp, …" (Swedish) or "förtal (defamation), …" (English). */
export function reasonList(language: Language): string {
  return CLOSE_REASONS.map((r) => (language === 'sv' ? r : `${r} (${REASON_IN_ENGLISH[r]})`)).join(', ');
}

/** A command's example as written on the platform: "/svarstid ta 42" or "ta 42". */
export function exampleOf(command: CommandType, language: Language, platform: CommandPlatform): string {
  return commandForm(platform)(HELP[language][command].example);
}

function line(type: CommandType, language: Language, platform: CommandPlatform): string {
  const e = HELP[language][type];
  const c = commandForm(platform);
  return `${c(e.usage)} – ${e.explanation}. ${texts(language).help.example}: ${c(e.example)}`;
}

/** The whole help, or one command's line (with the reasons for `close`). */
export function helpText(language: Language = 'sv', topic?: CommandType, platform: CommandPlatform = 'slack'): string {
  const t = texts(language).help;
  const reasons = `${t.reasons}: ${reasonList(language)}.`;
  if (topic !== undefined) return [line(topic, language, platform), ...(topic === 'close' ? [reasons] : [])].join('\n');
  const types = Object.keys(HELP[language]) as CommandType[];
  return [t.title(commandForm(platform)), ...(platform === 'teams' ? [t.teamsHowTo] : []), ...types.map((type) => `• ${line(type, language, platform)}`), reasons, t.other].join('\n');
}
