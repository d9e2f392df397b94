/**
 * "Dölj och för över till diariet" from Slack (real Bolt, the fake Slack Web API) against the Graph
 * API fake, on PGlite and PostgreSQL: a comment with a personnummer gets the button; pressed, svarstid
 * archives and hides the comment, registers the question and answers the citizen with the policy's
 * secure-channel message, each step in the trail. A failed step is explained and a retry does not
 * redo the steps already done.
 */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderMessage } from '../../adapters/slack/inquiry-blocks.js';
import { archives } from '../../src/db/schema.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, FORM, interactionBody, postSigned } from '../fakes/slack-signing.js';
import { checkSlackView } from '../fakes/validate/index.js';
import { buttonPayload, eventually, submissionPayload } from '../adapters/slack/support.js';
import { TARGETS } from '../support/app-harness.js';
import { SLACK_SECRET, startSlackAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const SECRET = SLACK_SECRET;
const ERIK = 'U01HOF0002';
const WITH_PNR = 'Hej! Mitt personnummer är 811218-9876, varför har jag inte fått något beslut?';

describe.each(TARGETS)('personal data in one step ($name)', ({ target }) => {
  let h: AnswerHarness;
  let fake: FakeSlackApi;
  let base: string;
  let drop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const t = await target();
    drop = t.drop;
    ({ h, fake, base } = await startSlackAnswerHarness(t.target, T0));
  });
  afterEach(async () => {
    await h.close();
    await drop?.();
  });
  const sign = (contentType: string) => ({ secret: SECRET, nowMs: h.time, contentType });
  const settled = async (id: number, state: string) => {
    for (let n = 0; n < 80 && (await h.app.inquiries.get(id))!.state !== state; n++) await new Promise((r) => setTimeout(r, 50));
    return (await h.app.inquiries.get(id))!;
  };

  it('the reminder offers it; pressed: archived, hidden, registered and answered with the secure channel, each step in the trail', async () => {
    const i = await h.facebookComment(WITH_PNR);
    expect(i.personalData).toContain('personnummer');
    const c = h.graph.state.comments.get(i.externalId)!;
    await h.facebookComment('En vanlig fråga utan personuppgifter');
    let t = DateTime.fromMillis(h.time + 3 * 24 * 3_600_000, { zone: 'Europe/Stockholm' }).set({ hour: 10, minute: 0 });
    while (t.weekday > 5) t = t.plus({ days: 1 });
    h.time = t.toMillis();
    await h.app.tick(h.time);
    const reminders = h.notifier.sent.filter((s) => s.notification.type === 'reminder');
    const buttonsOf = (id: number) => reminderMessage(reminders.find((s) => s.notification.type === 'reminder' && s.notification.inquiry.id === id)!.notification as never, h.time).blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.action_id));
    expect(buttonsOf(i.id)).toContain('svarstid:secure');
    expect(buttonsOf(i.id + 1)).not.toContain('svarstid:secure');

    let archivedBeforeHide = false;
    h.graph.beforeCall = async (call) => {
      if (call.method === 'POST' && call.path === c.id) archivedBeforeHide = (await h.app.database.db.select().from(archives).where(eq(archives.inquiryId, i.id))).length === 1;
    };
    await postSigned(`${base}/slack/events`, interactionBody(buttonPayload({ userId: ERIK, actionId: 'svarstid:secure', inquiryId: i.id })), sign(FORM));
    const view = (await eventually(() => fake.callsTo('views.open')[0])).params.view;
    expect(checkSlackView('the secure modal', view)).toEqual([]);
    await postSigned(`${base}/slack/events`, interactionBody(submissionPayload({ userId: ERIK, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { caseNumber: { caseNumber: { type: 'plain_text_input', value: 'KS 2026/5' } } } })), sign(FORM));
    const done = await settled(i.id, 'answered');
    expect(done).toMatchObject({ state: 'answered', registered: true, caseNumber: 'KS 2026/5' });
    expect(archivedBeforeHide).toBe(true);
    expect(c.isHidden).toBe(true);
    const answer = h.graph.calls('POST', /comments$/)[0]!.body.message as string;
    expect(answer).toContain('Skriv inte personuppgifter här');
    expect(answer).not.toContain('811218');
    const types = (await h.app.inquiries.events(i.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['moderated', 'registered', 'answered']));
    expect(types.indexOf('moderated')).toBeLessThan(types.indexOf('registered'));
    expect(types.indexOf('registered')).toBeLessThan(types.indexOf('answered'));
  });

  it('a failed answer step is explained; the retry neither hides again nor registers again, and answers once', async () => {
    const i = await h.facebookComment(WITH_PNR);
    h.graph.failNext({ status: 403, body: { error: { message: '(#200) Permissions error', type: 'OAuthException', code: 200, fbtrace_id: 'x' } } }, { method: 'POST', path: /comments$/ });
    await postSigned(`${base}/slack/events`, commandBody({ text: `överför ${i.id}`, userId: ERIK, responseUrl: fake.responseUrl('first') }), sign(FORM));
    const first = JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'first'))).body);
    expect(first).toContain('arkiverade och dolde inlägget och diarieförde frågan');
    expect(first).toContain('Steget ”Svara” gick inte');
    expect((await h.app.inquiries.get(i.id))!).toMatchObject({ state: 'open', registered: true });
    await postSigned(`${base}/slack/events`, commandBody({ text: `överför ${i.id}`, userId: ERIK, responseUrl: fake.responseUrl('again') }), sign(FORM));
    const again = JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'again'))).body);
    expect(again).toContain('hänvisade medborgaren till en säker kanal');
    expect(again).not.toContain('dolde');
    expect(h.graph.calls('POST', new RegExp(`^${i.externalId}$`))).toHaveLength(1);
    expect((await h.app.inquiries.events(i.id)).filter((e) => e.type === 'registered')).toHaveLength(1);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
  });
});
