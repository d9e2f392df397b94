/**
 * /svarstid in Swedish and English: acked at once with an empty 200, then answered through the
 * response_url as an ephemeral message; errors explained in Swedish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, ERIK, eventually, MARIA, startSlackHarness, STRANGER, X, type SlackHarness } from './support.js';

let h: SlackHarness;
let n = 0;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

/** runs `/svarstid text` as `user`; returns the ack and the reply posted to the response_url */
async function run(user: string, text: string): Promise<{ ack: { status: number; text: string }; reply: any }> {
  const name = `c${++n}`;
  const ack = await h.command(user, text, { name });
  const [reply] = await eventually(() => (h.replies(name).length ? h.replies(name) : undefined));
  return { ack, reply };
}

describe('/svarstid', () => {
  it('acks with an empty 200 and answers ephemerally through the response_url', async () => {
    const { ack, reply } = await run(ERIK, 'hjälp');
    expect(ack).toMatchObject({ status: 200, text: '' });
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('Så här använder du /svarstid:');
  });

  describe.each([
    ['Swedish', { away1: '2026-12-01 2026-12-04', awayEnd: 'fredag 4 december', list: 'lista', claim: 'ta', forward: 'skicka', done: 'klar', close: 'stäng', register: 'diarieför', away: 'frånvaro', back: 'tillbaka', summary: 'sammanfattning', help: 'hjälp' }],
    ['English', { away1: '1/2 5/2', awayEnd: 'fredag 5 februari 2027', list: 'list', claim: 'claim', forward: 'forward', done: 'done', close: 'close', register: 'register', away: 'away', back: 'back', summary: 'summary', help: 'help' }],
  ])('in %s', (_, v) => {
    it(`${v.claim}, ${v.forward}, ${v.done}: take, pass on and answer a question`, async () => {
      const id = await h.inquiry();
      expect((await run(ERIK, `${v.claim} ${id}`)).reply.text).toContain(`#${id} – Erik Lind tog frågan.`);
      expect((await run(ERIK, `${v.forward} ${id} <@${MARIA}|maria> Du kan sophämtningen`)).reply.text).toContain(`#${id} – Erik Lind skickade frågan vidare till Maria Ek: Du kan sophämtningen`);
      // Maria hears at once, as a DM with the buttons
      const dm = await eventually(() => h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === `D${MARIA}` && c.params.text.includes(`#${id}`)));
      expect(dm.params.text).toContain('Erik Lind skickade frågan vidare till dig: Du kan sophämtningen');
      expect(JSON.stringify(dm.params.blocks)).toContain('svarstid:claim');
      expect((await run(MARIA, `${v.done} ${id}`)).reply.text).toContain(`#${id} – Maria Ek markerade frågan som besvarad.`);
    });

    it(`${v.close} and ${v.register}: close with a reason, register with a case number`, async () => {
      const id = await h.inquiry();
      expect((await run(ERIK, `${v.register} ${id} KS 2026/123`)).reply.text).toContain(`#${id} – Erik Lind diarieförde frågan som KS 2026/123.`);
      expect((await run(ERIK, `${v.close} ${id} spam`)).reply.text).toContain(`#${id} – Erik Lind stängde frågan (reklam/spam).`);
      const stored = await h.app.inquiries.get(id);
      expect(stored).toMatchObject({ state: 'closed', registered: true, caseNumber: 'KS 2026/123' });
      const erik = (await h.app.database.db.query.people.findMany()).find((p) => p.slackUserId === ERIK)!.id;
      const trail = await h.app.inquiries.events(id);
      expect(trail.filter((e) => e.type === 'closed' || e.type === 'registered').map((e) => [e.type, e.actor])).toEqual([
        ['registered', `person:${erik}`],
        ['closed', `person:${erik}`],
      ]);
    });

    it(`${v.list}: my queue and the unclaimed ones`, async () => {
      const id = await h.inquiry({ channel: 'x', account: X });
      const { reply } = await run(MARIA, v.list);
      expect(reply.text).toMatch(/Dina frågor \(\d+\):/);
      expect(reply.text).toContain(`#${id} till @hoforskommun på X`);
    });

    it(`${v.away} and ${v.back}: an absence with a substitute, then back`, async () => {
      expect((await run(MARIA, `${v.away} ${v.away1} <@${ERIK}>`)).reply.text).toContain(`Frånvaro registrerad till och med ${v.awayEnd}. Erik Lind är ersättare`);
      expect((await run(ANNA, `${v.away} idag imorgon`)).reply.text).toContain('Frånvaro registrerad till och med i morgon.');
      expect((await run(ANNA, v.back)).reply.text).toContain('Välkommen tillbaka!');
    });

    it(`${v.summary}: for managers; an officer is told it is not for them`, async () => {
      expect((await run(ANNA, v.summary)).reply.text).toContain('Läget just nu');
      expect((await run(ERIK, v.summary)).reply.text).toBe('Sammanfattningen är bara för chefer.');
    });

    it(`${v.help}: the commands, or one command`, async () => {
      expect((await run(ERIK, `${v.help} ${v.close}`)).reply.text).toContain('Skäl för att stänga');
    });
  });

  describe('errors are explained in Swedish', () => {
    it('a question that does not exist', async () => {
      expect((await run(ERIK, 'ta 999999')).reply.text).toBe('Det finns ingen fråga #999999. Skriv /svarstid lista för att se dina frågor.');
    });

    it('a question that is already answered cannot be closed, and the refusal says why in a whole sentence', async () => {
      const id = await h.inquiry();
      await run(ERIK, `klar ${id}`);
      expect((await run(ERIK, `stäng ${id} spam`)).reply.text).toBe(`Fråga #${id} är redan besvarad, så den kan inte stängas.`);
    });

    it('an absence with a start and no end asks for the end', async () => {
      expect((await run(ERIK, 'frånvaro i dag <@U01HOF0001>')).reply.text).toBe('Ange också när frånvaron slutar, efter när den börjar: till exempel /svarstid frånvaro 2026-12-01 2026-12-05 @anna.berg.');
    });

    it('a question someone else has taken', async () => {
      const id = await h.inquiry();
      await run(ERIK, `ta ${id}`);
      expect((await run(MARIA, `ta ${id}`)).reply.text).toBe(`Fråga #${id} har redan tagits av Erik Lind.`);
    });

    it('a person who is not in the directory', async () => {
      const id = await h.inquiry();
      expect((await run(ERIK, `skicka ${id} <@${STRANGER}>`)).reply.text).toContain('Jag hittar ingen');
    });

    it('an unknown subcommand and a missing id', async () => {
      expect((await run(ERIK, 'bzzt 5')).reply.text).toBe('Jag känner inte igen kommandot ”bzzt”. Skriv /svarstid hjälp för att se vad jag kan.');
      expect((await run(ERIK, 'ta')).reply.text).toBe('Ange vilken fråga, till exempel /svarstid ta 42.');
    });

    it('a Slack user who is not an officer gets a polite refusal and nothing is done', async () => {
      const id = await h.inquiry();
      const { reply } = await run(STRANGER, `ta ${id}`);
      // the workspace's organization, in its own words: its name from the policy, its managers from the directory
      expect(reply.text).toBe('Hej! Jag hittar dig inte bland Hofors kommuns handläggare i svarstid, så du kan inte hantera frågor här ännu. Be Anna Berg (Informationssamordnare) lägga till dig i katalogen.');
      expect((await h.app.inquiries.get(id))?.state).toBe('open');
    });
  });

  it('konton / accounts: the registry of accounts of the writer’s organization', async () => {
    for (const verb of ['konton', 'accounts']) {
      const { reply } = await run(MARIA, verb);
      expect(reply.text).toContain('Kontoförteckning för Hofors kommun');
      expect(reply.text).toContain('Hofors kommun på Facebook (https://www.facebook.com/hoforskommun): kontoansvarig Erik Lind, ersättare Maria Ek, chef Anna Berg');
      expect(reply.text).toContain('@hoforskommun på X (https://x.com/hoforskommun): kontoansvarig Maria Ek, ersättare Erik Lind, chef Anna Berg');
    }
  });

  it('årsuppföljning / yearly: a year’s key figures for managers (Nässjö 4), refused to officers, a year that is none explained', async () => {
    await h.inquiry();
    const received = (await h.app.database.db.query.inquiries.findMany()).filter((i) => i.orgId === 'hofors' && new Date(i.receivedAt).getUTCFullYear() === 2026).length;
    expect(received).toBeGreaterThan(0);
    for (const verb of ['årsuppföljning 2026', 'yearly 2026']) {
      const { reply } = await run(ANNA, verb);
      expect(reply.text).toContain('Nyckeltal för Hofors kommun, år 2026');
      expect(reply.text).toContain('Inom parentes: år 2025.');
      expect(reply.text).toContain(`inkomna ${received} (0)`);
    }
    expect((await run(ERIK, 'årsuppföljning')).reply.text).toContain('Årsuppföljningen är bara för chefer.');
    expect((await run(ANNA, 'årsuppföljning 1999')).reply.text).toContain('”1999” är inget år jag har siffror för.');
  });

  it('a personnummer written with a space is found and not shown in chat (issue 14)', async () => {
    const id = await h.inquiry({ text: 'Hej, mitt personnummer är 811218 9876, var är min ansökan?' });
    expect((await h.app.inquiries.get(id))?.personalData).toContain('personnummer');
    const { reply } = await run(ERIK, 'lista');
    expect(reply.text).toContain(`#${id} `);
    expect(reply.text).not.toContain('9876');
  });

  it('refreshes the actor’s App Home after an action', async () => {
    const id = await h.inquiry();
    const before = h.fake.callsTo('views.publish').length;
    await run(ERIK, `ta ${id}`);
    const publish = await eventually(() => h.fake.callsTo('views.publish').slice(before).find((c) => c.params.user_id === ERIK));
    expect(JSON.stringify(publish.params.view)).toContain(`#${id} – Erik Lind tog frågan.`);
  });
});
