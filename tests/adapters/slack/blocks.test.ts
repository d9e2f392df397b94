import { describe, expect, it } from 'vitest';
import { escapedWithin, fallbackText, messageBlocks } from '../../../adapters/slack/blocks.js';
import { homeView } from '../../../adapters/slack/home.js';
import { cardMessage, inquiryOfBlock, reminderMessage } from '../../../adapters/slack/inquiry-blocks.js';
import { escapeMrkdwn } from '../../../adapters/slack/mrkdwn.js';
import { decodeOrigin, dialogModal, dialogValues } from '../../../adapters/slack/modals.js';
import { replyMessage } from '../../../adapters/slack/replies.js';
import { CLOSE_REASONS } from '../../../src/inquiries/model.js';
import type { InquirySummary, Person } from '../../../src/reminders/model.js';
import { checkSlackMessage, checkSlackView } from '../../fakes/validate/index.js';

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
const valid = (where: string, m: { text: string; blocks: unknown[] }) => expect(checkSlackMessage(where, m)).toEqual([]);

describe('mrkdwn escaping', () => {
  it('disarms mentions and formatting but keeps links working', () => {
    expect(escapeMrkdwn('<!channel> a & b *x* https://e.se/a_b?c=1&d=2')).toBe('&lt;!channel&gt; a &amp; b *\u200Dx*\u200D https://e.se/a_b?c=1&amp;d=2');
  });

  it('cuts before escaping, so an entity is never cut in half and the limit holds after escaping', () => {
    const cut = escapedWithin('&'.repeat(50), 20);
    expect(Array.from(cut).length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/^(&amp;)+…$/);
  });
});

describe('the notification text (the push notification, the fallback)', () => {
  // issue 11, item 14: the blocks were escaped, the top-level text was not
  const hostile = 'Hej <!channel> och <@U01HOF0001>! <https://evil.example|Klicka här> & vinn';
  const n = { type: 'reminder' as const, moment: 'heads_up' as const, inquiry: summary({ text: hostile, authorName: '<@U0ADMIN> & co' }), timezone: 'Europe/Stockholm', language: 'sv' as const };

  it.each([
    ['a reminder', () => reminderMessage(n, now)],
    ['the message after an action', () => cardMessage('#42 – Erik Lind tog frågan.', { summary: n.inquiry, registered: false, caseNumber: null, actions: ['forward'], timezone: 'Europe/Stockholm', language: 'sv' }, now)],
    ['any other notification', () => messageBlocks({ title: hostile, lines: [hostile], fallback: `${hostile}\n${hostile}` })],
    ['a reply to a command', () => replyMessage({ kind: 'refused', code: 'unknown_person', text: `Jag hittar ingen ”${hostile}” i katalogen.`, language: 'sv' }, now)],
  ])('%s carries no mention, no link and no raw &', (_what, make) => {
    const m = make();
    expect(m.text).not.toContain('<!channel>');
    expect(m.text).not.toContain('<@U01HOF0001>');
    expect(m.text).not.toContain('<@U0ADMIN>');
    expect(m.text).not.toContain('<https://evil.example|Klicka här>');
    expect(m.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(m.text).toContain('&lt;!channel&gt;');
    expect(m.text).toContain('&lt;https://evil.example|Klicka här&gt;');
    valid('a built message', m);
  });

  it('stays within the 4,000 characters Slack asks for, after escaping', () => {
    const text = fallbackText({ title: 't', lines: ['&'.repeat(5000)], fallback: `t\n${'&'.repeat(5000)}` });
    expect(Array.from(text).length).toBeLessThanOrEqual(4000);
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
    expect(body).toContain('Svara på Facebook och tryck sedan på Besvarad.');
    expect(elementsOf(m.blocks).map((e: any) => e.action_id)).toEqual(['svarstid:claim', 'svarstid:forward', 'svarstid:done', 'svarstid:close', 'svarstid:register']);
    expect(elementsOf(m.blocks)[0]).toMatchObject({ type: 'button', value: '42', style: 'primary', text: { text: 'Ta frågan' } });
    expect(elementsOf(m.blocks).map((e: any) => e.text.text)).toEqual(['Ta frågan', 'Skicka vidare', 'Besvarad', 'Stäng', 'Diarieför']);
    expect(m.text).toContain('En fråga väntar på svar');
    valid('a reminder', m);
  });

  it('the hint names the channel where the answer is written, never "the channel" in a Slack DM', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ channel: 'chat' }) }, now);
    expect(texts(m.blocks)).toContain('Svara i chatten och tryck sedan på Besvarad.');
    expect(texts(m.blocks)).not.toContain('i kanalen');
  });

  it('every version of a message has new block_ids, and each still names its inquiry', () => {
    const first = reminderMessage(n, now).blocks.find((b) => b.type === 'actions')!.block_id!;
    const card = { summary: summary({ state: 'claimed', assigneeName: 'Erik Lind' }), registered: false, caseNumber: null, actions: ['forward', 'done'] as const, timezone: 'Europe/Stockholm', language: 'sv' as const };
    const second = cardMessage('#42 – Erik Lind tog frågan.', card, now).blocks.find((b) => b.type === 'actions')!.block_id!;
    const third = cardMessage('#42 – Erik Lind tog frågan.', card, now).blocks.find((b) => b.type === 'actions')!.block_id!;
    expect(new Set([first, second, third]).size).toBe(3);
    expect([first, second, third].map(inquiryOfBlock)).toEqual([42, 42, 42]);
    expect(inquiryOfBlock('svarstid:inquiry:42')).toBe(42);
    expect(inquiryOfBlock('svarstid:pager:home:mine:1a2b')).toBeUndefined();
  });

  it('shows the personal-data warning in a section of its own, naming the channel', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ personalData: ['personnummer'] }) }, now);
    const warning = m.blocks.find((b: any) => b.text?.text?.startsWith(':warning:')) as any;
    expect(warning.text.text).toContain('OBS! Frågan innehåller personuppgifter (personnummer). Fortsätt inte samtalet på Facebook');
  });

  it('offers Diarieför only while the question is unregistered', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ registered: true, caseNumber: 'KS 2026/1' }) }, now);
    expect(elementsOf(m.blocks).map((e: any) => e.action_id)).not.toContain('svarstid:register');
  });

  it('is in English when the policy says so', () => {
    const m = reminderMessage({ ...n, language: 'en' }, now);
    expect(elementsOf(m.blocks).map((e: any) => e.text.text)).toEqual(['Claim', 'Forward', 'Answered', 'Close', 'Register']);
    expect(texts(m.blocks)).toContain('Answer on Facebook, then press Answered.');
  });

  it('cuts an overlong citizen text and header to Slack’s limits', () => {
    const m = reminderMessage({ ...n, inquiry: summary({ text: 'ord '.repeat(2000), accountName: 'K'.repeat(400) }) }, now);
    for (const b of m.blocks as any[]) if (b.text?.text) expect(Array.from(b.text.text).length).toBeLessThanOrEqual(b.type === 'header' ? 150 : 3000);
    valid('a long reminder', m);
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

describe('the modals, one builder for every dialog', () => {
  it('forward: a user picker and an optional reason, remembering the message to update and the language', () => {
    const v = dialogModal('forward', { inquiryId: 42, channel: 'D1', ts: '1.2' }, 'sv');
    expect(v.callback_id).toBe('svarstid:dialog:forward');
    expect(v.title.text).toBe('Skicka vidare');
    expect(v.blocks.find((b: any) => b.block_id === 'to')).toMatchObject({ type: 'input', element: { type: 'users_select', action_id: 'to' } });
    expect(v.blocks.find((b: any) => b.block_id === 'reason')).toMatchObject({ type: 'input', optional: true, label: { text: 'Motivering (valfritt)' } });
    expect(decodeOrigin(v.private_metadata)).toEqual({ inquiryId: 42, channel: 'D1', ts: '1.2', lang: 'sv' });
    expect(checkSlackView('views.open', v)).toEqual([]);
  });

  it('close: the guidelines’ reasons (required) and an optional note', () => {
    const v = dialogModal('close', { inquiryId: 42 }, 'sv');
    const reason = v.blocks.find((b: any) => b.block_id === 'reason') as any;
    expect(reason.optional).toBeUndefined();
    expect(reason.element.options.map((o: any) => o.value)).toEqual([...CLOSE_REASONS]);
    expect(v.blocks.find((b: any) => b.block_id === 'note')).toMatchObject({ optional: true, label: { text: 'Anteckning (valfritt)' } });
    expect(checkSlackView('views.open', v)).toEqual([]);
    expect(dialogValues('close', { reason: { reason: { selected_option: { value: 'reklam/spam' } } }, note: { note: { value: ' köp klockor ' } } })).toEqual({ text: { reason: 'reklam/spam', note: ' köp klockor ' } });
  });

  it('register: an optional diarienummer, in English for English users', () => {
    const v = dialogModal('register', { inquiryId: 7 }, 'en');
    expect(v.blocks.find((b: any) => b.type === 'input')).toMatchObject({ optional: true, label: { text: 'Case number (optional)' } });
    expect(v.submit!.text).toBe('Register');
    expect(checkSlackView('views.open', v)).toEqual([]);
  });

  it.each(['', 'not json', '{"inquiryId":"7"}', '{"inquiryId":-1}', '[]', 'null'])('rejects forged private_metadata %j', (meta) => {
    expect(decodeOrigin(meta)).toBeUndefined();
  });
});

describe('App Home', () => {
  const person = { id: 2, orgId: 'hofors', name: 'Erik Lind', title: null, role: 'officer', language: null, slackUserId: 'U2', teamsUserId: null, active: true } satisfies Person;

  it('lists mine, then the unclaimed, each with its buttons, and who just did what', () => {
    const v = homeView({ person, mine: [summary({ id: 1, state: 'claimed', assigneeName: 'Erik Lind' })], unclaimed: [summary({ id: 2 }), summary({ id: 3 })], timezone: 'Europe/Stockholm', language: 'sv' }, now, '#1 – Erik Lind tog frågan.');
    const body = texts(v.blocks);
    expect(body.indexOf('#1 – Erik Lind tog frågan.')).toBeLessThan(body.indexOf('Dina frågor (1):'));
    expect(body.indexOf('Dina frågor (1):')).toBeLessThan(body.indexOf('Frågor som ingen har tagit (2):'));
    expect(v.blocks.filter((b: any) => b.type === 'actions').map((b: any) => inquiryOfBlock(b.block_id))).toEqual([1, 2, 3]);
    expect(checkSlackView('views.publish', v)).toEqual([]);
  });

  it('pages long queues: 20 of each list, Föregående / Nästa, under Slack’s 100 blocks', () => {
    const many = Array.from({ length: 50 }, (_, i) => summary({ id: i + 1 }));
    const q = { person, mine: many, unclaimed: many, timezone: 'Europe/Stockholm', language: 'sv' as const };
    const first = homeView(q, now);
    expect(first.blocks.length).toBeLessThanOrEqual(100);
    expect(texts(first.blocks)).toContain('Visar 1–20 av 50.');
    const pagers = first.blocks.filter((b: any) => b.block_id?.startsWith('svarstid:pager:home:'));
    expect(pagers.map((b: any) => b.elements.map((e: any) => [e.text.text, e.value]))).toEqual([[['Nästa', 'mine=2;unclaimed=1']], [['Nästa', 'mine=1;unclaimed=2']]]);
    const last = homeView(q, now, undefined, { mine: 3, unclaimed: 1 });
    expect(texts(last.blocks)).toContain('Visar 41–50 av 50.');
    expect(last.blocks.filter((b: any) => b.type === 'actions' && inquiryOfBlock(b.block_id) !== undefined).map((b: any) => inquiryOfBlock(b.block_id)).slice(0, 10)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(checkSlackView('views.publish', first)).toEqual([]);
    expect(checkSlackView('views.publish', last)).toEqual([]);
  });
});

describe('lista posted to the person', () => {
  const person = { id: 2, orgId: 'hofors', name: 'Erik Lind', title: null, role: 'officer', language: null, slackUserId: 'U2', teamsUserId: null, active: true } satisfies Person;
  it('comes a page at a time with Nästa, within Slack’s 50 blocks however long the queue', () => {
    const many = Array.from({ length: 400 }, (_, i) => summary({ id: i + 1, text: 'x'.repeat(60) }));
    const m = replyMessage({ kind: 'queue', queue: { person, mine: many, unclaimed: many, timezone: 'Europe/Stockholm', language: 'sv' }, language: 'sv' }, now);
    expect(texts(m.blocks)).toContain('Visar 1–20 av 400.');
    expect(m.blocks.filter((b: any) => b.block_id?.startsWith('svarstid:pager:list:'))).toHaveLength(2);
    valid('lista', m);
  });
});

describe('any other notification', () => {
  it('is a header and escaped sections, split under the section limit', () => {
    const m = messageBlocks({ title: 'Veckosammanfattning', lines: Array.from({ length: 200 }, (_, i) => `rad ${i} <b>`), fallback: 'x' });
    expect(m.blocks.length).toBeGreaterThan(2);
    for (const b of m.blocks.slice(1) as any[]) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    expect(texts(m.blocks)).not.toContain('<b>');
    valid('a notification', m);
  });
});
