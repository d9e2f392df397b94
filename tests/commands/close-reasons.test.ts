import { describe, expect, it } from 'vitest';
import { CLOSE_REASON_ALIASES } from '../../src/commands/reasons.js';
import { CLOSE_REASONS } from '../../src/inquiries/model.js';
import { REASONS } from '../../src/inquiries/reasons.js';
import { command, error } from './helpers.js';

describe('stäng: the reason for closing', () => {
  describe('when the reason is written as in the guidelines', () => {
    const NOTED = (reason: string) => (reason === 'annat' ? { note: 'dubblett' } : {});
    const after = (reason: string) => (reason === 'annat' ? ' dubblett' : '');
    it.each(CLOSE_REASONS)('"%s" is read as itself', (reason) => {
      expect(command(`stäng 42 ${reason}${after(reason)}`)).toEqual({ type: 'close', inquiryId: 42, reason, ...NOTED(reason) });
    });
    it.each(CLOSE_REASONS)('"%s" is read in upper case and without diacritics', (reason) => {
      const plain = reason.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      expect(command(`stang 42 ${plain}${after(reason)}`)).toEqual({ type: 'close', inquiryId: 42, reason, ...NOTED(reason) });
    });
    it('has the reasons of all five guidelines, each with its source (but "annat")', () => {
      expect(CLOSE_REASONS).toHaveLength(23);
      for (const missing of ['svordomar/obscena ord', 'uppmaning till brott', 'pornografi', 'hot/trakasserier', 'kommersiella budskap', 'kampanjer/spam', 'hemligstämplat material', 'länk till otillåtet material']) expect(CLOSE_REASONS).toContain(missing);
      for (const reason of CLOSE_REASONS) if (reason !== 'annat') expect(REASONS[reason].sources.length, reason).toBeGreaterThan(0);
      expect(REASONS['reklam/spam'].register).toBe(false);
      expect(REASONS['hets mot folkgrupp'].police).toBe(true);
      expect(REASONS['barnpornografi'].police).toBe(true);
    });
    it('gives no short form to two reasons, and none is another reason’s name', () => {
      const all = CLOSE_REASONS.flatMap((reason) => REASONS[reason].aliases.map((a) => a.toLowerCase()));
      expect(new Set(all).size).toBe(all.length);
      for (const a of all) expect(CLOSE_REASONS as readonly string[]).not.toContain(a);
    });
  });

  describe('when the reason is a short form', () => {
    it.each(Object.entries(CLOSE_REASON_ALIASES))('"%s" means %s', (alias, reason) => {
      const note = reason === 'annat' ? { note: 'duplicate' } : {};
      expect(command(`close 42 ${alias}${reason === 'annat' ? ' duplicate' : ''}`)).toEqual({ type: 'close', inquiryId: 42, reason, ...note });
    });
    it('has the short forms the issue asks for', () => {
      expect(CLOSE_REASON_ALIASES).toMatchObject({
        spam: 'reklam/spam',
        trakasserier: 'sexism/trakasserier',
        upphovsrätt: 'upphovsrättsintrång',
        'off-topic': 'utanför ämnet',
        other: 'annat',
      });
    });
    it('maps every short form to one of the guidelines’ reasons', () => {
      for (const reason of Object.values(CLOSE_REASON_ALIASES)) expect(CLOSE_REASONS).toContain(reason);
    });
  });

  describe('when a multi-word reason is followed by a note', () => {
    it('needs no quotes: the longest reason wins and the rest is the note', () => {
      expect(command('stäng 42 hets mot folkgrupp skrev om invandrare')).toEqual({
        type: 'close',
        inquiryId: 42,
        reason: 'hets mot folkgrupp',
        note: 'skrev om invandrare',
      });
      expect(command('stäng 42 utanför ämnet frågan gäller Region Gävleborg')).toEqual({
        type: 'close',
        inquiryId: 42,
        reason: 'utanför ämnet',
        note: 'frågan gäller Region Gävleborg',
      });
      expect(command('close 42 olaga våldsskildring video removed by Meta')).toMatchObject({ reason: 'olaga våldsskildring', note: 'video removed by Meta' });
    });
    it('reads "utanför" alone as utanför ämnet, with the rest as the note', () => {
      expect(command('stäng 42 utanför gäller landstinget')).toMatchObject({ reason: 'utanför ämnet', note: 'gäller landstinget' });
    });
    it('reads "off topic" in two words', () => {
      expect(command('close 42 off topic asks about the football club')).toMatchObject({ reason: 'utanför ämnet', note: 'asks about the football club' });
    });
    it('keeps the note verbatim', () => {
      expect(command('stäng 42 annat   Dubblett av #41, se   tråden')).toMatchObject({ reason: 'annat', note: 'Dubblett av #41, se   tråden' });
    });
    it('lets a colon or dash set the note off from the reason', () => {
      expect(command('stäng 42 spam: köp billiga klockor')).toMatchObject({ reason: 'reklam/spam', note: 'köp billiga klockor' });
      expect(command('stäng 42 spam – köp billiga klockor')).toMatchObject({ reason: 'reklam/spam', note: 'köp billiga klockor' });
      expect(command('stäng 42 reklam/spam - köp')).toMatchObject({ reason: 'reklam/spam', note: 'köp' });
    });
    it('has no note when only a separator follows', () => {
      expect(command('stäng 42 spam -')).toEqual({ type: 'close', inquiryId: 42, reason: 'reklam/spam' });
    });
  });

  describe('when the reason is "annat"', () => {
    it('is missing_note without a note, in Swedish and English alike', () => {
      expect(error('stäng 42 annat')).toEqual({ code: 'missing_note', command: 'close', given: 'annat' });
      expect(error('close 42 other -')).toEqual({ code: 'missing_note', command: 'close', given: 'other' });
    });
  });

  describe('when the reason is missing or unknown', () => {
    it('is missing_reason without one', () => {
      expect(error('stäng 42')).toEqual({ code: 'missing_reason', command: 'close' });
    });
    it('is unknown_reason for a word that is no reason, with a suggestion when it is a likely typo', () => {
      expect(error('stäng 42 tråkig')).toEqual({ code: 'unknown_reason', command: 'close', given: 'tråkig' });
      expect(error('stäng 42 spma')).toEqual({ code: 'unknown_reason', command: 'close', given: 'spma', suggestion: 'spam' });
      expect(error('stäng 42 förtall')).toMatchObject({ suggestion: 'förtal' });
    });
    it('falls back to the shorter form when a multi-word reason is cut short', () => {
      expect(command('stäng 42 hets mot')).toEqual({ type: 'close', inquiryId: 42, reason: 'hets mot folkgrupp', note: 'mot' });
      expect(error('stäng 42 olaga')).toEqual({ code: 'unknown_reason', command: 'close', given: 'olaga' });
    });
  });
});
