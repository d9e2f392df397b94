/**
 * Answering from Teams through the real botbuilder adapter (CloudAdapter against the fake Bot
 * Connector, every card validated by Microsoft's adaptivecards package) and the Graph API fake: a
 * card's Svara opens a form prefilled with the officer's signature and its submission posts the
 * answer where the citizen wrote; `svara ID text` does the same; a refusal by the platform is
 * explained in Swedish and nothing is marked answered; an account without a token offers no Svara
 * and says why.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsAdapter, TEAMS_NO_AUTH } from '../../adapters/teams/index.js';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../fakes/teams-connector.js';
import { buttons, cardOf, textOf } from '../adapters/teams/card-content.js';
import { startAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';
import { TARGETS } from '../support/app-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const ERIK = { id: '29:1hofors-erik', aadObjectId: 'aad-erik', name: 'Erik Lind', conversation: 'a:personal-erik' };
const BOT = { id: '28:svarstid-bot', name: 'svarstid' };

describe.each(TARGETS)('answering from Teams (botbuilder) on $name', ({ target }) => {
  let h: AnswerHarness;
  let connector: FakeTeamsConnector;
  let base: string;
  let seq = 0;
  beforeEach(async () => {
    connector = await startFakeTeamsConnector();
    const made = await target();
    h = await startAnswerHarness(made.target, T0, { extra: { chatAdapters: (rt) => [createTeamsAdapter(TEAMS_NO_AUTH, rt)] } });
    const close = h.close.bind(h);
    h.close = async () => {
      await close();
      await made.drop?.();
    };
    await new Promise<void>((r) => h.app.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await h.close();
    await connector.close();
  });

  const post = async (extra: Record<string, unknown>): Promise<number> => {
    const activity = {
      type: 'message', id: `msg-${++seq}`, timestamp: new Date(h.time).toISOString(), channelId: 'msteams', serviceUrl: connector.url,
      from: { id: ERIK.id, name: ERIK.name, aadObjectId: ERIK.aadObjectId }, recipient: BOT,
      conversation: { id: ERIK.conversation, conversationType: 'personal', tenantId: 'tenant-hofors' }, channelData: { tenant: { id: 'tenant-hofors' } }, locale: 'sv-SE',
      ...extra,
    };
    const res = await fetch(`${base}/api/messages`, { method: 'POST', body: JSON.stringify(activity), headers: { 'content-type': 'application/json' } });
    await res.text();
    return res.status;
  };
  const state = async (id: number) => (await h.app.inquiries.get(id))!.state;

  it('svara ID text posts the answer on Facebook and replies with who answered where', async () => {
    const i = await h.facebookComment('När öppnar badet?');
    expect(await post({ text: `svara ${i.id} Den 1 december.\n\nErik Lind, Kommunikatör` })).toBe(200);
    expect(h.graph.calls('POST', /comments$/).map((c) => c.body)).toEqual([{ message: 'Den 1 december.\n\nErik Lind, Kommunikatör' }]);
    expect(await state(i.id)).toBe('answered');
    expect(textOf(connector.sentTo(ERIK.conversation).at(-1))).toContain(`#${i.id} – Erik Lind svarade på Facebook`);
    const answered = (await h.app.inquiries.events(i.id)).find((e) => e.type === 'answered');
    expect(answered).toMatchObject({ actor: `person:${await h.person('erik.lind')}`, data: { posted: { kind: 'answer', text: 'Den 1 december.\n\nErik Lind, Kommunikatör', via: 'comment' } } });
  });

  it('the card’s Svara is a form prefilled with the signature; submitting it posts the answer once and updates the card', async () => {
    const i = await h.facebookComment('Fråga om sophämtningen');
    await post({ text: `ta ${i.id}` });
    const card = connector.sentTo(ERIK.conversation).at(-1)!;
    expect(buttons(card)).toContain('Svara');
    const svara = cardOf(card).actions.find((a: any) => a.title === 'Svara');
    expect(svara.type).toBe('Action.ShowCard');
    const field = svara.card.body.find((b: any) => b.type === 'Input.Text');
    expect(field).toMatchObject({ id: 'answer.text', isRequired: true, value: '\n\nErik Lind, Kommunikatör' });
    const submit = svara.card.actions[0];
    const value = { ...submit.data, [field.id]: 'Sophämtningen är på tisdag.\n\nErik Lind, Kommunikatör' };
    expect(await post({ value, replyToId: card.id })).toBe(200);
    expect(h.graph.calls('POST', /comments$/).map((c) => c.body.message)).toEqual(['Sophämtningen är på tisdag.\n\nErik Lind, Kommunikatör']);
    expect(await state(i.id)).toBe('answered');
    const update = connector.calls.find((c) => c.kind === 'update' && c.activityId === card.id);
    expect(textOf(update)).toContain(`#${i.id} – Erik Lind svarade på Facebook`);
    // the same submission again (a double click): nothing is posted twice
    await post({ value, replyToId: card.id });
    expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
  });

  it('an account without a token: the card has no Svara and says why; svara is refused in words, nothing posted', async () => {
    const i = await h.libraryComment('Fråga till biblioteket');
    await post({ text: `ta ${i.id}` });
    const card = connector.sentTo(ERIK.conversation).at(-1)!;
    expect(buttons(card)).not.toContain('Svara');
    expect(buttons(card)).toContain('Besvarad');
    const why = textOf(card);
    expect(why).toMatch(/svarstid kan inte svara/i);
    await post({ text: `svara ${i.id} Hej.\n\nErik Lind, Kommunikatör` });
    expect(textOf(connector.sentTo(ERIK.conversation).at(-1))).toMatch(/svarstid kan inte svara/i);
    expect(h.graph.calls('POST')).toHaveLength(0);
    expect(await state(i.id)).toBe('claimed');
  });

  it('Messenger after the 7 days: the officer reads why in Swedish, nothing is sent or answered', async () => {
    const i = await h.messenger('Hej', 'psid-teams-old');
    h.time += 8 * 24 * 3_600_000;
    await post({ text: `svara ${i.id} Hej.\n\nErik Lind, Kommunikatör` });
    expect(textOf(connector.sentTo(ERIK.conversation).at(-1))).toContain('mer än 7 dagar');
    expect(h.graph.calls('POST', /messages$/)).toHaveLength(0);
    expect(await state(i.id)).toBe('open');
  });
});
