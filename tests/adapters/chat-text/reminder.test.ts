/** Reminders as officers read them in chat: full texts, Swedish by default, English by policy. */
import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../../adapters/chat-text/index.js';
import { at } from '../../support/calendar-builder.js';
import { HOUR, MINUTE, reminder, summary } from './builders.js';

const text = (lines: string[]) => lines.join('\n');

describe('a reminder', () => {
  describe('when half the response time has passed (heads-up), in Swedish', () => {
    const m = renderNotification(reminder({ moment: 'heads_up' }), at('2026-11-24T12:15'));

    it('says where, who, what and how long is left', () => {
      expect(m.title).toBe('En fråga väntar på svar');
      expect(m.lines).toEqual([
        'Fråga #42 till Hofors kommun på Facebook',
        'Länk: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
        'Från: Karin Svensson, i går kl. 14:30',
        '”När töms soporna på Storgatan?”',
        'Svara senast i dag kl. 14:30 (2 tim 15 min kvar i arbetstid).',
      ]);
    });
    it('has the same text as plain text, title first', () => {
      expect(m.fallback).toBe(text([m.title, ...m.lines]));
    });
  });

  describe('when the response time runs out soon and the text holds a personnummer', () => {
    const n = reminder({
      moment: 'due_soon',
      inquiry: summary({
        id: 43, channel: 'messenger', authorName: 'Per Olsson', url: null, receivedAt: at('2026-11-24T09:00'), deadline: at('2026-11-25T09:00'),
        workingTimeLeft: 2 * HOUR, text: 'Hej, mitt personnummer är 19121212-1212 och jag undrar hur det går med mitt bygglov.', personalData: ['personnummer'],
      }),
    });

    it('warns to stop, remove the data and move the case to the registry (Hofors 3.2, Nässjö 20)', () => {
      expect(renderNotification(n, at('2026-11-24T16:00')).fallback).toBe(text([
        'Svarstiden går snart ut',
        'Fråga #43 till Hofors kommun i Messenger',
        'Från: Per Olsson, i dag kl. 09:00',
        '”Hej, mitt personnummer är 19121212-1212 och jag undrar hur det går med mitt bygglov.”',
        'Svara senast i morgon kl. 09:00 (2 tim kvar i arbetstid).',
        'OBS! Frågan innehåller personuppgifter (personnummer). Fortsätt inte samtalet i Messenger: spara inlägget, ta bort uppgifterna där och diarieför frågan, så att den handläggs som ett ärende.',
      ]));
    });
  });

  describe('when the deadline is now and the officer is away', () => {
    const via = { intendedId: 2, intendedName: 'Erik Lind', reason: 'absent' as const, until: at('2026-11-28T00:00') };
    const now = at('2026-11-24T14:30');

    describe('and the absence ends at midnight', () => {
      it('tells the substitute why, naming the last day away', () => {
        const n = reminder({ moment: 'deadline', routedVia: via, inquiry: summary({ workingTimeLeft: 0 }) });
        expect(renderNotification(n, now).fallback).toBe(text([
          'Svarstiden har gått ut',
          'Du får detta som ersättare för Erik Lind, som är frånvarande till och med fredag 27 november.',
          'Fråga #42 till Hofors kommun på Facebook',
          'Länk: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
          'Från: Karin Svensson, i går kl. 14:30',
          '”När töms soporna på Storgatan?”',
          'Svarstiden gick ut i dag kl. 14:30.',
        ]));
      });
    });
    describe('and the absence ends during a day', () => {
      it('names the time it ends', () => {
        const n = reminder({ moment: 'deadline', routedVia: { ...via, until: at('2026-11-25T12:00') }, inquiry: summary({ workingTimeLeft: 0 }) });
        expect(renderNotification(n, now).lines[0]).toBe('Du får detta som ersättare för Erik Lind, som är frånvarande till i morgon kl. 12:00.');
      });
    });
    describe('and the officer has no end of absence (inactive)', () => {
      it('says they are not available', () => {
        const n = reminder({ moment: 'deadline', routedVia: { ...via, until: now }, inquiry: summary({ workingTimeLeft: 0 }) });
        expect(renderNotification(n, now).lines[0]).toBe('Du får detta som ersättare för Erik Lind, som inte är tillgänglig.');
      });
    });
  });

  describe('when the deadline has passed (overdue, to the manager)', () => {
    const overdue = (o: Parameters<typeof summary>[0]) => reminder({
      moment: 'overdue',
      inquiry: summary({
        id: 44, channel: 'x', authorName: '@medborgare', text: 'Varför är Hedåsvägen fortfarande inte plogad?',
        url: 'https://x.com/medborgare/status/1861000000000000000', receivedAt: at('2026-11-23T15:00'), deadline: at('2026-11-24T11:00'),
        workingTimeLeft: -(HOUR + 5 * MINUTE), state: 'claimed', ...o,
      }),
    });
    const now = at('2026-11-24T12:05');

    it('says how late in working time, and who has the question', () => {
      expect(renderNotification(overdue({}), now).fallback).toBe(text([
        'Försenad: frågan är fortfarande obesvarad',
        'Fråga #44 till Hofors kommun på X',
        'Länk: https://x.com/medborgare/status/1861000000000000000',
        'Från: @medborgare, i går kl. 15:00',
        '”Varför är Hedåsvägen fortfarande inte plogad?”',
        'Svarstiden gick ut i dag kl. 11:00 (försenad med 1 tim 5 min arbetstid).',
        'Erik Lind har tagit frågan.',
      ]));
    });
    describe('and nobody has taken it', () => {
      it('says who is responsible, or that nobody is', () => {
        expect(renderNotification(overdue({ state: 'open' }), now).lines.at(-1)).toBe('Erik Lind ansvarar men har inte tagit frågan ännu.');
        expect(renderNotification(overdue({ state: 'forwarded' }), now).lines.at(-1)).toBe('Skickad vidare till Erik Lind, som inte har tagit den ännu.');
        expect(renderNotification(overdue({ state: 'open', assigneeName: null }), now).lines.at(-1)).toBe('Ingen har tagit frågan ännu.');
      });
    });
  });

  describe('when the policy language is English', () => {
    it('writes the whole reminder in English', () => {
      const n = reminder({
        moment: 'due_soon', language: 'en', inquiry: summary({ personalData: ['email'] }),
        routedVia: { intendedId: 2, intendedName: 'Erik Lind', reason: 'absent', until: at('2026-11-28T00:00') },
      });
      expect(renderNotification(n, at('2026-11-24T12:15')).fallback).toBe(text([
        'The response time is running out',
        'You are getting this as the substitute for Erik Lind, who is away through Friday 27 November.',
        'Question #42 to Hofors kommun on Facebook',
        'Link: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
        'From: Karin Svensson, yesterday at 14:30',
        '“När töms soporna på Storgatan?”',
        'Answer by today at 14:30 (2 h 15 min of working time left).',
        'Note: the question contains personal data (email address). Do not continue the conversation on Facebook: save the post, remove the data there and register the question, so that it is handled as a case.',
      ]));
    });
  });

  describe('when the citizen wrote a long text', () => {
    it('quotes about 500 characters, cut at a word, with "…"', () => {
      const sentence = 'Snöröjningen på Hedåsvägen är dålig. ';
      const m = renderNotification(reminder({ inquiry: summary({ text: sentence.repeat(20) }) }), at('2026-11-24T12:15'));
      expect(m.lines[3]).toBe(`”${sentence.repeat(13)}Snöröjningen på…”`);
    });
  });

  describe('when the author is unknown and the channel has no response time', () => {
    it('says "okänd avsändare" and that no response time applies', () => {
      const m = renderNotification(reminder({ inquiry: summary({ authorName: null, deadline: null, workingTimeLeft: null }) }), at('2026-11-24T12:15'));
      expect(m.lines.slice(2)).toEqual([
        'Från: okänd avsändare, i går kl. 14:30',
        '”När töms soporna på Storgatan?”',
        'Ingen svarstid gäller för den här kanalen.',
      ]);
    });
  });
});
