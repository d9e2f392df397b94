import { describe, expect, it } from 'vitest';
import { parsePerson } from '../../src/commands/person.js';
import { command, error } from './helpers.js';

describe('naming a person', () => {
  describe('when the text comes from Slack', () => {
    it('reads the escaped mention <@U0123ABC> as the Slack user', () => {
      expect(command('skicka 42 <@U0123ABC>')).toMatchObject({ to: { kind: 'slack', userId: 'U0123ABC' } });
    });
    it('reads the mention with a label, <@U0123ABC|anna>, by its user id only', () => {
      expect(command('skicka 42 <@U0123ABC|anna>')).toMatchObject({ to: { kind: 'slack', userId: 'U0123ABC' } });
      expect(command('skicka 42 <@U0123ABC|anna berg> se bifogat')).toMatchObject({ to: { kind: 'slack', userId: 'U0123ABC' }, reason: 'se bifogat' });
    });
    it('reads Enterprise Grid user ids (W…)', () => {
      expect(command('forward 42 <@W0123ABC>')).toMatchObject({ to: { kind: 'slack', userId: 'W0123ABC' } });
    });
    it('names the substitute of an absence the same way', () => {
      expect(command('frånvaro idag imorgon <@U0123ABC|maria>')).toMatchObject({ substitute: { kind: 'slack', userId: 'U0123ABC' } });
    });
  });

  describe('when the text comes from Teams', () => {
    it('reads <at>Anna Berg</at> as the display name', () => {
      expect(command('skicka 42 <at>Anna Berg</at>')).toMatchObject({ to: { kind: 'name', name: 'Anna Berg' } });
    });
    it('keeps what follows the mention as the motivering', () => {
      expect(command('forward 42 <at>Anna Berg</at> building permit question')).toMatchObject({
        to: { kind: 'name', name: 'Anna Berg' },
        reason: 'building permit question',
      });
    });
    it('decodes entities and collapses spaces in the name', () => {
      expect(parsePerson('<at>Anna  Berg &amp; Co</at>')).toEqual({ kind: 'name', name: 'Anna Berg & Co' });
      expect(command('skicka 42 <at>Anna&nbsp;&nbsp;Berg</at>')).toMatchObject({ to: { kind: 'name', name: 'Anna Berg' } });
    });
    it('names the substitute of an absence the same way', () => {
      expect(command('away today tomorrow <at>Maria Ek</at>')).toMatchObject({ substitute: { kind: 'name', name: 'Maria Ek' } });
    });
  });

  describe('when the person is written as a directory key', () => {
    it.each(['@anna.berg', 'anna.berg', '@anna.berg,'])('reads "%s" as anna.berg', (word) => {
      expect(command(`skicka 42 ${word}`)).toMatchObject({ to: { kind: 'name', name: 'anna.berg' } });
    });
    it('keeps letters outside ASCII', () => {
      expect(command('skicka 42 @åsa.öberg')).toMatchObject({ to: { kind: 'name', name: 'åsa.öberg' } });
    });
  });

  describe('when no person is named', () => {
    it('is missing_person', () => {
      expect(error('skicka 42')).toEqual({ code: 'missing_person', command: 'forward' });
      expect(error('forward #42   ')).toEqual({ code: 'missing_person', command: 'forward' });
    });
  });

  describe('when the word is not a person', () => {
    it.each(['<#C0123|allmänt>', '<!here>', '<https://hofors.se>', '#43', '@', '<at></at>'])('"%s" is bad_person', (word) => {
      expect(error(`skicka 42 ${word}`)).toEqual({ code: 'bad_person', command: 'forward', given: word });
    });
    it('is bad_person as the substitute of an absence', () => {
      expect(error('frånvaro idag imorgon <!channel>')).toEqual({ code: 'bad_person', command: 'away', given: '<!channel>' });
    });
  });
});
