/**
 * What a person reads when a command is not understood, looked up by the error's stable code
 * (Swedish by default, English by policy), with the example written the way the platform takes
 * commands; and the help text. The words are the text catalogue's (src/texts).
 */
import { commandForm, texts, type CommandPlatform } from '../texts/index.js';
import { exampleOf, reasonList } from './help.js';
import type { Language, ParseError } from './types.js';

export { helpText } from './help.js';

/** The text for a parse error; a suggestion ("Menade du …?") follows the first sentence. */
export function errorText(error: ParseError, language: Language = 'sv', platform: CommandPlatform = 'slack'): string {
  const t = texts(language);
  const example = exampleOf(error.command ?? 'help', language, platform);
  const text = t.parseErrors[error.code](error.given ?? '', example, commandForm(platform), reasonList(language));
  if (error.suggestion === undefined) return text;
  const firstSentence = text.indexOf('. ') + 1;
  return `${text.slice(0, firstSentence)}${t.didYouMean(error.suggestion)}${text.slice(firstSentence)}`;
}
