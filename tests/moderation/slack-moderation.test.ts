/**
 * Hide and remove from Slack through the real Bolt adapter (signed requests, the fake Slack Web API)
 * against the Graph API fake: the Dölj button opens a modal with the guidelines' reasons; its
 * submission archives the comment with its context before the fake hides it, and closes the
 * inquiry; `/svarstid ta bort ID skäl` removes; a refused hide is explained in Swedish and changes
 * nothing; a Messenger reminder has no Dölj / Ta bort buttons and says why.
 */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderMessage } from '../../adapters/slack/inquiry-blocks.js';
import { archives } from '../../src/db/schema.js';
import type { FakeSlackApi } from '../fakes/slack-api.js';
import { commandBody, FORM, interactionBody, postSigned } from '../fakes/slack-signing.js';
import { checkSlackMessage, checkSlackView } from '../fakes/validate/index.js';
import { buttonPayload, eventually, submissionPayload } from '../adapters/slack/support.js';
import { PAGE, SLACK_SECRET, startSlackAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const SECRET = SLACK_SECRET;
const ERIK = 'U01HOF0002';

describe('hide and remove from Slack (Bolt, PGlite)', () => {
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
  const archiveRows = (inquiryId: number) => h.app.database.db.select().from(archives).where(eq(archives.inquiryId, inquiryId));
  const closed = async (id: number) => {
    for (let n = 0; n < 60 && (await h.app.inquiries.get(id))!.state !== 'closed'; n++) await new Promise((r) => setTimeout(r, 50));
    return (await h.app.inquiries.get(id))!;
  };

  it('the Dölj button: a modal with the reasons; submitted, the archive is stored before the fake hides the comment, then the inquiry is closed', async () => {
    const i = await h.facebookComment('Ni på kommunen är idioter');
    const c = h.graph.state.comments.get(i.externalId)!;
    let archivedAtCall: unknown[] | undefined;
    h.graph.beforeCall = async (call) => {
      if (call.method === 'POST' && call.path === c.id) archivedAtCall = await archiveRows(i.id);
    };
    await postSigned(`${base}/slack/events`, interactionBody(buttonPayload({ userId: ERIK, actionId: 'svarstid:hide', inquiryId: i.id })), sign(FORM));
    const view = (await eventually(() => fake.callsTo('views.open')[0])).params.view;
    expect(checkSlackView('the Dölj modal', view)).toEqual([]);
    expect(view.callback_id).toBe('svarstid:dialog:hide');
    const reason = view.blocks.find((b: any) => b.block_id === 'reason');
    expect(reason.element.options.map((o: any) => o.value)).toContain('svordomar/obscena ord');
    await postSigned(`${base}/slack/events`, interactionBody(submissionPayload({ userId: ERIK, callbackId: view.callback_id, privateMetadata: view.private_metadata, values: { reason: { reason: { type: 'static_select', selected_option: { value: 'personangrepp' } } }, note: { note: { type: 'plain_text_input', value: 'kallar oss idioter' } } } })), sign(FORM));
    expect((await closed(i.id))).toMatchObject({ state: 'closed', closeReason: 'personangrepp', removed: true });
    expect(archivedAtCall).toHaveLength(1);
    expect((archivedAtCall![0] as any).context.parent).toMatchObject({ message: 'Badhuset stänger för renovering.' });
    expect(c.isHidden).toBe(true);
    expect((await archiveRows(i.id))[0]).toMatchObject({ state: 'done', actor: `person:${await h.person('erik.lind')}` });
  });

  it('/svarstid ta bort ID skäl removes the comment and says who did what where', async () => {
    const i = await h.facebookComment('Köp klockor billigt');
    await postSigned(`${base}/slack/events`, commandBody({ text: `ta bort ${i.id} kommersiella budskap`, userId: ERIK, responseUrl: fake.responseUrl('bort') }), sign(FORM));
    const reply = await eventually(() => fake.responses.find((r) => r.name === 'bort'));
    expect(JSON.stringify(reply.body)).toContain(`#${i.id} – Erik Lind arkiverade och tog bort inlägget på Facebook (kommersiella budskap).`);
    expect(h.graph.calls('DELETE')).toHaveLength(1);
    expect((await h.app.inquiries.get(i.id))!.state).toBe('closed');
  });

  it('after removing for hets mot folkgrupp the bot asks for the registration and whether a police report was made; the answer is kept in the trail', async () => {
    const i = await h.facebookComment('Hatiskt inlägg');
    await postSigned(`${base}/slack/events`, commandBody({ text: `radera ${i.id} hets mot folkgrupp`, userId: ERIK, responseUrl: fake.responseUrl('hets') }), sign(FORM));
    const reply = JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'hets'))).body);
    expect(reply).toContain(`/svarstid diarieför ${i.id} [diarienummer]`);
    expect(reply).toContain(`/svarstid polisanmälan ${i.id} ja`);
    await postSigned(`${base}/slack/events`, commandBody({ text: `polisanmälan ${i.id} ja anmäld via polisen.se`, userId: ERIK, responseUrl: fake.responseUrl('polis') }), sign(FORM));
    expect(JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'polis'))).body)).toContain('sparade att en polisanmälan gjordes');
    const event = (await h.app.inquiries.events(i.id)).find((e) => e.type === 'police_report');
    expect(event).toMatchObject({ actor: `person:${await h.person('erik.lind')}`, data: { made: true, note: 'anmäld via polisen.se' } });
  });

  it('reklam needs no registration (Gotland) and no police report: the reply asks for neither', async () => {
    const i = await h.facebookComment('Köp klockor');
    await postSigned(`${base}/slack/events`, commandBody({ text: `dölj ${i.id} reklam`, userId: ERIK, responseUrl: fake.responseUrl('reklam') }), sign(FORM));
    const reply = JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'reklam'))).body);
    expect(reply).toContain('arkiverade och dolde inlägget på Facebook (reklam/spam)');
    expect(reply).not.toContain('diarieför');
    expect(reply).not.toContain('polisanmälan');
  });

  it('a refused hide (expired token) is explained in Swedish; the inquiry stays open, the archive stays', async () => {
    const i = await h.facebookComment('Svordomar');
    h.graph.expire(PAGE.token);
    await postSigned(`${base}/slack/events`, commandBody({ text: `dölj ${i.id} svordomar`, userId: ERIK, responseUrl: fake.responseUrl('nej') }), sign(FORM));
    const reply = JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'nej'))).body);
    expect(reply).toContain('Inget ändrades på plattformen');
    expect(reply).toContain('OAuthException 190');
    expect(reply).not.toContain('EAAG');
    expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    expect((await archiveRows(i.id))[0]).toMatchObject({ state: 'refused' });
  });

  it('dölj on a Messenger message says it cannot be hidden; reminders show no Dölj there, and do on a comment', async () => {
    const m = await h.messenger('Hej, jag heter Karin');
    await postSigned(`${base}/slack/events`, commandBody({ text: `dölj ${m.id} spam`, userId: ERIK, responseUrl: fake.responseUrl('dm') }), sign(FORM));
    expect(JSON.stringify((await eventually(() => fake.responses.find((r) => r.name === 'dm'))).body)).toContain('Ett privat meddelande');
    await h.facebookComment('En kommentar');
    let t = DateTime.fromMillis(h.time + 3 * 24 * 3_600_000, { zone: 'Europe/Stockholm' }).set({ hour: 10, minute: 0 });
    while (t.weekday > 5) t = t.plus({ days: 1 });
    h.time = t.toMillis();
    await h.app.tick(h.time);
    const reminders = h.notifier.sent.filter((s) => s.notification.type === 'reminder');
    const of = (channel: string) => reminderMessage(reminders.find((s) => s.notification.type === 'reminder' && s.notification.inquiry.channel === channel)!.notification as never, h.time);
    const buttons = (msg: { blocks: any[] }) => msg.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: any) => e.action_id));
    const dm = of('messenger');
    const comment = of('facebook');
    expect(checkSlackMessage('a Messenger reminder', dm as never)).toEqual([]);
    expect(checkSlackMessage('a comment reminder', comment as never)).toEqual([]);
    expect(buttons(dm)).not.toContain('svarstid:hide');
    expect(buttons(dm)).not.toContain('svarstid:remove');
    expect(JSON.stringify(dm.blocks)).toContain('Knapparna Dölj och Ta bort saknas');
    expect(buttons(comment)).toEqual(expect.arrayContaining(['svarstid:hide', 'svarstid:remove']));
  });
});
