/**
 * Help text: every subcommand with its syntax, a one-line explanation and an example, in Swedish
 * (default) or English. Both languages' verbs work whichever language the text is in.
 */
import { CLOSE_REASONS } from '../inquiries/model.js';
import { REASON_IN_ENGLISH } from './reasons.js';
import type { CommandType, Language } from './types.js';

interface Entry {
  readonly usage: string;
  readonly explanation: string;
  readonly example: string;
}

const P = '/svarstid';

export const HELP: Readonly<Record<Language, Readonly<Record<CommandType, Entry>>>> = {
  sv: {
    list: { usage: 'lista', explanation: 'visa ärendena du ansvarar för och när de ska vara besvarade', example: `${P} lista` },
    claim: { usage: 'ta ID', explanation: 'ta ett ärende: du blir ansvarig för svaret', example: `${P} ta 42` },
    forward: { usage: 'skicka ID @person [motivering]', explanation: 'skicka ett ärende till en kollega, gärna med en motivering', example: `${P} skicka 42 @anna.berg` },
    done: { usage: 'klar ID', explanation: 'markera ett ärende som besvarat', example: `${P} klar 42` },
    close: { usage: 'stäng ID SKÄL [anteckning]', explanation: 'stäng ett ärende som inte ska besvaras, med skäl och gärna en anteckning', example: `${P} stäng 42 spam` },
    register: { usage: 'diarieför ID [diarienummer]', explanation: 'markera ett ärende som diariefört, gärna med diarienumret', example: `${P} diarieför 42 KS 2026/123` },
    away: {
      usage: 'frånvaro FRÅN TILL [@ersättare]',
      explanation: 'registrera frånvaro; ersättaren får dina påminnelser (datum: 2026-12-01, 1/12, idag, imorgon, måndag, gärna med tid 13:00)',
      example: `${P} frånvaro 2026-12-01 2026-12-05 @anna.berg`,
    },
    back: { usage: 'tillbaka', explanation: 'avsluta din frånvaro nu', example: `${P} tillbaka` },
    summary: { usage: 'sammanfattning', explanation: 'sammanfattning av svarstiderna (för chefer)', example: `${P} sammanfattning` },
    help: { usage: 'hjälp [kommando]', explanation: 'visa den här hjälpen', example: `${P} hjälp stäng` },
  },
  en: {
    list: { usage: 'list', explanation: 'show the inquiries you are responsible for and when they are due', example: `${P} list` },
    claim: { usage: 'claim ID', explanation: 'claim an inquiry: you become responsible for the answer', example: `${P} claim 42` },
    forward: { usage: 'forward ID @person [reason]', explanation: 'forward an inquiry to a colleague, preferably with a reason', example: `${P} forward 42 @anna.berg` },
    done: { usage: 'done ID', explanation: 'mark an inquiry as answered', example: `${P} done 42` },
    close: { usage: 'close ID REASON [note]', explanation: 'close an inquiry that needs no answer, with a reason and preferably a note', example: `${P} close 42 spam` },
    register: { usage: 'register ID [case number]', explanation: 'mark an inquiry as registered (diariefört), preferably with the case number', example: `${P} register 42 KS 2026/123` },
    away: {
      usage: 'away FROM TO [@substitute]',
      explanation: 'register an absence; the substitute gets your reminders (dates: 2026-12-01, 1/12, today, tomorrow, monday, optionally with a time 13:00)',
      example: `${P} away 2026-12-01 2026-12-05 @anna.berg`,
    },
    back: { usage: 'back', explanation: 'end your absence now', example: `${P} back` },
    summary: { usage: 'summary', explanation: 'summary of response times (for managers)', example: `${P} summary` },
    help: { usage: 'help [command]', explanation: 'show this help', example: `${P} help close` },
  },
};

/** "förtal, hets mot folkgrupp, …" (Swedish) or "förtal (defamation), …" (English). */
export function reasonList(language: Language): string {
  return CLOSE_REASONS.map((r) => (language === 'sv' ? r : `${r} (${REASON_IN_ENGLISH[r]})`)).join(', ');
}

const TEXT: Record<Language, { title: string; example: string; reasons: string; other: string }> = {
  sv: {
    title: `Så här använder du ${P}:`,
    example: 'Exempel',
    reasons: 'Skäl för att stänga',
    other: 'Engelska kommandon fungerar också (list, claim, forward, done, close, register, away, back, summary, help).',
  },
  en: {
    title: `How to use ${P}:`,
    example: 'Example',
    reasons: 'Reasons for closing',
    other: 'Swedish commands work too (lista, ta, skicka, klar, stäng, diarieför, frånvaro, tillbaka, sammanfattning, hjälp).',
  },
};

function line(e: Entry, language: Language): string {
  return `${P} ${e.usage} – ${e.explanation}. ${TEXT[language].example}: ${e.example}`;
}

/** The whole help, or one command's line (with the reasons for `close`). */
export function helpText(language: Language = 'sv', topic?: CommandType): string {
  const t = TEXT[language];
  const reasons = `${t.reasons}: ${reasonList(language)}.`;
  if (topic !== undefined) return [line(HELP[language][topic], language), ...(topic === 'close' ? [reasons] : [])].join('\n');
  return [t.title, ...Object.values(HELP[language]).map((e) => `• ${line(e, language)}`), reasons, t.other].join('\n');
}
