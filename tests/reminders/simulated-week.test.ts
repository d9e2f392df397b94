/**
 * A simulated clock over Fri 27 March – Tue 7 April 2026 in Hofors: the DST change (Sun 29 March),
 * skärtorsdagen shortened to 08:00–12:00 (Thu 2 April), långfredagen and annandag påsk closed.
 * Hofors: Mon–Thu 08:00–12:00, 13:00–16:30; Fri 08:00–12:00, 13:00–15:00. Reminders (policy):
 * 50 % of the window → assignee; 1 working hour before → assignee; at the deadline → assignee and
 * substitute; 2 working hours after → manager. Directory: Erik Lind answers Facebook, Maria Ek X and
 * the blog, each the other's substitute; Anna Berg is the manager.
 * Time advances in 5-minute ticks; nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { hoforsApp } from '../support/hofors-app.js';
import { act } from '../../src/inquiries/act.js';
import type { InboundMessage } from '../../src/inquiries/inbound.js';
import { registerAbsence } from '../../src/people/absences.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { at, local } from '../support/calendar-builder.js';

const FB = '104000000000001';
const X = '1400000000000000001';
const msg = (externalId: string, channel: 'x' | 'facebook' | 'blog', accountExternalId: string, receivedAt: string): InboundMessage => ({
  source: channel === 'blog' ? 'generic' : channel === 'x' ? 'x' : 'meta', channel, accountExternalId, externalId,
  author: { name: `Medborgare ${externalId}` }, text: `Fråga ${externalId}`, receivedAt: at(receivedAt), raw: {},
  // a generic message comes from a named source the directory binds to the blog (directory/hofors.yaml)
  ...(channel === 'blog' && { origin: { name: 'hofors-blogg', channelGiven: true } }),
});

describe('reminders over a simulated week with DST and Easter', () => {
  let app: App;
  let now = at('2026-03-27T08:00');
  const notifier = new MemoryNotifier(() => now);
  const ids: Record<string, number> = {};
  let person: Record<string, number> = {};

  const script: Array<[string, () => Promise<unknown>]> = [
    // A: unclaimed tweet, Fri 14:00 → deadline Mon 11:00 (+02:00: 1 h Friday, 3 h Monday); answered by the account's own reply Mon 10:30
    ['2026-03-27T14:00', () => app.ingest.ingest([{ kind: 'message', message: msg('A', 'x', X, '2026-03-27T14:00') }])],
    ['2026-03-30T10:30', () => app.ingest.ingest([{ kind: 'own_reply', reply: { source: 'x', channel: 'x', accountExternalId: X, externalId: 'svar-A', inReplyTo: 'A', answeredAt: at('2026-03-30T10:30'), raw: {} } }])],
    // C: Facebook comment Tue 09:00 → deadline Wed 09:00; Erik claims 09:10, forwards to Maria 11:00
    ['2026-03-31T09:00', () => app.ingest.ingest([{ kind: 'message', message: msg('C', 'facebook', FB, '2026-03-31T09:00') }])],
    ['2026-03-31T09:10', () => act(app.actDeps, ids.C!, { type: 'claim', by: person['erik.lind']! }, now)],
    ['2026-03-31T11:00', () => act(app.actDeps, ids.C!, { type: 'forward', by: person['erik.lind']!, to: person['maria.ek']!, reason: 'gäller webben' }, now)],
    // Maria is away Wed 00:00–17:00 with Erik as her substitute
    ['2026-03-31T16:00', () => registerAbsence(app.absences, { personId: person['maria.ek']!, startsAt: at('2026-04-01T00:00'), endsAt: at('2026-04-01T17:00'), substituteId: person['erik.lind']! }, now)],
    // D: unclaimed tweet Wed 08:30 → deadline 13:30 (3.5 h to lunch, 0.5 h after)
    ['2026-04-01T08:30', () => app.ingest.ingest([{ kind: 'message', message: msg('D', 'x', X, '2026-04-01T08:30') }])],
    // E: blog comment on skärtorsdagen 10:00 (shortened to 12:00) → 1 working day = Tue 7 April 10:00
    ['2026-04-02T10:00', () => app.ingest.ingest([{ kind: 'message', message: msg('E', 'blog', 'hofors-blogg', '2026-04-02T10:00') }])],
  ];

  beforeAll(async () => {
    ({ app, person } = await hoforsApp({ now: () => now, notifier }));
    const steps = script.map(([t, f]) => [at(t), f] as const);
    for (now = at('2026-03-27T08:00'); now <= at('2026-04-07T17:00'); now += 5 * 60_000) {
      for (const [t, f] of steps) if (t === now) await f();
      for (const i of await app.inquiries.list({})) ids[i.externalId] = i.id;
      await app.tick(now);
      await app.digest(now);
    }
  }, 180_000);
  afterAll(() => app.close());

  const label = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? `#${id}`;
  const reminders = () =>
    notifier.sent
      .filter((s) => s.notification.type === 'reminder')
      .map((s) => {
        const n = s.notification as Extract<typeof s.notification, { type: 'reminder' }>;
        return `${local(s.at)} ${label(n.inquiry.id)} ${n.moment} → ${s.to.name}${n.routedVia ? ` (för ${n.routedVia.intendedName})` : ''}`;
      })
      .sort();

  it('sends exactly these reminders, message by message', () => {
    expect(reminders()).toEqual([
      // A: 50 % of 4 h = 2 h: Fri 14–15 (1 h) + Mon 08–09, now in summer time; 1 h before 11:00 = 10:00.
      // A is answered at 10:30 by the account's own reply: no deadline or overdue reminders follow.
      '2026-03-30T09:00+02:00 A heads_up → Maria Ek',
      '2026-03-30T10:00+02:00 A due_soon → Maria Ek',
      // C: 50 % of 7.5 h = 3 h 45 min: Tue 09–12 (3 h) + 13:00–13:45; forwarded to Maria at 11:00, so she gets it
      '2026-03-31T13:45+02:00 C heads_up → Maria Ek',
      // Wednesday Maria is away: what is hers goes to Erik, saying for whom.
      // C: 1 h before Wed 09:00 = 08:00; at the deadline the account's substitute is Maria too, i.e.
      // Erik again, who is not told twice; 2 h after 09:00 = 11:00 to the manager
      '2026-04-01T08:00+02:00 C due_soon → Erik Lind (för Maria Ek)',
      '2026-04-01T09:00+02:00 C deadline → Erik Lind (för Maria Ek)',
      // D: 50 % of 4 h = 2 h → 10:30; 1 h before 13:30 = 13:00–13:30 and 11:30–12:00 → 11:30
      '2026-04-01T10:30+02:00 D heads_up → Erik Lind (för Maria Ek)',
      '2026-04-01T11:00+02:00 C overdue → Anna Berg',
      '2026-04-01T11:30+02:00 D due_soon → Erik Lind (för Maria Ek)',
      // D at 13:30: Erik for Maria; Erik is also the X account's substitute, so not told twice
      '2026-04-01T13:30+02:00 D deadline → Erik Lind (för Maria Ek)',
      '2026-04-01T15:30+02:00 D overdue → Anna Berg',
      // E: skärtorsdagen 10:00; 50 % of 4 h (Thu 10–12, Tue 08–10) = 2 h → 12:00, the shortened day's close.
      // Långfredagen, the weekend and annandag påsk pass without reminders.
      '2026-04-02T12:00+02:00 E heads_up → Maria Ek',
      '2026-04-07T09:00+02:00 E due_soon → Maria Ek',
      '2026-04-07T10:00+02:00 E deadline → Erik Lind',
      '2026-04-07T10:00+02:00 E deadline → Maria Ek',
      '2026-04-07T12:00+02:00 E overdue → Anna Berg',
    ]);
  });

  it('never sends a reminder in closed time (only in hours or exactly at a close)', () => {
    const calendar = app.policies.get('hofors')!.calendar;
    const bad = notifier.sent.filter((s) => s.notification.type === 'reminder' && !calendar.isOpen(s.at) && !calendar.isOpen(s.at - 1));
    expect(bad.map((s) => local(s.at))).toEqual([]);
  });

  it('sends the manager the daily digest at 08:15 on working days only', () => {
    const anna = notifier.sent.filter((s) => s.notification.type === 'digest' && s.to.name === 'Anna Berg').map((s) => local(s.at));
    expect(anna).toEqual(['2026-03-27T08:15+01:00', '2026-03-30T08:15+02:00', '2026-03-31T08:15+02:00', '2026-04-01T08:15+02:00', '2026-04-02T08:15+02:00', '2026-04-07T08:15+02:00']);
  });

  it('uses every delivery key once', () => {
    const keys = notifier.sent.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
