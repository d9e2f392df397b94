import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGenericPayload } from '../../../../adapters/sources/generic/index.js';
import type { SourceEvent } from '../../../../src/inquiries/inbound.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/generic/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const at = (iso: string): number => Date.parse(iso);
const parse = (body: unknown): SourceEvent[] => parseGenericPayload(body, 'hofors-blogg');

describe('a generic webhook body', () => {
  describe('when it is a blog comment', () => {
    const body = fixture('blog-comment');
    it('becomes one message with every field', () => {
      expect(parse(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: true },
            channel: 'blog',
            accountExternalId: 'hofors-bloggen',
            externalId: 'kommentar-4711',
            author: { id: 'wp-user-318', name: 'Anna Lindqvist' },
            text: 'Hej! När börjar snöröjningen på Storgatan? Det har inte plogats sedan i söndags och bussen kommer inte fram.',
            url: 'https://blogg.hofors.se/2026/11/vintervaghallning#comment-4711',
            receivedAt: at('2026-11-25T08:14:00Z'),
            inReplyTo: 'inlagg-vintervaghallning',
            raw: body,
          },
        },
      ]);
    });
    it('keeps the body itself as raw, unchanged', () => {
      const [event] = parse(body);
      expect(event?.kind === 'message' && event.message.raw).toBe(body);
    });
  });

  describe('when it is a web chat message from an anonymous visitor', () => {
    it('becomes a chat message with only the visitor id as author, and no url or inReplyTo', () => {
      const body = fixture('web-chat');
      expect(parse(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: true },
            channel: 'chat',
            accountExternalId: 'nassjo-webbchatt',
            externalId: 'chatt-2026-11-25-0042',
            author: { id: 'besokare-8f3a2c' },
            text: 'Hur ansöker jag om plats i förskolan till våren?',
            receivedAt: at('2026-11-25T13:03:27+01:00'),
            raw: body,
          },
        },
      ]);
    });
  });

  describe('when it comes from an e-mail bridge', () => {
    it('becomes an e-mail message; milliseconds are kept, a null url means none', () => {
      const body = fixture('email-bridge');
      expect(parse(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: true },
            channel: 'email',
            accountExternalId: 'kommun@ljusdal.se',
            externalId: '<CAF3x9Qm7v@mail.example.se>',
            author: { name: 'Erik Johansson', handle: 'erik.johansson@example.se' },
            text: 'Hej,\n\nJag undrar om biblioteket i Färila har öppet under jullovet.\n\nMed vänliga hälsningar\nErik',
            receivedAt: at('2026-12-18T15:45:10.250Z'),
            raw: body,
          },
        },
      ]);
    });
  });

  describe('when it is a batch', () => {
    const body = fixture('batch');
    const items = body.messages as unknown[];
    it('becomes one event per item, in order; each raw is its own item; the channel is blog until the account says otherwise', () => {
      expect(parse(body)).toEqual([
        {
          kind: 'message',
          message: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: false },
            channel: 'blog',
            accountExternalId: 'hofors-bloggen',
            externalId: 'kommentar-4712',
            author: { name: 'Kalle' },
            text: 'Gäller detta även Tallbacken?',
            receivedAt: at('2026-11-25T09:20:00+01:00'),
            inReplyTo: 'kommentar-4711',
            raw: items[0],
          },
        },
        {
          kind: 'message',
          message: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: false },
            channel: 'blog',
            accountExternalId: 'hofors-bloggen',
            externalId: 'kommentar-4713',
            author: { handle: '@snoskottaren' },
            text: 'Tack för ett snabbt svar igår!',
            receivedAt: at('2026-11-25T10:05:00+01:00'),
            raw: items[1],
          },
        },
        {
          kind: 'own_reply',
          reply: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: false },
            channel: 'blog',
            accountExternalId: 'hofors-bloggen',
            externalId: 'kommentar-4714',
            inReplyTo: 'kommentar-4711',
            answeredAt: at('2026-11-25T10:30:00+01:00'),
            raw: items[2],
          },
        },
      ]);
    });
    it('accepts exactly 100 items', () => {
      const many = Array.from({ length: 100 }, (_, i) => ({ ...(items[0] as object), external_id: `k-${i}` }));
      expect(parse({ messages: many })).toHaveLength(100);
    });
  });

  describe('when it says a message was answered', () => {
    it('becomes an own reply to that message', () => {
      const body = fixture('answered');
      expect(parse(body)).toEqual([
        {
          kind: 'own_reply',
          reply: {
            source: 'generic',
            origin: { name: 'hofors-blogg', channelGiven: true },
            channel: 'chat',
            accountExternalId: 'nassjo-webbchatt',
            externalId: 'chatt-2026-11-25-0042-svar',
            inReplyTo: 'chatt-2026-11-25-0042',
            answeredAt: at('2026-11-25T12:10:00Z'),
            raw: body,
          },
        },
      ]);
    });
    it('and has no id of its own, gets "answer-to:" + the answered id, so a retry is the same reply', () => {
      const [event] = parse({ account: 'hofors-bloggen', answers: 'kommentar-4711', answered_at: '2026-11-25T10:30:00+01:00' });
      expect(event).toMatchObject({ kind: 'own_reply', reply: { externalId: 'answer-to:kommentar-4711', inReplyTo: 'kommentar-4711', channel: 'blog' } });
    });
  });

  describe('when optional fields are null', () => {
    it('treats them as absent', () => {
      const body = { ...fixture('blog-comment'), url: null, channel: null, in_reply_to: null, author: { id: null, name: 'Anna', handle: null } };
      const [event] = parse(body);
      expect(event?.kind === 'message' && event.message).toMatchObject({ channel: 'blog', author: { name: 'Anna' } });
      expect(event?.kind === 'message' && Object.keys(event.message)).not.toContain('url');
      expect(event?.kind === 'message' && Object.keys(event.message.author)).toEqual(['name']);
    });
  });
});
