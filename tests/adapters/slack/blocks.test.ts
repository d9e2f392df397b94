import { describe, expect, it } from 'vitest';
import { homeView } from '../../../adapters/slack/home.js';
import { cardMessage, reminderMessage } from '../../../adapters/slack/inquiry-blocks.js';
import { escapeMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { forwardModal, decodeOrigin, registerModal } from '../../../adapters/slack/modals.js';
import { messageBlocks } from '../../../adapters/slack/blocks.js';
import { CLOSE_REASONS } from '../../../src/inquiries/model.js';
import type { InquirySummary, Person } from '../../../src/reminders/model.js';

const now = new Date('2026-11-24T10:00:00+01:00').getTime();
const summary = (o: Partial<InquirySummary> = {}): InquirySummary => ({
  id: 42,
  channel: 'facebook',
  accountName: 'Hofors kommun',
  authorName: 'Karin Svensson',
  text: 'Hej <!channel> *gratis* & välkommen',
  url: 'https://www.facebook.com/hoforskommun/posts/1?comment_id=2&reply_comment_id=3',
  receivedAt: now - 3_600_000,
  deadline: now + 86_400_000,
  workingTimeLeft: 7.5 * 3_600_000,
  state: 'open',
  assigneeName: null,
  personalData: [],
  ...o,
});
const texts = (blocks: unknown[]): string => JSON.stringify(blocks);
const elementsOf = (blocks: any[]) => blocks.find((b) => b.type === 'actions')?.elements ?? [];

describe('mrkdwn escaping', () => {
  it('disarms mentions and formatting but keeps links working', () => {
    expect(escapeMrkdwn('<!channel> a & b *x* https://e.se/a_b?c=1&d=2')).toBe('&lt;!channel&gt; a &amp; b *\u200Dx*\u200D https://e.se/a_b?c=1&amp;d=2');
  });
});

describe('a reminder DM', () => {
  const n = { type: 'reminder' as const, moment: 'heads_up' as const, inquiry: summary(), timezone: 'Europe/Stockholm', language: 'sv' as const };

  it('has a header, the inquiry with the citizen text escaped, the deadline in Swedish, a hint and the buttons', () => {
    const m = reminderMessage(n, now);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: 'En fråga väntar på svar' } });
    const body = texts(m.blocks);
    expect(body).toContain('Fråga #42 till Hofors kommun på Facebook');
    expect(body).toContain('&lt;!channel&gt;');
    expect(body).not.toContain('<!channel>');
    expect(body).toContain('Svara senast i morgon kl. 10:00 (7 tim 30 min kvar i arbetstid).');
    expect(body).toContain('Från: Karin Svensson, i dag kl. 09:00');
    expect(elementsOf(m.blocks).map((e: any) => e.action_id)).toEqual(['svarstid:claim', 'svarstid:forward', 'svarstid:done', 'svarstid:close', 'svarstid:register']);
    expect(elementsOf(m.blocks)[0]).toMatchObject({ type: 'button', value: '42', style: 'primary', text: { text: 'Ta ärendet' } });
    expect(m.text).toContain('En fråga väntar på svar');
  });

  it('offers the guidelines’ reasons in the close picker, with a confirmation', () => {
    const close = elementsOf(reminderMessage(n, now).blocks).find((e: any) => e.action_id === 'svarstid:close');
    expect(close.options.map((o: any) => o.value)).toEqual([...CLOSE_REASONS]);
    expect(close.confirm.title.text).toBe('Stäng frågan?');
  });

  it('shows the personal-data warning in a section of its own', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ personalData: ['personnummer'] }) }, now);
    const warning = m.blocks.find((b: any) => b.text?.text?.startsWith(':warning:')) as any;
    expect(warning.text.text).toContain('OBS! Innehåller personuppgifter (personnummer)');
  });

  it('offers Diarieför only while the question is unregistered', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ registered: true, caseNumber: 'KS 2026/1' }) }, now);
    expect(elementsOf(m.blocks).map((e: any) => e.action_id)).not.toContain('svarstid:register');
  });

  it('is in English when the policy says so', () => {
    const m = reminderMessage({ ...n, language: 'en' }, now);
    expect(elementsOf(m.blocks).map((e: any) => e.text?.text ?? e.placeholder?.text)).toEqual(['Claim', 'Forward', 'Answered', 'Close…', 'Register']);
  });

  it('cuts an overlong citizen text and header to Slack’s limits', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ text: 'ord '.repeat(2000), accountName: 'K'.repeat(400) }) }, now);
    for (const b of m.blocks as any[]) if (b.text?.text) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
  });
});

describe('the message after an action', () => {
  it('says who did what and keeps only the buttons still allowed', () => {
    const card = { summary: summary({ state: 'claimed', assigneeName: 'Erik Lind' }), registered: false, caseNumber: null, actions: ['forward', 'done', 'close', 'register'] as const, timezone: 'Europe/Stockholm', language: 'sv' as const };
    const m = cardMessage('#42 – Erik Lind tog frågan.', card, now);
    expect(m.blocks[0]).toMatchObject({ type: 'section', text: { text: '*#42 – Erik Lind tog frågan.*' } });
    expect(texts(m.blocks)).toContain('Erik Lind har tagit frågan.');
    expect(elementsOf(m.blocks).map((e: any) => e.action_id)).toEqual(['svarstid:forward', 'svarstid:done', 'svarstid:close', 'svarstid:register']);
  });

  it('has no buttons when nothing is left to do', () => {
    const card = { summary: summary({ state: 'closed' }), registered: true, caseNumber: 'KS 2026/1', actions: [] as const, timezone: 'Europe/Stockholm', language: 'sv' as const };
    const m = cardMessage('#42 – Anna Berg diarieförde frågan som KS 2026/1.', card, now);
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(texts(m.blocks)).toContain('Diarieförd: KS 2026/1.');
  });
});

describe('modals', () => {
  it('forward: a user picker and an optional reason, remembering the message to update', () => {
    const v = forwardModal({ inquiryId: 42, channel: 'D1', ts: '1.2' }, 'sv');
    expect(v.callback_id).toBe('svarstid:forward');
    expect(texts(v.blocks)).toContain('"type":"users_select"');
    expect(decodeOrigin(v.private_metadata)).toEqual({ inquiryId: 42, channel: 'D1', ts: '1.2' });
  });

  it('register: an optional diarienummer', () => {
    const v = registerModal({ inquiryId: 7 }, 'en');
    expect(v.blocks.find((b: any) => b.type === 'input')).toMatchObject({ optional: true, label: { text: 'Case number' } });
  });

  it.each(['', 'not json', '{"inquiryId":"7"}', '{"inquiryId":-1}', '[]'])('rejects forged private_metadata %j', (meta) => {
    expect(decodeOrigin(meta)).toBeUndefined();
  });
});

describe('App Home', () => {
  const person = { id: 2, orgId: 'hofors', name: 'Erik Lind', title: null, role: 'officer', language: null, slackUserId: 'U2', teamsUserId: null, active: true } satisfies Person;

  it('lists mine, then the unclaimed, each with its buttons, and who just did what', () => {
    const v = homeView({ person, mine: [summary({ id: 1, state: 'claimed', assigneeName: 'Erik Lind' })], unclaimed: [summary({ id: 2 }), summary({ id: 3 })], timezone: 'Europe/Stockholm', language: 'sv' }, now, '#1 – Erik Lind tog frågan.');
    const body = texts(v.blocks);
    expect(body.indexOf('#1 – Erik Lind tog frågan.')).toBeLessThan(body.indexOf('Dina (1):'));
    expect(body.indexOf('Dina (1):')).toBeLessThan(body.indexOf('Ingen har tagit (2):'));
    expect(v.blocks.filter((b: any) => b.type === 'actions').map((b: any) => b.block_id)).toEqual(['svarstid:inquiry:1', 'svarstid:inquiry:2', 'svarstid:inquiry:3']);
  });

  it('stays under Slack’s 100 blocks with long queues', () => {
    const many = Array.from({ length: 50 }, (_, i) => summary({ id: i + 1 }));
    const v = homeView({ person, mine: many, unclaimed: many, timezone: 'Europe/Stockholm', language: 'sv' }, now);
    expect(v.blocks.length).toBeLessThanOrEqual(100);
    expect(texts(v.blocks)).toContain('… och 30 till.');
  });
});

describe('any other notification', () => {
  it('is a header and escaped sections, split under the section limit', () => {
    const m = messageBlocks({ title: 'Veckosammanfattning', lines: Array.from({ length: 200 }, (_, i) => `rad ${i} <b>`), fallback: 'x' });
    expect(m.blocks.length).toBeGreaterThan(2);
    for (const b of m.blocks.slice(1) as any[]) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(texts(m.blocks)).not.toContain('<b>');
  });
});
