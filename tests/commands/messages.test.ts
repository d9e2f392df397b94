import { describe, expect, it } from 'vitest';
import { errorText, helpText } from '../../src/commands/messages.js';
import { PARSE_ERROR_CODES, type CommandType } from '../../src/commands/types.js';
import { VERBS } from '../../src/commands/verbs.js';
import { CLOSE_REASONS } from '../../src/inquiries/model.js';
import { command, error } from './helpers.js';

const REASONS_SV = 'förtal, hets mot folkgrupp, personangrepp, sexism/trakasserier, olaga våldsskildring, upphovsrättsintrång, reklam/spam, sekretess, personuppgifter, utanför ämnet, svordomar/obscena ord, uppmaning till brott, uppvigling, pornografi, barnpornografi, hot/trakasserier, kränkande kommentarer, kommersiella budskap, propaganda, kampanjer/spam, hemligstämplat material, länk till otillåtet material, annat';

/** Every error code, a text that gives it, and what a person reads in Swedish. */
const SWEDISH: readonly (readonly [code: string, text: string, swedish: string])[] = [
  ['unknown_command', 'foo', 'Jag känner inte igen kommandot ”foo”. Skriv /svarstid hjälp för att se vad jag kan.'],
  ['missing_id', 'ta', 'Ange vilken fråga, till exempel /svarstid ta 42.'],
  ['bad_id', 'klar abc', '”abc” är inget nummer på en fråga. Skriv frågans nummer, till exempel /svarstid klar 42.'],
  ['missing_person', 'skicka 42', 'Ange vem frågan ska skickas vidare till, till exempel /svarstid skicka 42 @anna.berg.'],
  ['bad_person', 'skicka 42 <#C0123|allmänt>', '”<#C0123|allmänt>” är ingen person. Nämn personen med @, till exempel /svarstid skicka 42 @anna.berg.'],
  ['missing_reason', 'stäng 42', `Ange varför frågan stängs, till exempel /svarstid stäng 42 spam. Skäl: ${REASONS_SV}.`],
  ['missing_text', 'svara 42', 'Skriv svaret efter frågans nummer, till exempel /svarstid svara 42 Badet öppnar den 1 december. Erik, kommunikatör.'],
  [
    'unknown_reason',
    'stäng 42 tråkig',
    `”tråkig” är inget skäl för att stänga en fråga. Skäl: ${REASONS_SV}. Du kan också skriva kortformer som spam, trakasserier, upphovsrätt eller off-topic.`,
  ],
  ['missing_note', 'stäng 42 annat', 'Skälet ”annat” kräver en anteckning om vad det var, till exempel: stäng 42 annat dubblett av #41.'],
  ['missing_answer', 'polisanmälan 42', 'Svara ja eller nej: gjordes en polisanmälan? Till exempel /svarstid polisanmälan 42 ja.'],
  ['missing_date', 'frånvaro', 'Ange när du är borta, till exempel /svarstid frånvaro 2026-12-01 2026-12-05 @anna.berg.'],
  // the start is there: the end is what is missing
  ['missing_end_date', 'frånvaro idag @anna.berg', 'Ange också när frånvaron slutar, efter när den börjar: till exempel /svarstid frånvaro 2026-12-01 2026-12-05 @anna.berg.'],
  [
    'bad_date',
    'frånvaro 32/12 1/1',
    'Jag förstår inte datumet ”32/12”. Skriv till exempel 2026-12-01, 1/12, i dag, i morgon eller måndag, gärna med tid: 2026-12-01 13:00.',
  ],
  [
    'bad_period',
    'frånvaro 5/12/2026 1/12/2026',
    'Frånvaron ”5/12/2026 1/12/2026” slutar innan den börjar. Ange först när den börjar och sedan när den slutar, till exempel /svarstid frånvaro 2026-12-01 2026-12-05 @anna.berg.',
  ],
  ['too_many_arguments', 'klar 42 43', 'Jag förstår inte ”43” i slutet av kommandot. Skriv till exempel /svarstid klar 42.'],
  ['bad_year', 'årsuppföljning 1999', '”1999” är inget år jag har siffror för. Skriv ett år mellan 2000 och 2099, till exempel /svarstid årsuppföljning 2026.'],
];

describe('what a person reads when a command is not understood', () => {
  it('covers every error code', () => {
    expect(SWEDISH.map(([code]) => code)).toEqual([...PARSE_ERROR_CODES]);
  });

  describe.each(SWEDISH)('%s', (code, text, swedish) => {
    it(`"${text}" gives ${code}`, () => {
      expect(error(text).code).toBe(code);
    });
    it('is explained in Swedish by default', () => {
      expect(errorText(error(text))).toBe(swedish);
      expect(errorText(error(text), 'sv')).toBe(swedish);
    });
    it('is explained in English when the policy says so', () => {
      const english = errorText(error(text), 'en');
      expect(english).not.toBe(swedish);
      expect(english).toMatch(/^[A-Z“]/);
      expect(english).not.toMatch(/undefined/);
    });
  });

  describe('when the command is in a given language', () => {
    it('shows the example of the command that was being read', () => {
      expect(errorText(error('diarieför'))).toBe('Ange vilken fråga, till exempel /svarstid diarieför 42 KS 2026/123.');
      expect(errorText(error('ta #x'))).toBe('”#x” är inget nummer på en fråga. Skriv frågans nummer, till exempel /svarstid ta 42.');
      expect(errorText(error('claim'), 'en')).toBe('Say which question, for example /svarstid claim 42.');
    });
    it('in Teams, the example is what one types to the bot there, without /svarstid', () => {
      expect(errorText(error('ta'), 'sv', 'teams')).toBe('Ange vilken fråga, till exempel ta 42.');
      expect(errorText(error('foo'), 'sv', 'teams')).toBe('Jag känner inte igen kommandot ”foo”. Skriv hjälp för att se vad jag kan.');
    });
  });

  describe('when the word is a likely typo', () => {
    it('suggests the command after the first sentence', () => {
      expect(error('stnag 42 spam')).toEqual({ code: 'unknown_command', given: 'stnag', suggestion: 'stäng' });
      expect(errorText(error('stnag 42 spam'))).toBe('Jag känner inte igen kommandot ”stnag”. Menade du ”stäng”? Skriv /svarstid hjälp för att se vad jag kan.');
      expect(errorText(error('lsit'), 'en')).toBe('I don\'t know the command “lsit”. Did you mean “list”? Type /svarstid help to see what I can do.');
    });
    it('suggests the reason', () => {
      expect(errorText(error('stäng 42 spma'))).toMatch(/^”spma” är inget skäl för att stänga en fråga\. Menade du ”spam”\? Skäl: förtal/);
    });
    it('suggests nothing for a word that is not close to any', () => {
      expect(error('foo')).not.toHaveProperty('suggestion');
      expect(error('tjena')).not.toHaveProperty('suggestion');
    });
  });

  describe('when the id is not an inquiry number', () => {
    it.each(['abc', '0', '-1', '4.2', '#', '##42', '2147483648', '42abc'])('"%s" is bad_id', (word) => {
      expect(error(`ta ${word}`)).toEqual({ code: 'bad_id', command: 'claim', given: word });
    });
    it('accepts the largest inquiry number (a Postgres serial)', () => {
      expect(command('ta 2147483647')).toEqual({ type: 'claim', inquiryId: 2_147_483_647 });
    });
  });

  it('lists the English short forms of the reasons in English', () => {
    expect(errorText(error('close 42 boring'), 'en')).toBe(
      '“boring” is not a reason for closing a question. Reasons: förtal (defamation), hets mot folkgrupp (hate-speech), personangrepp (personal-attack), sexism/trakasserier (harassment), olaga våldsskildring (violence), upphovsrättsintrång (copyright), reklam/spam (spam), sekretess (confidential), personuppgifter (personal-data), utanför ämnet (off-topic), svordomar/obscena ord (profanity), uppmaning till brott (incitement-to-crime), uppvigling (sedition), pornografi (pornography), barnpornografi (child-abuse-material), hot/trakasserier (threats), kränkande kommentarer (offensive), kommersiella budskap (commercial), propaganda (propaganda), kampanjer/spam (campaigns), hemligstämplat material (classified), länk till otillåtet material (forbidden-link), annat (other).',
    );
  });
});

describe('the help text', () => {
  const types = Object.keys(VERBS) as CommandType[];

  it.each(types)('lists %s in Swedish with an explanation and an example', (type) => {
    const [sv] = VERBS[type];
    expect(helpText('sv')).toMatch(new RegExp(`^• /svarstid ${sv}\\b.* – .+\\. Exempel: /svarstid ${sv}\\b`, 'mu'));
  });
  it.each(types)('lists %s in English with an explanation and an example', (type) => {
    const [, en] = VERBS[type];
    expect(helpText('en')).toMatch(new RegExp(`^• /svarstid ${en}\\b.* – .+\\. Example: /svarstid ${en}\\b`, 'mu'));
  });
  it('is Swedish by default and names the reasons for closing', () => {
    expect(helpText()).toBe(helpText('sv'));
    expect(helpText().split('\n')[0]).toBe('Så här använder du /svarstid:');
    for (const reason of CLOSE_REASONS) expect(helpText()).toContain(reason);
  });
  it('in Teams, says how to write to the bot, and never /svarstid (Slack’s syntax)', () => {
    const teams = helpText('sv', undefined, 'teams');
    expect(teams.split('\n').slice(0, 2)).toEqual(['Så här använder du svarstid:', 'Skriv kommandona här i chatten med mig. I en kanal nämner du @svarstid först, till exempel @svarstid lista.']);
    expect(teams).toContain('• skicka ID @person [motivering] – skicka en fråga vidare till en kollega, gärna med en motivering. Exempel: skicka 42 @anna.berg');
    expect(teams).not.toContain('/svarstid');
  });
  it('uses one word per thing: fråga, never ärende; i dag, never idag', () => {
    for (const lang of ['sv'] as const) {
      const all = [helpText(lang), helpText(lang, undefined, 'teams')].join('\n');
      expect(all).not.toMatch(/ärende/);
      expect(all).not.toMatch(/\bidag\b|\bimorgon\b/);
    }
  });
  it('mentions that the other language’s commands work too', () => {
    expect(helpText('sv')).toContain('Engelska kommandon fungerar också (list, claim, reply, forward');
    expect(helpText('en')).toContain('Swedish commands work too (lista, ta, svara, skicka');
  });
  it('gives one command’s line for a topic', () => {
    expect(helpText('sv', 'claim')).toBe('/svarstid ta ID – ta en fråga, så blir du ansvarig för svaret. Exempel: /svarstid ta 42');
    expect(helpText('en', 'close').split('\n')).toHaveLength(2);
    expect(helpText('en', 'close')).toContain('Reasons for closing: förtal (defamation)');
  });
});
