/**
 * The one command parser Slack and Teams share: `/svarstid` text (or a Teams message) in, a
 * ChatCommand or a ParseError with a stable code out. Pure: `now` and the zone are parameters.
 *
 *   lista|list · ta|claim ID · svara|reply ID text · skicka|forward ID @person [motivering] · klar|done ID ·
 *   stäng|close ID SKÄL [anteckning] · dölj|hide ID SKÄL [anteckning] · radera|remove (ta bort) ID SKÄL [anteckning] ·
 *   diarieför|register ID [diarienummer] ·
 *   frånvaro|away [@kollega] FROM [till] TO [[ersättare|substitute] @ersättare] · tillbaka|back [@kollega] ·
 *   sammanfattning|summary · hjälp|help [kommando]
 *
 * An absence for a colleague names the colleague first, before the dates (`frånvaro @erik.lind
 * måndag fredag ersättare @anna.berg`): a mention can never be read as a date, so the own form
 * (`frånvaro måndag fredag @anna.berg`, the substitute last) and the colleague's never mix up.
 *
 * Verbs and reasons ignore case and diacritics (`stang` = `stäng`). An id is `42` or `#42`. A leading
 * `/svarstid` or `svarstid`, and a leading Teams mention (the bot's own `<at>svarstid</at>` in a
 * channel), are skipped. Empty text is `hjälp`. Notes, motiveringar and case numbers are the rest of
 * the text, verbatim (trimmed, HTML entities decoded).
 */
import { parsePeriod, splitRanges } from './dates.js';
import { looksLikePerson, parsePerson } from './person.js';
import { matchReason, REASON_WORDS } from './reasons.js';
import { needsNote } from '../inquiries/reasons.js';
import { fold, normalize, restFrom, suggest, tokenize, type Token } from './text.js';
import type { ChatCommand, CommandType, ParseError, ParseOptions, ParseResult, PersonRef } from './types.js';
import { isCommandName, VERB_WORDS, verbOf } from './verbs.js';

/** The word that may introduce the substitute: `ersättare @anna.berg`. */
const SUBSTITUTE_WORDS = new Set(['ersattare', 'ersattare:', 'substitute', 'substitute:']);

/** A colleague named first (`frånvaro @erik.lind …`, `tillbaka @erik.lind`): only a mention or `@key`, never a bare word (which could be a date). */
function colleague(args: readonly Token[], command: CommandType): PersonRef | undefined {
  const word = args[0]?.text;
  if (word === undefined || !looksLikePerson(word)) return undefined;
  return parsePerson(word) ?? fail('bad_person', command, word);
}

/** `polisanmälan 42 ja` / `police-report 42 no` */
const YES = new Set(['ja', 'yes', 'j', 'y']);
const NO = new Set(['nej', 'no', 'n']);

/** Inquiry ids are Postgres `serial`s. */
const MAX_ID = 2_147_483_647;

class Stop {
  constructor(readonly error: ParseError) {}
}

function fail(code: ParseError['code'], command?: CommandType, given?: string, suggestion?: string): never {
  throw new Stop({ code, ...(command && { command }), ...(given !== undefined && { given }), ...(suggestion !== undefined && { suggestion }) });
}

function readId(args: readonly Token[], command: CommandType): number {
  const word = args[0]?.text;
  if (word === undefined) fail('missing_id', command);
  const m = /^#?(\d+)[.,:;]?$/.exec(word);
  const id = m ? Number(m[1]) : NaN;
  if (!(id >= 1 && id <= MAX_ID)) fail('bad_id', command, word);
  return id;
}

function noMore(args: readonly Token[], from: number, command: CommandType, normalized: string): void {
  const extra = restFrom(normalized, args, from);
  if (extra !== undefined) fail('too_many_arguments', command, extra);
}

/** A note or motivering may be set off with a dash or colon: `spam – köp klockor`, `@anna: kolla`. */
const withoutSeparator = (s: string | undefined): string | undefined => s?.replace(/^[-–—:]\s*/u, '') || undefined;

function read(command: CommandType, args: readonly Token[], normalized: string, opts: ParseOptions): ChatCommand {
  const rest = (i: number) => restFrom(normalized, args, i);
  switch (command) {
    case 'list':
    case 'summary':
    case 'accounts':
      noMore(args, 0, command, normalized);
      return { type: command };
    case 'yearly': {
      const word = args[0]?.text;
      noMore(args, word === undefined ? 0 : 1, command, normalized);
      if (word === undefined) return { type: command };
      if (!/^20\d\d$/.test(word)) fail('bad_year', command, word);
      return { type: command, year: Number(word) };
    }
    case 'claim':
    case 'done': {
      const inquiryId = readId(args, command);
      noMore(args, 1, command, normalized);
      return { type: command, inquiryId };
    }
    case 'forward': {
      const inquiryId = readId(args, command);
      const word = args[1]?.text;
      if (word === undefined) fail('missing_person', command);
      const to = parsePerson(word) ?? fail('bad_person', command, word);
      const reason = withoutSeparator(rest(2));
      return reason === undefined ? { type: 'forward', inquiryId, to } : { type: 'forward', inquiryId, to, reason };
    }
    case 'close':
    case 'hide':
    case 'remove': {
      const inquiryId = readId(args, command);
      const word = args[1]?.text;
      if (word === undefined) fail('missing_reason', command);
      const match = matchReason(args, 1) ?? fail('unknown_reason', command, word, suggest(word, REASON_WORDS));
      const note = withoutSeparator(rest(match.next));
      if (needsNote(match.reason, note)) fail('missing_note', command, word);
      const base = { inquiryId, reason: match.reason, ...(note !== undefined && { note }) };
      return command === 'close' ? { type: 'close', ...base } : { type: command, ...base };
    }
    case 'police': {
      const inquiryId = readId(args, command);
      const word = args[1] === undefined ? undefined : fold(args[1].text).replace(/[.,:;!]+$/u, '');
      const made = word === undefined ? undefined : YES.has(word) ? true : NO.has(word) ? false : undefined;
      if (made === undefined) fail('missing_answer', command, args[1]?.text);
      const note = withoutSeparator(rest(2));
      return { type: 'police', inquiryId, made, ...(note !== undefined && { note }) };
    }
    case 'answer': {
      const inquiryId = readId(args, command);
      // the answer is the rest of the text as written (line breaks kept), up to the platform's rules
      const text = rest(1);
      if (text === undefined) fail('missing_text', command);
      return { type: 'answer', inquiryId, text };
    }
    case 'register':
    case 'secure': {
      const inquiryId = readId(args, command);
      const caseNumber = rest(1);
      return { type: command, inquiryId, ...(caseNumber !== undefined && { caseNumber }) };
    }
    case 'back': {
      const person = colleague(args, command);
      noMore(args, person ? 1 : 0, command, normalized);
      return person ? { type: 'back', person } : { type: 'back' };
    }
    case 'away': {
      const person = colleague(args, command);
      const words = args.slice(person ? 1 : 0).flatMap((t) => splitRanges(t.text));
      const period = parsePeriod(words, opts.now, opts.timezone);
      if (!period.ok) throw new Stop(period.error);
      const { from, to } = period;
      let next = period.next;
      if (words[next] !== undefined && SUBSTITUTE_WORDS.has(fold(words[next]!))) {
        next++;
        if (words[next] === undefined) fail('missing_person', command);
      }
      const word = words[next];
      const base = { type: 'away' as const, from, to, ...(person && { person }) };
      if (word === undefined) return base;
      const substitute = parsePerson(word) ?? fail(looksLikePerson(word) ? 'bad_person' : 'too_many_arguments', command, words.slice(next).join(' '));
      if (words.length > next + 1) fail('too_many_arguments', command, words.slice(next + 1).join(' '));
      return { ...base, substitute };
    }
    case 'help': {
      const topic = args[0] && verbOf(args[0].text);
      return topic === undefined ? { type: 'help' } : { type: 'help', topic };
    }
  }
}

export function parseCommand(text: string, opts: ParseOptions): ParseResult {
  const normalized = normalize(text);
  let tokens = tokenize(normalized);
  if (tokens[0] && isCommandName(tokens[0].text)) tokens = tokens.slice(1);
  else if (tokens[0] && /^<at[\s>]/i.test(tokens[0].text)) tokens = tokens.slice(1);
  const first = tokens[0];
  if (first === undefined) return { ok: true, command: { type: 'help' } };
  let command = verbOf(first.text);
  // "ta bort 42 spam": remove (Swedish "ta bort"); "ta 42" stays claim
  if (command === 'claim' && tokens[1] && fold(tokens[1].text) === 'bort') {
    command = 'remove';
    tokens = tokens.slice(1);
  }
  try {
    if (command === undefined) fail('unknown_command', undefined, first.text, suggest(first.text, VERB_WORDS));
    return { ok: true, command: read(command, tokens.slice(1), normalized, opts) };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.error };
    throw e;
  }
}
