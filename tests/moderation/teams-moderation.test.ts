/**
 * Teams through the real botbuilder adapter against the fake Bot Connector and the Graph API fake:
 * a reminder card for a Facebook comment carries Svara, Dölj and Ta bort (the connector fake
 * validates every card with the adaptivecards package, duplicate input ids included); Svara posts
 * the answer to the Graph fake and the inquiry is answered; Dölj archives first, hides on the fake
 * and closes; a Messenger reminder has no Dölj / Ta bort and says why.
 */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsAdapter, TEAMS_NO_AUTH } from '../../adapters/teams/index.js';
import { archives } from '../../src/db/schema.js';
import { startFakeTeamsConnector, type ConnectorCall, type FakeTeamsConnector } from '../fakes/teams-connector.js';
import { buttons as mainButtons, cardLines, cardOf } from '../adapters/teams/card-content.js';

/** every button of the card: its actions and those of action sets in its body */
const buttons = (c: ConnectorCall): string[] => [...mainButtons(c), ...(cardOf(c)?.body ?? []).filter((b: any) => b.type === 'ActionSet').flatMap((b: any) => b.actions.map((a: any) => a.title))];
import { startAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-24T09:00:00+01:00');
const ERIK = { id: '29:1hofors-erik', aadObjectId: 'aad-erik', name: 'Erik Lind', conversation: 'a:personal-erik' };
const BOT = { id: '28:svarstid-bot', name: 'svarstid' };

describe('Svara, Dölj and Ta bort from Teams (botbuilder, PGlite)', () => {
  let h: AnswerHarness;
  let connector: FakeTeamsConnector;
  let base: string;
  let n = 0;
  beforeEach(async () => {
    connector = await startFakeTeamsConnector();
    h = await startAnswerHarness({ memory: true }, T0, { extra: { chatAdapters: (rt: Parameters<typeof createTeamsAdapter>[1]) => [createTeamsAdapter(TEAMS_NO_AUTH, rt)], notifier: undefined } as never });
    await new Promise<void>((r) => h.app.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
    await post({ text: 'hej' });
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
  });

  async function post(extra: Record<string, unknown>) {
    const activity = {
      type: 'message', id: `msg-${++n}`, timestamp: new Date(h.time).toISOString(), channelId: 'msteams', serviceUrl: connector.url,
      from: { id: ERIK.id, name: ERIK.name, aadObjectId: ERIK.aadObjectId }, recipient: BOT,
      conversation: { id: ERIK.conversation, conversationType: 'personal', tenantId: 'tenant-hofors' }, channelData: { tenant: { id: 'tenant-hofors' } }, locale: 'sv-SE',
      ...extra,
    };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return res.status;
  }

  /** the reminder card Erik gets for the inquiry, three working days on */
  async function reminder(id: number): Promise<ConnectorCall> {
    let t = DateTime.fromMillis(h.time + 3 * 24 * 3_600_000, { zone: 'Europe/Stockholm' }).set({ hour: 10, minute: 0 });
    while (t.weekday > 5) t = t.plus({ days: 1 });
    h.time = t.toMillis();
    await h.app.tick(h.time);
    const card = connector.sentTo(ERIK.conversation).find((c) => cardOf(c) && cardLines(c).some((l) => l.includes(`Fråga #${id} `)));
    expect(card).toBeDefined();
    return card!;
  }

  it('Svara on the card posts the answer to the Graph fake and the inquiry is answered', async () => {
    const i = await h.facebookComment('När öppnar badhuset?');
    const card = await reminder(i.id);
    expect(buttons(card)).toEqual(expect.arrayContaining(['Svara', 'Dölj', 'Ta bort']));
    expect(await post({ value: { svarstid: 'answer', inquiryId: i.id, 'answer.text': 'Badhuset öppnar den 1 december.\n\nErik Lind, Kommunikatör' }, replyToId: card.id })).toBe(200);
    expect(h.graph.calls('POST', /comments$/).map((c) => c.body)).toEqual([{ message: 'Badhuset öppnar den 1 december.\n\nErik Lind, Kommunikatör' }]);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
  });

  it('Dölj on the card: archived with the post before the fake hides the comment; closed with the reason', async () => {
    const i = await h.facebookComment('Ni är idioter');
    const c = h.graph.state.comments.get(i.externalId)!;
    const card = await reminder(i.id);
    let archived: unknown[] = [];
    h.graph.beforeCall = async (call) => {
      if (call.method === 'POST' && call.path === c.id) archived = await h.app.database.db.select().from(archives).where(eq(archives.inquiryId, i.id));
    };
    expect(await post({ value: { svarstid: 'hide', inquiryId: i.id, 'hide.reason': 'personangrepp', 'hide.note': 'kallar oss idioter' }, replyToId: card.id })).toBe(200);
    expect(archived).toHaveLength(1);
    expect((archived[0] as any).context.parent).toMatchObject({ message: 'Badhuset stänger för renovering.' });
    expect(c.isHidden).toBe(true);
    expect((await h.app.inquiries.get(i.id))!).toMatchObject({ state: 'closed', closeReason: 'personangrepp' });
  });

  it('a Messenger reminder has Svara but no Dölj or Ta bort, and says why', async () => {
    const m = await h.messenger('Hej');
    const card = await reminder(m.id);
    expect(buttons(card)).not.toContain('Dölj');
    expect(buttons(card)).not.toContain('Ta bort');
    expect(cardLines(card).join('\n')).toContain('Knapparna Dölj och Ta bort saknas');
  });

  it('personal data: the card offers Dölj och för över till diariet (a valid card, its input id its own); pressed, hidden, registered and answered', async () => {
    const i = await h.facebookComment('Mitt personnummer är 811218-9876');
    const card = await reminder(i.id);
    expect(buttons(card)).toEqual(expect.arrayContaining(['Dölj och för över till diariet', 'Diarieför', 'Dölj', 'Ta bort']));
    const ids = JSON.stringify(cardOf(card)).match(/"id":"[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(await post({ value: { svarstid: 'secure', inquiryId: i.id, 'secure.caseNumber': 'KS 2026/12' }, replyToId: card.id })).toBe(200);
    expect((await h.app.inquiries.get(i.id))!).toMatchObject({ state: 'answered', registered: true, caseNumber: 'KS 2026/12' });
    expect(h.graph.state.comments.get(i.externalId)!.isHidden).toBe(true);
  });
});
