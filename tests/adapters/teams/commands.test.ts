/**
 * Commands typed to the bot in Teams, Swedish and English: in the personal chat, and after an
 * @mention in a channel. Each answer comes back through the (fake) Bot Connector as a reply.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAbsences } from '../../../src/people/absences.js';
import { at } from '../../support/calendar-builder.js';
import { cardOf, textOf } from './card-content.js';
import { ANNA, BOT, ERIK, STRANGER, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness.js';

describe('Teams commands', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.clear());

  /** the one reply the bot sent to `user`'s personal chat for `text` */
  const ask = async (user: TeamsUser, text: string) => {
    const res = await h.say(user, text);
    expect(res.status).toBe(200);
    const replies = h.connector.sentTo(user.conversation);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.kind).toBe('reply');
    return replies[0]!;
  };
  const state = async (id: number) => (await h.app.inquiries.get(id))!;

  describe.each([
    { lang: 'Swedish', list: 'lista', claim: 'ta', forward: 'skicka', done: 'klar', close: 'stäng', register: 'diarieför', away: 'frånvaro', back: 'tillbaka', summary: 'sammanfattning', help: 'hjälp', period: '2026-12-01 2026-12-04' },
    { lang: 'English', list: 'list', claim: 'claim', forward: 'forward', done: 'done', close: 'close', register: 'register', away: 'away', back: 'back', summary: 'summary', help: 'help', period: '2026-12-07 2026-12-10' },
  ])('in $lang', (v) => {
    it(`${v.list}: the queue as a card`, async () => {
      const id = await h.comment(`list-${v.lang}`);
      const reply = await ask(ERIK, v.list);
      expect(cardOf(reply).type).toBe('AdaptiveCard');
      expect(textOf(reply)).toContain('Dina frågor');
      expect(textOf(reply)).toContain(`#${id} till Hofors kommun på Facebook`);
    });

    it(`${v.claim} ID: the inquiry is Erik's, and the card says so with the buttons left`, async () => {
      const id = await h.comment(`claim-${v.lang}`);
      const reply = await ask(ERIK, `${v.claim} ${id}`);
      expect((await state(id)).state).toBe('claimed');
      expect(textOf(reply)).toContain(`#${id} – Erik Lind tog frågan.`);
      expect(cardOf(reply).actions.map((a: any) => a.title)).toEqual(['Skicka vidare', 'Besvarad', 'Stäng', 'Diarieför']);
    });

    it(`${v.forward} ID @person reason: Anna gets it, and hears at once in her chat`, async () => {
      await h.say(ANNA, 'hjälp'); // Anna has opened her chat with the bot
      h.connector.clear();
      const id = await h.comment(`forward-${v.lang}`);
      const reply = await ask(ERIK, `${v.forward} ${id} @anna.berg du kan avfallsfrågor`);
      expect(await state(id)).toMatchObject({ state: 'forwarded' });
      expect(textOf(reply)).toContain(`#${id} – Erik Lind skickade frågan vidare till Anna Berg: du kan avfallsfrågor`);
      const notice = h.connector.sentTo(ANNA.conversation);
      expect(notice).toHaveLength(1);
      expect(notice[0]!.kind).toBe('send');
      expect(textOf(notice[0])).toContain('Erik Lind skickade frågan vidare till dig: du kan avfallsfrågor');
    });

    it(`${v.done} ID: answered`, async () => {
      const id = await h.comment(`done-${v.lang}`);
      const reply = await ask(ERIK, `${v.done} ${id}`);
      expect((await state(id)).state).toBe('answered');
      expect(textOf(reply)).toContain('markerade frågan som besvarad');
    });

    it(`${v.close} ID reason note: closed with the guidelines' reason`, async () => {
      const id = await h.comment(`close-${v.lang}`);
      const reply = await ask(ERIK, `${v.close} ${id} spam köp klockor`);
      expect(await state(id)).toMatchObject({ state: 'closed' });
      expect(textOf(reply)).toContain('stängde frågan (reklam/spam): köp klockor');
    });

    it(`${v.register} ID case number: registered`, async () => {
      const id = await h.comment(`register-${v.lang}`);
      const reply = await ask(ERIK, `${v.register} ${id} KS 2026/123`);
      expect(await state(id)).toMatchObject({ registered: true, caseNumber: 'KS 2026/123' });
      expect(textOf(reply)).toContain('Diarieförd: KS 2026/123.');
    });

    it(`${v.away} FROM TO @substitute, then ${v.back}`, async () => {
      const away = await ask(ERIK, `${v.away} ${v.period} @anna.berg`);
      expect(textOf(away)).toContain('Anna Berg är ersättare');
      const erik = (await h.app.database.db.query.people.findFirst({ where: (p, { eq }) => eq(p.key, 'erik.lind') }))!;
      const absences = await listAbsences(h.app.absences, erik.id, h.time);
      expect(absences.map((a) => a.startsAt)).toContain(at(`${v.period.split(' ')[0]}T00:00`));
      h.connector.clear();
      const back = await ask(ERIK, v.back);
      // the absence starts later, so there is none to end now
      expect(textOf(back)).toContain('Du är inte registrerad som frånvarande just nu.');
    });

    it(`${v.summary}: for managers`, async () => {
      expect(textOf(await ask(ANNA, v.summary))).toContain('Läget just nu');
      h.connector.clear();
      expect(textOf(await ask(ERIK, v.summary))).toBe('Sammanfattningen är bara för chefer.');
    });

    it(`${v.help}: the commands as Teams takes them (no /svarstid), as plain text`, async () => {
      const reply = await ask(ERIK, v.help);
      expect(reply.body.textFormat).toBe('plain');
      expect(textOf(reply)).toContain('Så här använder du svarstid:');
      expect(textOf(reply)).toContain('I en kanal nämner du @svarstid först');
      expect(textOf(reply)).toContain('• ta ID – ta en fråga, så blir du ansvarig för svaret. Exempel: ta 42');
      expect(textOf(reply)).not.toContain('/svarstid');
    });
  });

  it('a mistyped command gets the parser\'s Swedish explanation', async () => {
    expect(textOf(await ask(ERIK, 'stang 1 sapm'))).toContain('”sapm” är inget skäl för att stänga en fråga. Menade du ”spam”?');
    h.connector.clear();
    expect(textOf(await ask(ERIK, 'bzzt 1'))).toBe('Jag känner inte igen kommandot ”bzzt”. Skriv hjälp för att se vad jag kan.');
    h.connector.clear();
    expect(textOf(await ask(ERIK, 'ta 999999'))).toBe('Det finns ingen fråga #999999. Skriv lista för att se dina frågor.');
  });

  it('someone not in the directory is told to ask whoever administers svarstid (Teams does not say which organization)', async () => {
    expect(textOf(await ask(STRANGER, 'lista'))).toBe('Hej! Jag hittar dig inte bland handläggarna i svarstid, så du kan inte hantera frågor här ännu. Be den som administrerar svarstid i din organisation lägga till dig i katalogen.');
  });

  describe('in a channel, after an @mention of the bot', () => {
    const inChannel = (from: TeamsUser, text: string, mentioned = BOT) =>
      h.post(
        h.activity(from, {
          text,
          conversation: { id: '19:kanal@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: 'tenant-hofors' },
          entities: [{ type: 'mention', text: `<at>${mentioned.name}</at>`, mentioned }],
        }),
      );

    it('runs the command and replies in the thread, leaving the mention out', async () => {
      const id = await h.comment('channel-claim');
      expect((await inChannel(ERIK, `<at>svarstid</at> ta ${id}`)).status).toBe(200);
      expect((await state(id)).state).toBe('claimed');
      const [reply] = h.connector.sentTo('19:kanal@thread.tacv2;messageid=1');
      expect(textOf(reply)).toContain(`#${id} – Erik Lind tog frågan.`);
    });

    it('a person mentioned in the command is the one forwarded to', async () => {
      const id = await h.comment('channel-forward');
      await inChannel(ERIK, `<at>svarstid</at> skicka ${id} <at>Anna Berg</at> kolla detta`);
      expect(await state(id)).toMatchObject({ state: 'forwarded' });
    });

    it('does not keep the channel as the place to send Erik his reminders', async () => {
      const before = await h.app.conversations.find('teams', [ERIK.id]);
      await inChannel(ERIK, '<at>svarstid</at> lista');
      expect(await h.app.conversations.find('teams', [ERIK.id])).toEqual(before);
      expect((before as any)?.conversation?.id).toBe(ERIK.conversation);
    });
  });
});
