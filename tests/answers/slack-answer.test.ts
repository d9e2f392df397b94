/**
 * Answering from Slack through the real Bolt adapter (signed requests, the fake Slack Web API) against
 * the Graph API fake: the Svara button opens a modal prefilled with the officer's signature, its
 * submission posts the answer; `/svarstid svara ID text` does the same; a reminder about an account
 * svarstid cannot answer on has no Svara button and says why.
 */
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderMessage } from '../../adapters/slack/inquiry-blocks.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, FORM, interactionBody, postSigned } from '../fakes/slack-signing.js';
import { buttonPayload, eventually, submissionPayload } from '../adapters/slack/support.js';
import { SLACK_SECRET, startSlackAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const SECRET = SLACK_SECRET;
const ERIK = 'U01HOF0002';

describe('answering from Slack (Bolt, PGlite)', () => {
  let h: AnswerHarness;
  let fake: FakeSlackApi;
  let base: string;
  beforeEach(async () => {
    ({ h, fake, base } = await startSlackAnswerHarness({ memory: true }, T0));
  });
  afterEach(async () => {
    await h.close();
  });
  const sign = (contentType: string) => ({ secret: SECRET, nowMs: h.time, contentType });

  it('/svarstid svara ID text posts the answer and replies with who answered where', async () => {
    const i = await h.facebookComment('När öppnar badet?');
    const res = await postSigned(`${base}/slack/events`, commandBody({ text: `svara ${i.id} Den 1 december.\n\nErik Lind, Kommunikatör`, userId: ERIK, responseUrl: fake.responseUrl('svar') }), sign(FORM));
    expect(res.status).toBe(200);
    const reply = await eventually(() => fake.responses.find((r) => r.name === 'svar'));
    expect(JSON.stringify(reply.body)).toContain(`#${i.id} – Erik Lind svarade på Facebook`);
    expect(h.graph.calls('POST', /comments$/)[0]!.body).toEqual({ message: 'Den 1 december.\n\nErik Lind, Kommunikatör' });
    expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
  });

  it('the Svara button opens a modal prefilled with the signature; submitting it posts the answer', async () => {
    const i = await h.facebookComment('Fråga');
    await postSigned(`${base}/slack/events`, interactionBody(buttonPayload({ userId: ERIK, actionId: 'svarstid:answer', inquiryId: i.id })), sign(FORM));
    const open = await eventually(() => fake.callsTo('views.open')[0]);
    const view = open.params.view;
    expect(view.callback_id).toBe('svarstid:dialog:answer');
    const input = view.blocks.find((b: any) => b.block_id === 'text');
    expect(input.optional).toBe(false);
    expect(input.element.initial_value).toBe('\n\nErik Lind, Kommunikatör');
    await postSigned(`${base}/slack/events`, interactionBody(submissionPayload({ userId: ERIK, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { text: { text: { type: 'plain_text_input', value: 'Badet öppnar i december.\n\nErik Lind, Kommunikatör' } } } })), sign(FORM));
    await eventually(() => h.graph.calls('POST', /comments$/)[0]);
    for (let n = 0; n < 50 && (await h.app.inquiries.get(i.id))!.state !== 'answered'; n++) await new Promise((r) => setTimeout(r, 50));
    expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
    expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
  });

  it('diarieför, then Svara: the dialog starts with the policy’s registration message and the signature; told, it is answered', async () => {
    const i = await h.facebookComment('Jag vill överklaga bygglovet');
    await postSigned(`${base}/slack/events`, commandBody({ text: `diarieför ${i.id} KS 2026/17`, userId: ERIK, responseUrl: fake.responseUrl('reg') }), sign(FORM));
    await eventually(() => fake.responses.find((r) => r.name === 'reg'));
    expect((await h.app.inquiries.get(i.id))!).toMatchObject({ registered: true, state: 'open' });
    await postSigned(`${base}/slack/events`, interactionBody(buttonPayload({ userId: ERIK, actionId: 'svarstid:answer', inquiryId: i.id })), sign(FORM));
    const view = (await eventually(() => fake.callsTo('views.open')[0])).params.view;
    const initial = view.blocks.find((b: any) => b.block_id === 'text').element.initial_value as string;
    expect(initial).toContain('diarienummer KS 2026/17');
    expect(initial.endsWith('Erik Lind, Kommunikatör')).toBe(true);
    await postSigned(`${base}/slack/events`, interactionBody(submissionPayload({ userId: ERIK, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { text: { text: { type: 'plain_text_input', value: initial } } } })), sign(FORM));
    const call = await eventually(() => h.graph.calls('POST', /comments$/)[0]);
    expect(call.body.message).toContain('KS 2026/17');
    for (let n = 0; n < 50 && (await h.app.inquiries.get(i.id))!.state !== 'answered'; n++) await new Promise((r) => setTimeout(r, 50));
    expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
  });

  it('a refused answer is explained in Swedish, and nothing is answered', async () => {
    const i = await h.messenger('Hej', 'psid-old');
    h.time += 8 * 24 * 3_600_000;
    await postSigned(`${base}/slack/events`, commandBody({ text: `svara ${i.id} Hej`, userId: ERIK, responseUrl: fake.responseUrl('refused') }), sign(FORM));
    const reply = await eventually(() => fake.responses.find((r) => r.name === 'refused'));
    expect(JSON.stringify(reply.body)).toContain('mer än 7 dagar');
    expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
  });

  it('reminders: a Svara button where svarstid can answer; none, and the reason, where it cannot', async () => {
    await h.facebookComment('Fråga till kommunen');
    await h.libraryComment('Fråga till biblioteket');
    // three days on, at 10:00 on a weekday: a reminder claimed outside working time waits for the opening
    let t = DateTime.fromMillis(h.time + 3 * 24 * 3_600_000, { zone: 'Europe/Stockholm' }).set({ hour: 10, minute: 0 });
    while (t.weekday > 5) t = t.plus({ days: 1 });
    h.time = t.toMillis();
    await h.app.tick(h.time);
    const reminders = h.notifier.sent.filter((s) => s.notification.type === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    const byAccount = (name: string) => reminders.find((s) => s.notification.type === 'reminder' && s.notification.inquiry.accountName === name)!;
    const ok = reminderMessage(byAccount('Hofors kommun').notification as never, h.time);
    const no = reminderMessage(byAccount('Hofors bibliotek').notification as never, h.time);
    const buttons = (m: { blocks: any[] }) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
    expect(buttons(ok)).toContain('svarstid:answer');
    expect(buttons(no)).not.toContain('svarstid:answer');
    expect(JSON.stringify(no.blocks)).toContain('Svara-knappen saknas');
    expect(JSON.stringify(no.blocks)).toMatch(/miljövariabeln HOFORS.{0,12}LIBRARY.{0,12}TOKEN/);
    expect(JSON.stringify([ok, no])).not.toContain('EAAG');
  });
});
