/**
 * Tenancy in Slack: Hofors' workspace (the real Bolt adapter, requests signed as Slack signs them,
 * against the fake Slack Web API) cannot read or act on Arvidsjaur's inquiries, by command or by
 * buttons and modals carrying Arvidsjaur's ids, nor on unrouted messages of this multi-organization
 * deployment. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inquiry } from '../../src/inquiries/model.js';
import { TARGETS } from '../support/app-harness.js';
import { ANNA, buttonPayload, ERIK, eventually, MARIA, startSlackHarness, submissionPayload, type SlackHarness } from '../adapters/slack/support.js';

/** Arvidsjaur's chat officer (directory/arvidsjaur.yaml): a Slack user of Arvidsjaur's workspace, not Hofors' */
const JONAS = 'U01ARV0002';
const notFound = (id: number) => `Det finns ingen fråga #${id}. Skriv /svarstid lista för att se dina frågor.`;
let n = 0;
let ts = 1_800_000_000;

describe.each(TARGETS)('Slack: Hofors’ workspace and Arvidsjaur’s inquiries, on $name', ({ target }) => {
  let h: SlackHarness;
  let theirs = 0;
  let unrouted = 0;
  let before: { theirs: Inquiry; unrouted: Inquiry };
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, orgs: ['arvidsjaur'] });
    theirs = await h.inquiry({ channel: 'chat', account: 'arvidsjaur-chatt', text: 'Hur söker jag förskoleplats?' });
    unrouted = await h.inquiry({ account: '104999999999999', text: 'Till en sida ingen har' });
    before = { theirs: (await h.app.inquiries.get(theirs))!, unrouted: (await h.app.inquiries.get(unrouted))! };
  });
  afterAll(() => h?.close());

  /** `/svarstid text` as `user`; the ephemeral reply's text */
  async function say(user: string, text: string): Promise<string> {
    const name = `t${++n}`;
    expect((await h.command(user, text, { name })).status).toBe(200);
    return (await eventually(() => h.replies(name)[0])).text;
  }
  /** nothing about the two inquiries changed, and their trails have only "received" */
  async function untouched(): Promise<void> {
    expect(await h.app.inquiries.get(theirs)).toEqual(before.theirs);
    expect(await h.app.inquiries.get(unrouted)).toEqual(before.unrouted);
    expect((await h.app.inquiries.events(theirs)).map((e) => e.type)).toEqual(['received']);
    expect((await h.app.inquiries.events(unrouted)).map((e) => e.type)).toEqual(['received']);
  }

  describe('when a Hofors officer types a command with Arvidsjaur’s id', () => {
    it.each([
      ['ta', (id: number) => `ta ${id}`],
      ['skicka', (id: number) => `skicka ${id} <@${MARIA}|maria> kan du ta den?`],
      ['klar', (id: number) => `klar ${id}`],
      ['stäng', (id: number) => `stäng ${id} spam`],
      ['diarieför', (id: number) => `diarieför ${id} KS 2026/1`],
    ])('%s is told there is no such question, and nothing changes', async (_, text) => {
      expect(await say(ERIK, text(theirs))).toBe(notFound(theirs));
      expect(await say(ERIK, text(unrouted))).toBe(notFound(unrouted));
      await untouched();
    });
  });

  describe('when Hofors’ people read their lists', () => {
    it('lista shows neither Arvidsjaur’s question nor the unrouted one; sammanfattning counts neither', async () => {
      const own = await h.inquiry({ text: 'Hofors egen fråga' });
      for (const user of [ERIK, ANNA]) {
        const list = await say(user, 'lista');
        expect(list).not.toContain(`#${theirs}`);
        expect(list).not.toContain(`#${unrouted}`);
      }
      expect(await say(ERIK, 'lista')).toContain(`#${own}`);
      const summary = await say(ANNA, 'sammanfattning');
      expect(summary).toContain('Läget just nu');
      expect(summary).not.toContain('konton som inte finns i katalogen');
      expect(summary).not.toMatch(/Chatt|chatt/);
    });
  });

  describe('when a button carries Arvidsjaur’s id or the unrouted one', () => {
    async function press(user: string, actionId: string, id: number): Promise<string> {
      const msgTs = `${++ts}.000100`;
      expect((await h.interact(buttonPayload({ userId: user, actionId, inquiryId: id, ts: msgTs, responseUrl: h.fake.responseUrl(`b-${msgTs}`) }))).status).toBe(200);
      const refusal = await eventually(() => h.replies(`b-${msgTs}`)[0]);
      expect(h.fake.callsTo('chat.update').some((c) => c.params.ts === msgTs)).toBe(false);
      return refusal.text;
    }
    it.each([['svarstid:claim'], ['svarstid:done']])('%s is refused as not found, shown to the presser alone', async (action) => {
      for (const id of [theirs, unrouted]) expect(await press(ERIK, action, id)).toBe(notFound(id));
      await untouched();
    });

    it.each([
      ['svarstid:dialog:forward', { to: { to: { type: 'users_select', selected_user: MARIA } } }],
      ['svarstid:dialog:close', { reason: { reason: { type: 'static_select', selected_option: { value: 'reklam/spam' } } } }],
      ['svarstid:dialog:register', { caseNumber: { caseNumber: { type: 'plain_text_input', value: 'KS 2026/2' } } }],
    ])('the %s modal submitted with it is refused, in the DM', async (callbackId, values) => {
      for (const id of [theirs, unrouted]) {
        const channel = `D${ERIK}`;
        const msgTs = `${++ts}.000100`;
        const meta = JSON.stringify({ inquiryId: id, channel, ts: msgTs });
        expect((await h.interact(submissionPayload({ userId: ERIK, callbackId, privateMetadata: meta, values }))).status).toBe(200);
        const dm = await eventually(() => h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === channel && c.params.text === notFound(id)));
        expect(dm).toBeDefined();
        expect(h.fake.callsTo('chat.update').some((c) => c.params.ts === msgTs)).toBe(false);
      }
      await untouched();
    });

    it('while the same button on Hofors’ own question works', async () => {
      const own = await h.inquiry();
      const msgTs = `${++ts}.000100`;
      await h.interact(buttonPayload({ userId: ERIK, actionId: 'svarstid:claim', inquiryId: own, ts: msgTs }));
      const update = await eventually(() => h.fake.callsTo('chat.update').find((c) => c.params.ts === msgTs));
      expect(update.params.blocks[0].text.text).toBe(`*#${own} – Erik Lind tog frågan.*`);
    });
  });

  describe('when an Arvidsjaur officer writes in Hofors’ workspace', () => {
    it('is not known there, even for Arvidsjaur’s own question', async () => {
      expect(await say(JONAS, `ta ${theirs}`)).toContain('Jag hittar dig inte bland Hofors kommuns handläggare');
      expect(await say(JONAS, 'lista')).toContain('Jag hittar dig inte');
      await untouched();
    });
  });
});
