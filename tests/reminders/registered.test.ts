/**
 * Issue 13: "a registered case keeps escalating to the manager forever". A question registered
 * (diarieförd) without telling the citizen keeps its deadline: its reminders go as the policy says,
 * each once — the escalation to the manager once, not again every tick, day or week after. (Told,
 * it is answered and its reminders end: tests/answers/slack-answer.test.ts.) Through the real Slack
 * adapter (Bolt against the fake Web API), on PGlite and PostgreSQL, on simulated time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { ANNA, at, ERIK, eventually, MARIA, startSlackHarness, X, type SlackHarness } from '../adapters/slack/support.js';

describe.each(TARGETS)('a registered question’s reminders, Slack on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());
  const posts = (user: string, id: number) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === `D${user}` && String(c.params.text).includes(`#${id}`));

  it('registered without telling: the deadline stays, the manager is told once, and never again over the next two weeks', async () => {
    const id = await h.inquiry({ channel: 'x', account: X, externalId: 'registered-1' });
    expect((await h.app.inquiries.get(id))!.deadline).toBe(at('2026-11-24T14:00'));
    await h.command(ERIK, `diarieför ${id} KS 2026/5`, { name: 'reg' });
    await eventually(() => h.replies('reg')[0]);
    expect(await h.app.inquiries.get(id)).toMatchObject({ registered: true, caseNumber: 'KS 2026/5', state: 'open', deadline: at('2026-11-24T14:00') });

    // every 10 minutes for two weeks
    for (let t = at('2026-11-24T09:10'); t <= at('2026-12-08T17:00'); t += 10 * 60_000) {
      h.time = t;
      await h.app.tick(t);
    }
    const rows = await h.app.reminders.byInquiry(id);
    expect(rows.map((r) => [r.kind, r.role, r.status])).toEqual([
      ['share:50', 'assignee', 'sent'],
      ['before:60m', 'assignee', 'sent'],
      ['deadline', 'assignee', 'sent'],
      ['deadline', 'substitute', 'sent'],
      ['after:120m', 'manager', 'sent'],
    ]);
    expect(posts(ANNA, id)).toHaveLength(1);
    expect(posts(ANNA, id)[0]!.params.text).toContain('Försenad');
    expect(posts(MARIA, id)).toHaveLength(3);
    expect(posts(ERIK, id)).toHaveLength(1);
    expect((await h.app.inquiries.get(id))!.state).toBe('open');
  });
});
