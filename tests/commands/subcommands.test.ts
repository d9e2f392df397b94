import { describe, expect, it } from 'vitest';
import { command, error } from './helpers.js';

describe('the /svarstid subcommands', () => {
  describe('lista | list (my queue)', () => {
    it.each(['lista', 'list', 'LISTA', 'List'])('"%s" lists my queue', (text) => {
      expect(command(text)).toEqual({ type: 'list' });
    });
    it('takes nothing more', () => {
      expect(error('lista allt')).toEqual({ code: 'too_many_arguments', command: 'list', given: 'allt' });
    });
  });

  describe('ta | claim ID', () => {
    it.each(['ta 42', 'claim 42', 'ta #42', 'claim #42', 'TA 42', 'Claim #42'])('"%s" claims inquiry 42', (text) => {
      expect(command(text)).toEqual({ type: 'claim', inquiryId: 42 });
    });
    it('accepts a trailing full stop or comma after the id', () => {
      expect(command('ta 42.')).toEqual({ type: 'claim', inquiryId: 42 });
    });
    it('takes one id only', () => {
      expect(error('ta 42 43')).toEqual({ code: 'too_many_arguments', command: 'claim', given: '43' });
    });
  });

  describe('skicka | forward ID @person [motivering]', () => {
    it('forwards without a motivering', () => {
      expect(command('skicka 42 @anna.berg')).toEqual({ type: 'forward', inquiryId: 42, to: { kind: 'name', name: 'anna.berg' } });
      expect(command('forward #42 <@U0123ABC>')).toEqual({ type: 'forward', inquiryId: 42, to: { kind: 'slack', userId: 'U0123ABC' } });
    });
    it('takes the rest of the text, verbatim, as the motivering', () => {
      expect(command('skicka 42 @anna.berg Gäller bygglov, kan du svara?')).toEqual({
        type: 'forward',
        inquiryId: 42,
        to: { kind: 'name', name: 'anna.berg' },
        reason: 'Gäller bygglov, kan du svara?',
      });
      expect(command('forward 42 <@U0123ABC|anna> about building permits')).toMatchObject({ reason: 'about building permits' });
    });
    it('lets a colon or dash set the motivering off from the person', () => {
      expect(command('skicka 42 @anna.berg – gäller bygglov')).toMatchObject({ reason: 'gäller bygglov' });
      expect(command('skicka 42 @anna.berg -')).not.toHaveProperty('reason');
    });
    it('shows Slack-escaped characters in the motivering as written', () => {
      expect(command('skicka 42 @anna.berg skola &amp; förskola &lt;3')).toMatchObject({ reason: 'skola & förskola <3' });
    });
  });

  describe('klar | done ID', () => {
    it.each(['klar 7', 'done 7', 'klar #7', 'DONE #7'])('"%s" marks inquiry 7 answered', (text) => {
      expect(command(text)).toEqual({ type: 'done', inquiryId: 7 });
    });
  });

  describe('stäng | close ID SKÄL [anteckning]', () => {
    it.each(['stäng 42 spam', 'stang 42 spam', 'STÄNG 42 spam', 'close #42 spam'])('"%s" closes as reklam/spam', (text) => {
      expect(command(text)).toEqual({ type: 'close', inquiryId: 42, reason: 'reklam/spam' });
    });
    it('keeps a note after the reason', () => {
      expect(command('close 42 other duplicate of #41')).toEqual({ type: 'close', inquiryId: 42, reason: 'annat', note: 'duplicate of #41' });
    });
  });

  describe('diarieför | register ID [diarienummer]', () => {
    it.each(['diarieför 42', 'diariefor 42', 'DIARIEFÖR #42', 'register 42'])('"%s" registers without a case number', (text) => {
      expect(command(text)).toEqual({ type: 'register', inquiryId: 42 });
    });
    it('takes the rest of the text as the case number, spaces and all', () => {
      expect(command('diarieför 42 KS 2026/123')).toEqual({ type: 'register', inquiryId: 42, caseNumber: 'KS 2026/123' });
      expect(command('register #42 KS2026-0123')).toEqual({ type: 'register', inquiryId: 42, caseNumber: 'KS2026-0123' });
    });
  });

  describe('frånvaro | away FROM TO [@ersättare]', () => {
    it.each(['frånvaro', 'franvaro', 'FRÅNVARO', 'away'])('"%s 2026-12-01 2026-12-04" is an absence', (verb) => {
      expect(command(`${verb} 2026-12-01 2026-12-04`)).toMatchObject({ type: 'away' });
    });
    it('has an optional substitute', () => {
      expect(command('frånvaro 2026-12-01 2026-12-04')).not.toHaveProperty('substitute');
      expect(command('away 2026-12-01 2026-12-04 @maria.ek')).toMatchObject({ substitute: { kind: 'name', name: 'maria.ek' } });
    });
  });

  describe('frånvaro | away @kollega FROM TO [ersättare @ersättare]: for a colleague', () => {
    it('names the colleague first, the substitute last, with or without the word ”ersättare”', () => {
      expect(command('frånvaro @erik.lind 2026-12-01 2026-12-04 ersättare @maria.ek')).toMatchObject({ type: 'away', person: { kind: 'name', name: 'erik.lind' }, substitute: { kind: 'name', name: 'maria.ek' } });
      expect(command('away <@U01HOF0002> monday friday substitute <@U01HOF0003>')).toMatchObject({ person: { kind: 'slack', userId: 'U01HOF0002' }, substitute: { kind: 'slack', userId: 'U01HOF0003' } });
      expect(command('frånvaro <at>Erik Lind</at> i dag fredag')).toMatchObject({ person: { kind: 'name', name: 'Erik Lind' } });
      expect(command('frånvaro @erik.lind i dag fredag')).not.toHaveProperty('substitute');
    });
    it('the own form is unchanged: a substitute after the dates is a substitute, not the absent person', () => {
      const c = command('frånvaro i dag fredag @erik.lind');
      expect(c).toMatchObject({ type: 'away', substitute: { kind: 'name', name: 'erik.lind' } });
      expect(c).not.toHaveProperty('person');
      expect(command('frånvaro i dag fredag ersättare @erik.lind')).toMatchObject({ substitute: { kind: 'name', name: 'erik.lind' } });
    });
    it('”ersättare” without a person, and a colleague without dates, are explained', () => {
      expect(error('frånvaro @erik.lind i dag fredag ersättare')).toEqual({ code: 'missing_person', command: 'away' });
      expect(error('frånvaro @erik.lind')).toEqual({ code: 'missing_date', command: 'away' });
      expect(error('frånvaro @erik.lind i dag')).toEqual({ code: 'missing_end_date', command: 'away' });
    });
    it('tillbaka @kollega ends a colleague’s absence', () => {
      expect(command('tillbaka @erik.lind')).toEqual({ type: 'back', person: { kind: 'name', name: 'erik.lind' } });
      expect(error('tillbaka @erik.lind nu')).toEqual({ code: 'too_many_arguments', command: 'back', given: 'nu' });
    });
  });

  describe('tillbaka | back, sammanfattning | summary', () => {
    it.each([
      ['tillbaka', 'back'],
      ['back', 'back'],
      ['Tillbaka', 'back'],
      ['sammanfattning', 'summary'],
      ['summary', 'summary'],
    ])('"%s" is %s', (text, type) => {
      expect(command(text)).toEqual({ type });
    });
    it('take nothing more', () => {
      expect(error('tillbaka nu')).toEqual({ code: 'too_many_arguments', command: 'back', given: 'nu' });
      expect(error('summary this week')).toEqual({ code: 'too_many_arguments', command: 'summary', given: 'this week' });
    });
  });

  describe('årsuppföljning | yearly [år]', () => {
    it('without a year (the last complete year, decided by the service) and with one', () => {
      expect(command('årsuppföljning')).toEqual({ type: 'yearly' });
      expect(command('arsuppfoljning')).toEqual({ type: 'yearly' });
      expect(command('yearly 2026')).toEqual({ type: 'yearly', year: 2026 });
    });
    it('a year must be 2000–2099, and nothing may follow it', () => {
      expect(error('årsuppföljning 26')).toEqual({ code: 'bad_year', command: 'yearly', given: '26' });
      expect(error('yearly 2100')).toEqual({ code: 'bad_year', command: 'yearly', given: '2100' });
      expect(error('yearly 2026 2027')).toEqual({ code: 'too_many_arguments', command: 'yearly', given: '2027' });
    });
  });

  describe('hjälp | help [kommando]', () => {
    it.each(['hjälp', 'hjalp', 'help', 'HJÄLP', ''])('"%s" asks for the whole help', (text) => {
      expect(command(text)).toEqual({ type: 'help' });
    });
    it('names a command as the topic, in either language', () => {
      expect(command('hjälp stäng')).toEqual({ type: 'help', topic: 'close' });
      expect(command('help frånvaro')).toEqual({ type: 'help', topic: 'away' });
      expect(command('hjälp away')).toEqual({ type: 'help', topic: 'away' });
    });
    it('gives the whole help for a topic it does not know', () => {
      expect(command('hjälp allt')).toEqual({ type: 'help' });
    });
  });

  describe('whitespace, unicode and how the text arrives', () => {
    it('ignores extra spaces, tabs, newlines and non-breaking spaces', () => {
      expect(command('   ta\t  #42  \n')).toEqual({ type: 'claim', inquiryId: 42 });
      expect(command('stäng\u00a042\u00a0spam')).toEqual({ type: 'close', inquiryId: 42, reason: 'reklam/spam' });
      expect(command('ta&nbsp;42')).toEqual({ type: 'claim', inquiryId: 42 });
    });
    it('reads å, ä and ö whether composed or decomposed (NFD, as pasted from macOS)', () => {
      expect(command('sta\u0308ng 42 spam')).toMatchObject({ type: 'close' });
      expect(command('fra\u030anvaro idag idag')).toMatchObject({ type: 'away' });
      expect(command('diariefo\u0308r 42')).toMatchObject({ type: 'register' });
    });
    it('ignores zero-width characters', () => {
      expect(command('ta 4\u200b2')).toEqual({ type: 'claim', inquiryId: 42 });
    });
    it('skips a leading /svarstid or svarstid', () => {
      expect(command('/svarstid ta 42')).toEqual({ type: 'claim', inquiryId: 42 });
      expect(command('svarstid lista')).toEqual({ type: 'list' });
      expect(command('/svarstid')).toEqual({ type: 'help' });
    });
    it("skips the bot's own mention that starts a Teams channel message", () => {
      expect(command('<at>svarstid</at> ta 42')).toEqual({ type: 'claim', inquiryId: 42 });
      expect(command('<at>Svarstid</at>&nbsp;skicka 42 <at>Anna Berg</at> kolla')).toEqual({
        type: 'forward',
        inquiryId: 42,
        to: { kind: 'name', name: 'Anna Berg' },
        reason: 'kolla',
      });
    });
  });
});
