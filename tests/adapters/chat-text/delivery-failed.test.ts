/** The manager's notice that a reminder could not be delivered (after its attempts, or at once when the person cannot be reached). */
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../adapters/chat-text/index.js';
import { at } from '../../support/calendar-builder.js';
import { deliveryFailed, MINUTE, summary } from './builders.js';

const now = at('2026-11-24T12:20');

describe('a delivery-failed notice', () => {
  describe('when a reminder to an officer failed', () => {
    it('names who was not reached, the question, the error and what to do', () => {
      const m = renderNotification(deliveryFailed({ inquiry: summary({ workingTimeLeft: 2 * 60 * MINUTE + 10 * MINUTE }) }), now);
      expect(m.fallback).toBe([
        'En påminnelse kunde inte levereras',
        'Påminnelsen om fråga #42 kunde inte levereras till Erik Lind.',
        'Fråga #42 till Hofors kommun på Facebook',
        'Länk: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
        'Från: Karin Svensson, i går kl. 14:30',
        '”När töms soporna på Storgatan?”',
        'Svara senast i dag kl. 14:30 (2 tim 10 min kvar i arbetstid).',
        'Erik Lind ansvarar men har inte tagit frågan ännu.',
        'Tekniskt fel: not_in_channel',
        'Se till att någon svarar på frågan och kontrollera att Erik Lind har rätt chattkonto i katalogen.',
      ].join('\n'));
    });
  });

  describe('when it is not known who was not reached', () => {
    it('speaks of the recipient and only asks that someone answers', () => {
      const m = renderNotification(deliveryFailed({ intendedName: '' }), now);
      expect(m.lines[0]).toBe('Påminnelsen om fråga #42 kunde inte levereras till mottagaren.');
      expect(m.lines.at(-1)).toBe('Se till att någon svarar på frågan.');
    });
  });

  describe('when the policy language is English', () => {
    it('writes the notice in English', () => {
      const m = renderNotification(deliveryFailed({ language: 'en', error: 'channel_not_found' }), now);
      expect(m.title).toBe('A reminder could not be delivered');
      expect(m.lines[0]).toBe('The reminder about question #42 could not be delivered to Erik Lind.');
      expect(m.lines.slice(-2)).toEqual([
        'Technical error: channel_not_found',
        'Make sure someone answers the question, and check that Erik Lind has the right chat account in the directory.',
      ]);
    });
  });
});
