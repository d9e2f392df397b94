/**
 * A reminder reaches Erik in Teams as an Adaptive Card (sent by the tick from his stored personal
 * chat), and every button on it works: the answer replaces the card in place (PUT).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { at } from '../../support/calendar-builder.js';
import type { ConnectorCall } from '../../fakes/teams-connector.js';
import { buttons, cardLines, cardOf, textOf } from './card-content.js';
import { ANNA, ERIK, STRANGER, startTeamsHarness, type TeamsHarness } from './teams-harness.js';

describe('a reminder card in Teams and its buttons', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
    await h.say(ERIK, 'hej'); // installs: the personal chat is known
    await h.say(ANNA, 'hej');
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.clear());

  /** a new inquiry and the reminder card the tick sends Erik for it (50 % of one working day: 12:45) */
  let day = 0;
  const reminderCard = async (): Promise<{ id: number; card: ConnectorCall }> => {
    // Tuesdays of plain weeks (no holiday or shortened eve moves the 50 % reminder or the working-time rules)
    h.time = at('2026-09-01T09:00') + day * 7 * 86_400_000;
    const id = await h.comment(`card-${day++}`, 'Hej! Varför är *Storgatan* inte plogad? [klicka](http://x.example)');
    h.time += 5 * 3_600_000;
    const result = await h.app.tick(h.time);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const sent = h.connector.sentTo(ERIK.conversation).filter((c) => cardOf(c) && textOf(c).includes(`Fråga #${id} `));
    expect(sent).toHaveLength(1);
    h.connector.clear();
    return { id, card: sent[0]! };
  };
  const updated = () => h.connector.calls.filter((c) => c.kind === 'update');

  it('shows the same content as every platform: title, where, link, from, the quoted text, deadline and time left', async () => {
    const { id, card } = await reminderCard();
    expect(card.kind).toBe('send');
    expect(card.conversationId).toBe(ERIK.conversation);
    expect(cardOf(card)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const lines = cardLines(card);
    expect(lines[0]).toBe('En fråga väntar på svar');
    expect(lines).toContain(`Fråga #${id} till Hofors kommun på Facebook`);
    expect(lines).toContain(`Länk: https://www.facebook.com/hoforskommun/posts/card-0`);
    expect(lines.some((l) => l.startsWith('Från: Karin Svensson'))).toBe(true);
    // the citizen's Markdown stays text: TextRuns are never read as Markdown
    expect(lines.some((l) => l.includes('*Storgatan*') && l.includes('[klicka](http://x.example)'))).toBe(true);
    expect(lines.some((l) => /^Svara senast .*kvar i arbetstid\)\.$/.test(l))).toBe(true);
    expect(cardOf(card).body.at(-1)).toMatchObject({ type: 'TextBlock', isSubtle: true, text: 'Svara på Facebook och tryck sedan på Besvarad. Allt du gör här sparas med ditt namn.' });
    expect(buttons(card)).toEqual(['Ta frågan', 'Skicka vidare', 'Besvarad', 'Stäng', 'Diarieför']);
    const link = cardOf(card).body.flatMap((b: any) => b.inlines).find((r: any) => r.selectAction);
    expect(link.selectAction).toEqual({ type: 'Action.OpenUrl', url: 'https://www.facebook.com/hoforskommun/posts/card-0' });
  });

  it('claim: the inquiry is Erik\'s and the card is replaced in place, without the claim button', async () => {
    const { id, card } = await reminderCard();
    expect((await h.click(ERIK, { svarstid: 'claim', inquiryId: id }, card.id!)).status).toBe(200);
    expect((await h.app.inquiries.get(id))!.state).toBe('claimed');
    const [put] = updated();
    expect(put).toMatchObject({ method: 'PUT', conversationId: ERIK.conversation, activityId: card.id });
    expect(cardLines(put)[0]).toBe(`#${id} – Erik Lind tog frågan.`);
    expect(buttons(put)).toEqual(['Skicka vidare', 'Besvarad', 'Stäng', 'Diarieför']);
  });

  it('claiming again is refused in words, and the card is left as it is', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'claim', inquiryId: id }, card.id!);
    h.connector.clear();
    await h.click(ERIK, { svarstid: 'claim', inquiryId: id }, card.id!);
    expect(updated()).toHaveLength(0);
    expect(textOf(h.connector.sentTo(ERIK.conversation)[0])).toBe(`Fråga #${id} är redan din.`);
  });

  it('forward: the card offers the organization\'s people; the chosen one gets it with the reason, and hears at once', async () => {
    const { id, card } = await reminderCard();
    const forward = cardOf(card).actions.find((a: any) => a.title === 'Skicka vidare');
    const picker = forward.card.body.find((b: any) => b.id === 'forward.to');
    expect(picker).toMatchObject({ type: 'Input.ChoiceSet', style: 'filtered', isRequired: true, label: 'Till vem?' });
    expect(picker.choices).toEqual([
      { title: 'Anna Berg (Informationssamordnare)', value: 'teams:29:1hofors-anna' },
      { title: 'Maria Ek (Webbredaktör)', value: 'name:maria.ek' },
    ]);
    // three people: every one is a choice, no search needed
    expect(picker['choices.data']).toBeUndefined();
    expect(forward.card.actions[0]).toMatchObject({ type: 'Action.Submit', title: 'Skicka vidare', data: { svarstid: 'forward', inquiryId: id } });
    await h.click(ERIK, { svarstid: 'forward', inquiryId: id, 'forward.to': 'teams:29:1hofors-anna', 'forward.reason': 'Du kan vinterväghållning' }, card.id!);
    const inquiry = (await h.app.inquiries.get(id))!;
    expect(inquiry.state).toBe('forwarded');
    expect(cardLines(updated()[0])[0]).toBe(`#${id} – Erik Lind skickade frågan vidare till Anna Berg: Du kan vinterväghållning`);
    const notice = h.connector.sentTo(ANNA.conversation);
    expect(notice).toHaveLength(1);
    expect(cardLines(notice[0])).toContain('Erik Lind skickade frågan vidare till dig: Du kan vinterväghållning');
    expect(buttons(notice[0])).toContain('Ta frågan');
  });

  it('forward to someone without Teams (by name) works too', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'forward', inquiryId: id, 'forward.to': 'name:maria.ek' }, card.id!);
    expect(cardLines(updated()[0])[0]).toBe(`#${id} – Erik Lind skickade frågan vidare till Maria Ek.`);
  });

  it('forward without choosing a person asks for one', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'forward', inquiryId: id, 'forward.to': '' }, card.id!);
    expect(textOf(h.connector.sentTo(ERIK.conversation)[0])).toBe('Välj vem frågan ska skickas vidare till.');
    expect((await h.app.inquiries.get(id))!.state).toBe('open');
  });

  it('answered: marked answered, and no buttons but register are left', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'done', inquiryId: id }, card.id!);
    expect((await h.app.inquiries.get(id))!.state).toBe('answered');
    expect(cardLines(updated()[0])[0]).toBe(`#${id} – Erik Lind markerade frågan som besvarad.`);
    expect(buttons(updated()[0])).toEqual(['Diarieför']);
  });

  it('every input of the card has an id of its own (Adaptive Cards refuse a card with two inputs of one id)', async () => {
    const { card } = await reminderCard();
    const ids = cardOf(card).actions.flatMap((a: any) => (a.card?.body ?? []).map((b: any) => b.id));
    expect(ids).toEqual(['forward.to', 'forward.reason', 'close.reason', 'close.note', 'register.caseNumber']);
  });

  it('close: the guidelines\' reasons to choose from; closed with the reason and note', async () => {
    const { id, card } = await reminderCard();
    const close = cardOf(card).actions.find((a: any) => a.title === 'Stäng');
    expect(close.card.body.find((b: any) => b.id === 'close.reason').choices.map((c: any) => c.value)).toContain('reklam/spam');
    await h.click(ERIK, { svarstid: 'close', inquiryId: id, 'close.reason': 'reklam/spam', 'close.note': 'köp klockor' }, card.id!);
    expect(await h.app.inquiries.get(id)).toMatchObject({ state: 'closed' });
    expect(cardLines(updated()[0])[0]).toBe(`#${id} – Erik Lind stängde frågan (reklam/spam): köp klockor`);
  });

  it('close with a reason that is not in the list is refused', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'close', inquiryId: id, 'close.reason': 'tråkig' }, card.id!);
    expect(textOf(h.connector.sentTo(ERIK.conversation)[0])).toBe('Välj ett skäl ur riktlinjernas lista.');
    expect((await h.app.inquiries.get(id))!.state).toBe('open');
  });

  it('register: with the diarienummer given, or without one', async () => {
    const { id, card } = await reminderCard();
    await h.click(ERIK, { svarstid: 'register', inquiryId: id, 'register.caseNumber': ' KS 2026/77 ' }, card.id!);
    expect(await h.app.inquiries.get(id)).toMatchObject({ registered: true, caseNumber: 'KS 2026/77' });
    expect(cardLines(updated()[0])).toContain('Diarieförd: KS 2026/77.');
    expect(buttons(updated()[0])).not.toContain('Diarieför');
    const second = await reminderCard();
    await h.click(ERIK, { svarstid: 'register', inquiryId: second.id, 'register.caseNumber': '' }, second.card.id!);
    expect(await h.app.inquiries.get(second.id)).toMatchObject({ registered: true, caseNumber: null });
  });

  it('a button from someone not in the directory changes nothing', async () => {
    const { id, card } = await reminderCard();
    await h.click(STRANGER, { svarstid: 'claim', inquiryId: id }, card.id!);
    expect((await h.app.inquiries.get(id))!.state).toBe('open');
    expect(textOf(h.connector.sentTo(STRANGER.conversation)[0])).toContain('Jag hittar dig inte');
  });

  it.each([
    { svarstid: 'delete', inquiryId: 1 },
    { svarstid: 'claim', inquiryId: 'abc' },
    { svarstid: 'claim' },
  ])('a button value svarstid does not send (%o) is answered, not run', async (value) => {
    const res = await h.click(ERIK, value, 'whatever');
    expect(res.status).toBe(200);
    expect(textOf(h.connector.sentTo(ERIK.conversation)[0])).toBe('Jag förstod inte knappen. Skriv hjälp för att se vad jag kan.');
    expect(updated()).toHaveLength(0);
  });
});
