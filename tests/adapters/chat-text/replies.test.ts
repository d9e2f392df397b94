/** The chat service's replies as text, Swedish and English. */
import { describe, expect, it } from 'vitest';
import { renderQueue, renderReply } from '../../../adapters/chat-text/replies.js';
import type { ChatReply, InquiryCard } from '../../../src/chat/index.js';
import { at } from '../../support/calendar-builder.js';
import { HOUR, person, summary } from './builders.js';

const NOW = at('2026-11-24T12:15');
const card = (o: Partial<InquiryCard> = {}): InquiryCard => ({ summary: summary({ state: 'claimed' }), registered: false, caseNumber: null, actions: ['forward', 'done', 'close', 'register'], timezone: 'Europe/Stockholm', language: 'sv', ...o });

describe('chat replies as text', () => {
  it('an action: who did what, then the inquiry and who has it', () => {
    const r = renderReply({ kind: 'acted', text: '#42 – Erik Lind tog frågan.', card: card(), language: 'sv' }, NOW);
    expect(r.fallback).toBe(
      [
        '#42 – Erik Lind tog frågan.',
        'Fråga #42 till Hofors kommun på Facebook',
        'Länk: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
        'Från: Karin Svensson, i går kl. 14:30',
        '”När töms soporna på Storgatan?”',
        'Svara senast i dag kl. 14:30 (2 tim 15 min kvar i arbetstid).',
        'Erik Lind har tagit frågan.',
      ].join('\n'),
    );
  });

  it('a closed and registered inquiry says so, without an assignment line', () => {
    const r = renderReply({ kind: 'acted', text: '#42 – Anna Berg diarieförde frågan som KS 2026/123.', card: card({ summary: summary({ state: 'closed' }), registered: true, caseNumber: 'KS 2026/123', actions: [] }), language: 'sv' }, NOW);
    expect(r.lines.at(-1)).toBe('Diarieförd: KS 2026/123.');
    expect(r.lines.some((l) => l.includes('har tagit'))).toBe(false);
  });

  it('a queue lists the own inquiries, then the unclaimed ones', () => {
    const q: ChatReply = { kind: 'queue', language: 'sv', queue: { person: person(), mine: [summary()], unclaimed: [], timezone: 'Europe/Stockholm', language: 'sv' } };
    expect(renderReply(q, NOW).fallback).toBe(
      ['Obesvarade frågor', 'Dina frågor (1):', '• #42 till Hofors kommun på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – 2 tim 15 min kvar i arbetstid', 'Alla frågor är tagna.'].join('\n'),
    );
  });

  it('a long queue comes 20 at a time, saying which part is shown', () => {
    const many = Array.from({ length: 45 }, (_, i) => summary({ id: i + 1 }));
    const q = { person: person(), mine: many, unclaimed: [], timezone: 'Europe/Stockholm', language: 'sv' as const };
    const first = renderQueue(q);
    expect(first.lines.slice(0, 2)).toEqual(['Dina frågor (45):', '• #1 till Hofors kommun på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – 2 tim 15 min kvar i arbetstid']);
    expect(first.lines.slice(-2)).toEqual(['Visar 1–20 av 45.', 'Alla frågor är tagna.']);
    expect(renderQueue(q, { mine: 3, unclaimed: 1 }).lines.slice(-3)).toEqual(['• #45 till Hofors kommun på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – 2 tim 15 min kvar i arbetstid', 'Visar 41–45 av 45.', 'Alla frågor är tagna.']);
    // a page past the end is the last page
    expect(renderQueue(q, { mine: 9, unclaimed: 1 }).lines).toContain('Visar 41–45 av 45.');
  });

  it('an absence with a substitute, starting later; and the welcome back', () => {
    const away: ChatReply = { kind: 'absence', action: 'away', startsAt: at('2026-11-26T00:00'), endsAt: at('2026-11-28T00:00'), substituteName: 'Maria Ek', timezone: 'Europe/Stockholm', language: 'sv' };
    // a whole day has no clock time
    expect(renderReply(away, NOW).fallback).toBe('Frånvaro registrerad till och med fredag 27 november. Maria Ek är ersättare och får dina påminnelser.\nDen börjar torsdag 26 november.');
    expect(renderReply({ ...away, startsAt: at('2026-11-25T00:00') }, NOW).lines).toEqual(['Den börjar i morgon.']);
    expect(renderReply({ ...away, startsAt: at('2026-11-26T13:00') }, NOW).lines).toEqual(['Den börjar torsdag 26 november kl. 13:00.']);
    expect(renderReply({ ...away, language: 'en', substituteName: null }, NOW).title).toBe('Absence registered through Friday 27 November. Your reminders go to the substitutes of your accounts.');
    expect(renderReply({ ...away, action: 'back' }, NOW).title).toBe('Välkommen tillbaka! Dina påminnelser kommer till dig igen.');
  });

  it('the status for managers, per channel, with what is overdue', () => {
    const r = renderReply(
      { kind: 'status', language: 'sv', status: { orgId: 'hofors', channels: [{ channel: 'facebook', active: 3, unclaimed: 1, overdue: 1 }, { channel: 'blog', active: 1, unclaimed: 1, overdue: 0 }], overdue: [summary({ workingTimeLeft: -HOUR })], unrouted: 2, timezone: 'Europe/Stockholm' } },
      NOW,
    );
    expect(r.lines).toEqual([
      'Facebook: 3 obesvarade, varav 1 inte tagen och 1 försenad',
      'Bloggen: 1 obesvarad, varav 1 inte tagen och 0 försenade',
      'Försenade frågor (1):',
      '• #42 till Hofors kommun på Facebook från Karin Svensson: ”När töms soporna på Storgatan?” – försenad med 1 tim arbetstid',
      '2 meddelanden har kommit till konton som inte finns i katalogen.',
    ]);
  });

  it('the status agrees in number: 1 obesvarad, 2 obesvarade; 1 meddelande, 2 meddelanden', () => {
    const status = (active: number, unclaimed: number, overdue: number, unrouted: number): ChatReply => ({ kind: 'status', language: 'sv', status: { orgId: 'hofors', channels: [{ channel: 'x', active, unclaimed, overdue }], overdue: [], unrouted, timezone: 'Europe/Stockholm' } });
    expect(renderReply(status(1, 1, 1, 1), NOW).lines).toEqual(['X: 1 obesvarad, varav 1 inte tagen och 1 försenad', '1 meddelande har kommit till konton som inte finns i katalogen.']);
    expect(renderReply(status(2, 2, 2, 2), NOW).lines).toEqual(['X: 2 obesvarade, varav 2 inte tagna och 2 försenade', '2 meddelanden har kommit till konton som inte finns i katalogen.']);
    expect(renderReply({ ...status(1, 1, 1, 1), language: 'en' } as ChatReply, NOW).lines.at(-1)).toBe('1 message came to accounts that are not in the directory.');
  });

  it('a refusal is its text', () => {
    expect(renderReply({ kind: 'refused', code: 'not_found', text: 'Det finns ingen fråga #9.', language: 'sv' }, NOW).fallback).toBe('Det finns ingen fråga #9.');
  });
});
