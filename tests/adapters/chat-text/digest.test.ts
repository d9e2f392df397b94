/** The daily digest: an officer's open questions, and for managers the messages nobody gets. */
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../adapters/chat-text/index.js';
import { at } from '../../support/calendar-builder.js';
import { digest, HOUR, MINUTE, summary } from './builders.js';

const now = at('2026-11-25T08:15');
const soporna = summary({ text: 'När töms soporna på Storgatan? Kärlet har inte tömts på två veckor och det luktar illa.', workingTimeLeft: 45 * MINUTE });
const lekplatsen = summary({ id: 47, channel: 'blog', authorName: null, text: 'Bra initiativ med den nya lekplatsen!', workingTimeLeft: 6 * HOUR + 30 * MINUTE });
const biblioteket = summary({ id: 51, channel: 'instagram', accountName: 'Hofors bibliotek', authorName: 'Lisa Ek', text: 'Har ni öppet på lördag?', deadline: null, workingTimeLeft: null });

describe('the daily digest', () => {
  describe('when there are two open questions and one message to an account not in the directory', () => {
    const m = renderNotification(digest({ inquiries: [soporna, lekplatsen], unrouted: [biblioteket] }), now);

    it('lists the questions in the order given, then the unrouted section with the account names', () => {
      expect(m.fallback).toBe([
        'Dina obesvarade frågor, onsdag 25 november',
        '#42 på Facebook från Karin Svensson: ”När töms soporna på Storgatan? Kärlet har inte tömts på två…” – 45 min kvar i arbetstid',
        '#47 i bloggen från okänd avsändare: ”Bra initiativ med den nya lekplatsen!” – 6 tim 30 min kvar i arbetstid',
        'Meddelanden till konton som inte finns i katalogen (1):',
        '#51 till Hofors bibliotek på Instagram från Lisa Ek: ”Har ni öppet på lördag?” – ingen svarstid',
      ].join('\n'));
    });
  });

  describe('when a question is overdue', () => {
    it('says how late', () => {
      const m = renderNotification(digest({ inquiries: [summary({ text: 'Hej?', workingTimeLeft: -(HOUR + 5 * MINUTE) })] }), now);
      expect(m.lines).toEqual(['#42 på Facebook från Karin Svensson: ”Hej?” – försenad med 1 tim 5 min arbetstid']);
    });
  });

  describe('when there are no open questions', () => {
    it('says so, and has no unrouted section', () => {
      const m = renderNotification(digest(), now);
      expect(m.fallback).toBe('Dina obesvarade frågor, onsdag 25 november\nDu har inga obesvarade frågor.');
    });
  });

  describe('when the policy language is English', () => {
    it('writes the digest in English', () => {
      const m = renderNotification(digest({ language: 'en', inquiries: [lekplatsen], unrouted: [biblioteket] }), now);
      expect(m.fallback).toBe([
        'Your unanswered questions, Wednesday 25 November',
        '#47 on the blog from unknown sender: “Bra initiativ med den nya lekplatsen!” – 6 h 30 min of working time left',
        'Messages to accounts that are not in the directory (1):',
        '#51 to Hofors bibliotek on Instagram from Lisa Ek: “Har ni öppet på lördag?” – no response time',
      ].join('\n'));
    });
  });
});
