/**
 * Issue 14, absences and oversight, through the real Slack adapter on both databases: a manager
 * registers and ends a colleague's absence; the substitute's `lista` and daily digest hold what they
 * cover, marked as such; the manager's digest has the team view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../../support/app-harness.js';
import { ANNA, at, ERIK, eventually, MARIA, startSlackHarness, type SlackHarness } from './support.js';

describe.each(TARGETS)('absence for a colleague in Slack on $name', ({ target }) => {
  let h: SlackHarness;
  let n = 0;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());

  const run = async (user: string, text: string): Promise<string> => {
    const name = `a${++n}`;
    await h.command(user, text, { name });
    const [reply] = await eventually(() => (h.replies(name).length ? h.replies(name) : undefined));
    return reply.text as string;
  };
  const dm = (user: string, needle: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${user}` && String(c.params.text).includes(needle));

  it('the manager registers Erik’s absence with Maria as substitute; the record says who registered it', async () => {
    expect(await run(ERIK, 'frånvaro <@U01HOF0003> i dag fredag')).toBe('Bara chefer kan registrera eller avsluta frånvaro för en kollega. Registrera din egen frånvaro utan namn först.');
    expect(await run(ANNA, 'frånvaro <@U01HOF0002> i dag fredag ersättare <@U01HOF0003>')).toBe(
      'Frånvaro registrerad för Erik Lind till och med fredag 27 november. Maria Ek är ersättare och får Erik Linds påminnelser.',
    );
    expect(await run(ANNA, 'frånvaro @erik.lind i morgon fredag')).toBe('Erik Lind har redan en frånvaro som överlappar den perioden.');
    const rows = await h.app.database.db.query.absences.findMany();
    const people = await h.app.database.db.query.people.findMany();
    const id = (slack: string) => people.find((p) => p.slackUserId === slack)!.id;
    expect(rows.map((r) => [r.personId, r.substituteId, r.registeredBy])).toEqual([[id(ERIK), id(MARIA), id(ANNA)]]);
  });

  it('Erik and Maria are told at once, in a DM each; Anna, who did it, is not', async () => {
    const erik = await eventually(() => dm(ERIK, 'Frånvaro registrerad')[0]);
    expect(erik.params.text).toContain('Anna Berg har registrerat din frånvaro till och med fredag 27 november. Maria Ek är ersättare och får dina påminnelser.');
    const maria = await eventually(() => dm(MARIA, 'Frånvaro registrerad')[0]);
    expect(maria.params.text).toContain('Anna Berg har registrerat frånvaro för Erik Lind till och med fredag 27 november, med dig som ersättare. Du får Erik Linds påminnelser under tiden, och frågorna syns i din lista.');
    expect(dm(ERIK, 'Frånvaro registrerad')).toHaveLength(1);
    expect(dm(ANNA, 'Frånvaro registrerad')).toHaveLength(0);
  });

  it('Maria’s lista holds Erik’s question, marked as covered; Erik’s own list does not lose it', async () => {
    const q = await h.inquiry({ text: 'Var lämnar jag grovsopor?' });
    const list = await run(MARIA, 'lista');
    expect(list).toContain(`#${q} till Hofors kommun på Facebook`);
    expect(list).toMatch(new RegExp(`#${q} [^\\n]*\\(du ersätter Erik Lind\\)`));
    expect(await run(ERIK, 'lista')).toContain(`#${q} till Hofors kommun på Facebook`);
  });

  it('the next morning: Maria’s digest has it marked, Erik gets none, Anna’s has the team view', async () => {
    const q = await h.inquiry({ text: 'När öppnar badhuset?' });
    h.time = at('2026-11-25T08:15');
    expect(await h.app.digest(h.time)).toBeGreaterThanOrEqual(2);
    const maria = await eventually(() => dm(MARIA, 'Dina obesvarade frågor')[0]);
    expect(maria.params.text).toMatch(new RegExp(`#${q} [^\\n]*\\(du ersätter Erik Lind\\)`));
    expect(dm(ERIK, 'Dina obesvarade frågor')).toHaveLength(0);
    const anna = await eventually(() => dm(ANNA, 'Dina obesvarade frågor')[0]);
    expect(anna.params.text).toContain('Teamet:');
    expect(anna.params.text).toMatch(/Erik Lind: \d+ obesvarade, varav 0 försenade – frånvarande till och med fredag 27 november, Maria Ek ersätter/);
  });

  it('the manager ends it; the record says who ended it, and Erik’s questions are his again', async () => {
    h.time = at('2026-11-25T10:00');
    expect(await run(ANNA, 'tillbaka <@U01HOF0002>')).toBe('Erik Linds frånvaro är avslutad. Påminnelserna kommer till Erik Lind igen.');
    expect(await run(ANNA, 'tillbaka @erik.lind')).toBe('Erik Lind är inte registrerad som frånvarande just nu.');
    const [row] = await h.app.database.db.query.absences.findMany();
    expect([row!.endsAt.getTime(), row!.endedBy]).toEqual([at('2026-11-25T10:00'), row!.registeredBy]);
    expect((await eventually(() => dm(ERIK, 'Frånvaro avslutad')[0])).params.text).toContain('Anna Berg har avslutat din frånvaro. Påminnelserna kommer till dig igen.');
    expect(await run(MARIA, 'lista')).not.toContain('du ersätter');
  });
});
