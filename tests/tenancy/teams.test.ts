/**
 * Tenancy in Microsoft Teams: the real botbuilder CloudAdapter against the fake Bot Connector, with
 * Hofors' and Nässjö's people in one tenant (each known by the Teams id in its own directory).
 * Neither organization's people can read or act on the other's inquiries, by message or by card
 * buttons carrying the other's ids, nor on unrouted messages. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import type { Inquiry } from '../../src/inquiries/model.js';
import { TARGETS } from '../support/app-harness.js';
import { cardLines, textOf } from '../adapters/teams/card-content.js';
import { ANNA, ERIK, startTeamsHarness, type TeamsHarness, type TeamsUser } from '../adapters/teams/teams-harness.js';

const at = (local: string): number => new Date(`${local}+01:00`).getTime();
/** directory/nassjo.yaml: the manager, and the officer responsible for the Facebook page */
const LENA: TeamsUser = { id: '29:1nassjo-lena', aadObjectId: 'aad-lena', name: 'Lena Strömberg', conversation: 'a:personal-lena' };
const ALI: TeamsUser = { id: '29:1nassjo-ali', aadObjectId: 'aad-ali', name: 'Ali Hassan', conversation: 'a:personal-ali' };
/** in Teams, commands are written to the bot without /svarstid */
const notFound = (id: number) => `Det finns ingen fråga #${id}. Skriv lista för att se dina frågor.`;

describe.each(TARGETS)('Teams: Hofors’ and Nässjö’s people in one tenant, on $name', ({ target }) => {
  let h: TeamsHarness;
  let drop: (() => Promise<void>) | undefined;
  const id = { hofors: 0, nassjo: 0, unrouted: 0 };
  let before: Record<number, Inquiry> = {};
  beforeAll(async () => {
    const made = await target();
    drop = made.drop;
    h = await startTeamsHarness({ time: at('2026-11-25T09:15'), target: made.target });
    const admin = { directory: h.app.directory, policies: h.app.policies, now: () => h.time };
    await applyPolicyFile(admin, 'policies/nassjo.yaml');
    await applyDirectoryFile(admin, 'directory/nassjo.yaml');
    const message = (accountExternalId: string, externalId: string) => ({
      kind: 'message' as const,
      message: { source: 'meta' as const, channel: 'facebook' as const, accountExternalId, externalId, author: { name: 'Karin Svensson' }, text: 'Hej! När töms soporna?', receivedAt: h.time, raw: {} },
    });
    id.hofors = await h.comment('hofors-1');
    id.nassjo = (await h.app.ingest.ingest([message('104000000000301', 'nassjo-1')])).received[0]!;
    id.unrouted = (await h.app.ingest.ingest([message('104999999999999', 'ingen-1')])).received[0]!;
    for (const u of [ERIK, ANNA, LENA, ALI]) await h.say(u, 'hej');
    before = Object.fromEntries(await Promise.all(Object.values(id).map(async (n) => [n, (await h.app.inquiries.get(n))!])));
  });
  afterAll(async () => {
    await h?.close();
    await drop?.();
  });
  beforeEach(() => h.connector.clear());

  /** the last thing the bot wrote to `user` */
  const lastTo = (user: TeamsUser): string => textOf(h.connector.sentTo(user.conversation).at(-1));
  async function say(user: TeamsUser, text: string): Promise<string> {
    h.connector.clear();
    expect((await h.say(user, text)).status).toBe(200);
    return lastTo(user);
  }
  async function click(user: TeamsUser, value: Record<string, unknown>): Promise<string> {
    h.connector.clear();
    expect((await h.click(user, value, 'card-activity-1')).status).toBe(200);
    expect(h.connector.calls.filter((c) => c.kind === 'update')).toHaveLength(0);
    return lastTo(user);
  }
  /** the given inquiries are as they were, with only their "received" event */
  async function untouched(...ids: number[]): Promise<void> {
    for (const n of ids) {
      expect(await h.app.inquiries.get(n)).toEqual(before[n]);
      expect((await h.app.inquiries.events(n)).map((e) => e.type)).toEqual(['received']);
    }
  }

  describe('when one organization’s officer writes a command with the other’s id', () => {
    it.each([
      ['ta', (n: number) => `ta ${n}`],
      // to a colleague of one's own organization (someone of the other is not found as a person first)
      ['skicka', (n: number, colleague: string) => `skicka ${n} @${colleague}`],
      ['klar', (n: number) => `klar ${n}`],
      ['stäng', (n: number) => `stäng ${n} spam`],
      ['diarieför', (n: number) => `diarieför ${n} KS 2026/5`],
    ])('%s: there is no such question, for Hofors’ Erik and for Nässjö’s Ali, nor an unrouted one', async (_, text) => {
      expect(await say(ERIK, text(id.nassjo, 'anna.berg'))).toBe(notFound(id.nassjo));
      expect(await say(ERIK, text(id.unrouted, 'anna.berg'))).toBe(notFound(id.unrouted));
      expect(await say(ALI, text(id.hofors, 'eva.sjoberg'))).toBe(notFound(id.hofors));
      expect(await say(ALI, text(id.unrouted, 'eva.sjoberg'))).toBe(notFound(id.unrouted));
      await untouched(id.hofors, id.nassjo, id.unrouted);
    });
  });

  describe('when a card button carries the other organization’s id', () => {
    it.each([
      [{ svarstid: 'claim' }],
      [{ svarstid: 'done' }],
      [{ svarstid: 'close', 'close.reason': 'reklam/spam' }],
      [{ svarstid: 'register', 'register.caseNumber': 'KS 2026/6' }],
      [{ svarstid: 'forward', 'forward.to': 'name:maria.ek' }],
    ])('%o is refused as not found and the card is left alone', async (value) => {
      expect(await click(ERIK, { ...value, inquiryId: id.nassjo })).toBe(notFound(id.nassjo));
      expect(await click(ERIK, { ...value, inquiryId: id.unrouted })).toBe(notFound(id.unrouted));
      expect(await click(LENA, { ...value, inquiryId: id.hofors, ...(value.svarstid === 'forward' && { 'forward.to': 'name:eva.sjoberg' }) })).toBe(notFound(id.hofors));
      await untouched(id.hofors, id.nassjo, id.unrouted);
    });

    it('forwarding one’s own question to the other organization’s person finds nobody', async () => {
      const reply = await click(ERIK, { svarstid: 'forward', inquiryId: id.hofors, 'forward.to': `teams:${LENA.id}` });
      expect(reply).toContain('Jag hittar ingen');
      await untouched(id.hofors);
    });
  });

  describe('when they read their lists', () => {
    it('lista shows each person only their own organization’s questions, never an unrouted one', async () => {
      const erik = await say(ERIK, 'lista');
      expect(erik).toContain(`#${id.hofors}`);
      expect(erik).not.toContain(`#${id.nassjo}`);
      expect(erik).not.toContain(`#${id.unrouted}`);
      const ali = await say(ALI, 'lista');
      expect(ali).toContain(`#${id.nassjo}`);
      expect(ali).not.toContain(`#${id.hofors}`);
      expect(ali).not.toContain(`#${id.unrouted}`);
    });

    it('sammanfattning counts each organization’s own questions and no unrouted message', async () => {
      for (const manager of [ANNA, LENA]) {
        const text = await say(manager, 'sammanfattning');
        expect(text).toContain('Läget just nu');
        expect(text).toContain('Facebook: 1 obesvarad');
        expect(text).not.toContain('konton som inte finns i katalogen');
      }
    });
  });

  it('and the same buttons still work on one’s own question', async () => {
    await h.click(ALI, { svarstid: 'claim', inquiryId: id.nassjo }, 'card-activity-2');
    const put = h.connector.calls.find((c) => c.kind === 'update');
    expect(cardLines(put)[0]).toBe(`#${id.nassjo} – Ali Hassan tog frågan.`);
    expect(await h.app.inquiries.get(id.nassjo)).toMatchObject({ state: 'claimed', orgId: 'nassjo' });
  });
});
