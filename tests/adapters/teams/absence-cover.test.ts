/**
 * Issue 14, absences and oversight, through the real botbuilder adapter on both databases: the
 * manager registers a colleague's absence and covers it herself; her `lista` and daily digest hold
 * what she covers, marked, with the team view; an officer may not register a colleague's absence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../support/calendar-builder.js';
import { TARGETS } from '../../support/app-harness.js';
import { textOf } from './card-content.js';
import { ANNA, ERIK, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness.js';

describe.each(TARGETS)('absence for a colleague in Teams on $name', ({ target }) => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00'), make: target });
    await h.say(ANNA, 'hjälp'); // Anna has opened her chat with the bot (proactive digests need it)
    await h.say(ERIK, 'hjälp');
  });
  afterAll(() => h.close());

  const ask = async (user: TeamsUser, text: string): Promise<string> => {
    h.connector.clear();
    expect((await h.say(user, text)).status).toBe(200);
    const [reply] = h.connector.sentTo(user.conversation);
    return textOf(reply);
  };

  it('an officer is refused; the manager registers Erik’s absence and covers it herself', async () => {
    expect(await ask(ERIK, 'away @anna.berg today friday')).toBe('Bara chefer kan registrera eller avsluta frånvaro för en kollega. Registrera din egen frånvaro utan namn först.');
    expect(await ask(ANNA, 'frånvaro <at>Erik Lind</at> i dag fredag ersättare @anna.berg')).toBe(
      'Frånvaro registrerad för Erik Lind till och med fredag 27 november. Anna Berg är ersättare och får Erik Linds påminnelser.',
    );
    const rows = await h.app.database.db.query.absences.findMany();
    const people = await h.app.database.db.query.people.findMany();
    expect(rows.map((r) => [r.personId, r.registeredBy])).toEqual([[people.find((p) => p.key === 'erik.lind')!.id, people.find((p) => p.key === 'anna.berg')!.id]]);
    // Erik is told at once; Anna is her own substitute here, and did it herself: no notice to her
    expect(h.connector.sentTo(ERIK.conversation).map((c) => textOf(c))).toEqual([
      'Frånvaro registrerad\nAnna Berg har registrerat din frånvaro till och med fredag 27 november. Anna Berg är ersättare och får dina påminnelser.',
    ]);
  });

  it('Anna’s lista holds Erik’s question, marked as covered', async () => {
    const q = await h.comment('cover-1', 'Var lämnar jag grovsopor?');
    expect(await ask(ANNA, 'lista')).toMatch(new RegExp(`#${q} [^\\n]*\\(du ersätter Erik Lind\\)`));
  });

  it('the next morning Anna’s digest holds it, marked, with the team view; Erik gets none', async () => {
    const q = await h.comment('cover-2', 'När öppnar badhuset?');
    h.connector.clear();
    h.time = at('2026-11-25T08:15');
    await h.app.digest(h.time);
    const digest = textOf(h.connector.sentTo(ANNA.conversation).find((c) => textOf(c).includes('Dina obesvarade frågor')));
    expect(digest).toMatch(new RegExp(`#${q} [^\\n]*\\(du ersätter Erik Lind\\)`));
    expect(digest).toContain('Teamet:');
    expect(digest).toMatch(/Erik Lind: 2 obesvarade, varav 0 försenade – frånvarande till och med fredag 27 november, Anna Berg ersätter/);
    expect(h.connector.sentTo(ERIK.conversation)).toHaveLength(0);
  });

  it('konton: the registry of accounts as a card', async () => {
    const text = await ask(ERIK, 'konton');
    expect(text).toContain('Kontoförteckning för Hofors kommun');
    expect(text).toContain('Kommunbloggen i bloggen: kontoansvarig Maria Ek, ersättare Erik Lind, chef Anna Berg');
  });

  it('årsuppföljning: the yearly key figures as a card, for managers', async () => {
    const text = await ask(ANNA, 'årsuppföljning 2026');
    expect(text).toContain('Nyckeltal för Hofors kommun, år 2026');
    expect(text).toContain('Inom parentes: år 2025.');
    expect(await ask(ERIK, 'årsuppföljning 2026')).toContain('Årsuppföljningen är bara för chefer.');
  });

  it('a personnummer written with a space is found and not shown in the list (issue 14)', async () => {
    const q = await h.comment('pnr-space', 'Mitt personnummer är 19811218 9876, hur går det med ansökan?');
    expect((await h.app.inquiries.get(q))?.personalData).toContain('personnummer');
    const list = await ask(ANNA, 'lista');
    expect(list).toContain(`#${q} `);
    expect(list).not.toContain('9876');
  });

  it('Anna ends it: “tillbaka @erik.lind”', async () => {
    h.time = at('2026-11-25T10:00');
    expect(await ask(ANNA, 'tillbaka @erik.lind')).toBe('Erik Linds frånvaro är avslutad. Påminnelserna kommer till Erik Lind igen.');
    expect(h.connector.sentTo(ERIK.conversation).map((c) => textOf(c))).toEqual(['Frånvaro avslutad\nAnna Berg har avslutat din frånvaro. Påminnelserna kommer till dig igen.']);
    expect(await ask(ANNA, 'lista')).not.toContain('du ersätter');
  });
});
