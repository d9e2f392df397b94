/**
 * What a person reads when a command is not understood, looked up by the error's stable code
 * (Swedish by default, English by policy), and the help text.
 */
import { HELP, reasonList } from './help.js';
import type { Language, ParseError } from './types.js';

export { helpText } from './help.js';

const P = '/svarstid';

type Texts = Record<ParseError['code'], (given: string, example: string) => string>;

const DATE_FORMS = {
  sv: 'Skriv till exempel 2026-12-01, 1/12, idag, imorgon eller måndag, gärna med tid: 2026-12-01 13:00.',
  en: 'Write for example 2026-12-01, 1/12, today, tomorrow or monday, optionally with a time: 2026-12-01 13:00.',
};

const SV: Texts = {
  unknown_command: (g) => `Jag känner inte igen kommandot "${g}". Skriv ${P} hjälp för att se vad jag kan.`,
  missing_id: (_, ex) => `Ange vilket ärende, till exempel ${ex}.`,
  bad_id: (g, ex) => `"${g}" är inget ärendenummer. Ange ärendets nummer, till exempel ${ex}.`,
  missing_person: (_, ex) => `Ange vem ärendet ska skickas till, till exempel ${ex}.`,
  bad_person: (g, ex) => `"${g}" är ingen person. Nämn personen med @, till exempel ${ex}.`,
  missing_reason: (_, ex) => `Ange varför ärendet stängs, till exempel ${ex}. Skäl: ${reasonList('sv')}.`,
  unknown_reason: (g) =>
    `"${g}" är inget skäl för att stänga ett ärende. Skäl: ${reasonList('sv')}. Du kan också skriva kortformer som spam, trakasserier, upphovsrätt eller off-topic.`,
  missing_date: (_, ex) => `Ange när du är borta, till exempel ${ex}.`,
  bad_date: (g) => `Jag förstår inte datumet "${g}". ${DATE_FORMS.sv}`,
  bad_period: (g, ex) => `Frånvaron "${g}" slutar innan den börjar. Ange först när den börjar och sedan när den slutar, till exempel ${ex}.`,
  too_many_arguments: (g, ex) => `Jag förstår inte "${g}" i slutet av kommandot. Skriv till exempel ${ex}.`,
};

const EN: Texts = {
  unknown_command: (g) => `I don't know the command "${g}". Type ${P} help to see what I can do.`,
  missing_id: (_, ex) => `Say which inquiry, for example ${ex}.`,
  bad_id: (g, ex) => `"${g}" is not an inquiry number. Give the inquiry's number, for example ${ex}.`,
  missing_person: (_, ex) => `Say who the inquiry should go to, for example ${ex}.`,
  bad_person: (g, ex) => `"${g}" is not a person. Mention the person with @, for example ${ex}.`,
  missing_reason: (_, ex) => `Say why the inquiry is closed, for example ${ex}. Reasons: ${reasonList('en')}.`,
  unknown_reason: (g) => `"${g}" is not a reason for closing an inquiry. Reasons: ${reasonList('en')}.`,
  missing_date: (_, ex) => `Say when you are away, for example ${ex}.`,
  bad_date: (g) => `I don't understand the date "${g}". ${DATE_FORMS.en}`,
  bad_period: (g, ex) => `The absence "${g}" ends before it starts. Give first when it starts, then when it ends, for example ${ex}.`,
  too_many_arguments: (g, ex) => `I don't understand "${g}" at the end of the command. Write for example ${ex}.`,
};

const DID_YOU_MEAN: Record<Language, (s: string) => string> = {
  sv: (s) => ` Menade du "${s}"?`,
  en: (s) => ` Did you mean "${s}"?`,
};

/** The text for a parse error; a suggestion ("Menade du …?") follows the first sentence. */
export function errorText(error: ParseError, language: Language = 'sv'): string {
  const example = HELP[language][error.command ?? 'help'].example;
  const text = (language === 'sv' ? SV : EN)[error.code](error.given ?? '', example);
  if (error.suggestion === undefined) return text;
  const firstSentence = text.indexOf('. ') + 1;
  return `${text.slice(0, firstSentence)}${DID_YOU_MEAN[language](error.suggestion)}${text.slice(firstSentence)}`;
}
