/**
 * End to end, on PGlite and on PostgreSQL: a reminder reaches an officer as a Slack DM, and its
 * buttons and modals work: the DM is updated in place with who did what, App Home is refreshed,
 * refusals are shown to the person alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGETS } from '../../support/app-harness.js';
import { at, buttonPayload, ERIK, eventually, MARIA, startSlackHarness, STRANGER, submissionPayload, type SlackHarness } from './support.js';

const elements = (blocks: any[]): string[] => (blocks.find((b) => b.type === 'actions')?.elements ?? []).map((e: any) => e.action_id);
let ts = 1_700_000_000;

describe.each(TARGETS)('Slack buttons and modals on $name', ({ target }) => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ make: target, orgs: ['arvidsjaur'] });
  });
  afterAll(() => h?.close());

  /** presses a button on the DM `ts` and waits for its chat.update */
  async function press(userId: string, actionId: string, inquiryId: number, extra: { ts?: string } = {}) {
    const msgTs = extra.ts ?? `${++ts}.000100`;
    const r = await h.interact(buttonPayload({ userId, actionId, inquiryId, ts: msgTs, responseUrl: h.fake.responseUrl(`btn-${msgTs}`) }));
    expect(r).toMatchObject({ status: 200, text: '' });
    return msgTs;
  }
  const updated = (msgTs: string) => eventually(() => h.fake.callsTo('chat.update').find((c) => c.params.ts === msgTs));
  const refusal = (msgTs: string) => eventually(() => h.replies(`btn-${msgTs}`)[0]);

  it('a reminder reaches the responsible officer as a DM with buttons, and each button works', async () => {
    h.time = at('2026-11-24T09:00');
    const id = await h.inquiry({ text: 'Var kan jag hämta säckar?' });
    h.time = at('2026-11-24T14:00');
    expect(await h.app.tick(h.time)).toMatchObject({ sent: 1, failed: 0 });
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === `D${ERIK}` && c.params.text.includes(`#${id}`))!;
    expect(dm.token).toBe('xoxb-test-hofors');
    expect(dm.params.text).toContain('”Var kan jag hämta säckar?”');
    expect(elements(dm.params.blocks)).toEqual(['svarstid:claim', 'svarstid:forward', 'svarstid:done', 'svarstid:close', 'svarstid:register']);

    // Ta frågan
    const claimed = await updated(await press(ERIK, 'svarstid:claim', id));
    expect(claimed.params.blocks[0].text.text).toBe(`*#${id} – Erik Lind tog frågan.*`);
    expect(elements(claimed.params.blocks)).toEqual(['svarstid:forward', 'svarstid:done', 'svarstid:close', 'svarstid:register']);
    await eventually(() => h.fake.callsTo('views.publish').find((c) => c.params.user_id === ERIK && JSON.stringify(c.params.view).includes(`#${id} – Erik Lind tog frågan.`)));

    // Skicka vidare: the modal, then its submission
    const fwdTs = await press(ERIK, 'svarstid:forward', id);
    const open = await eventually(() => h.fake.callsTo('views.open').find((c) => JSON.parse(c.params.view.private_metadata).ts === fwdTs));
    expect(open.params.view.callback_id).toBe('svarstid:dialog:forward');
    const submitted = await h.interact(
      submissionPayload({ userId: ERIK, callbackId: 'svarstid:dialog:forward', privateMetadata: open.params.view.private_metadata, values: { to: { to: { type: 'users_select', selected_user: MARIA } }, reason: { reason: { type: 'plain_text_input', value: 'Du har hand om säckarna' } } } }),
    );
    expect(submitted).toMatchObject({ status: 200, text: '' });
    expect((await updated(fwdTs)).params.blocks[0].text.text).toBe(`*#${id} – Erik Lind skickade frågan vidare till Maria Ek: Du har hand om säckarna*`);
    const notice = await eventually(() => h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === `D${MARIA}` && c.params.text.includes('En fråga har skickats vidare till dig')));
    expect(notice.params.text).toContain('Erik Lind skickade frågan vidare till dig: Du har hand om säckarna');
    expect(elements(notice.params.blocks)).toContain('svarstid:claim');

    // Besvarad (by Maria, from her notice)
    const done = await updated(await press(MARIA, 'svarstid:done', id));
    expect(done.params.blocks[0].text.text).toBe(`*#${id} – Maria Ek markerade frågan som besvarad.*`);
    expect(elements(done.params.blocks)).toEqual(['svarstid:register']);

    // Diarieför: the modal with an optional diarienummer
    const regTs = await press(MARIA, 'svarstid:register', id);
    const regOpen = await eventually(() => h.fake.callsTo('views.open').find((c) => JSON.parse(c.params.view.private_metadata).ts === regTs));
    expect(regOpen.params.view.callback_id).toBe('svarstid:dialog:register');
    await h.interact(submissionPayload({ userId: MARIA, callbackId: 'svarstid:dialog:register', privateMetadata: regOpen.params.view.private_metadata, values: { caseNumber: { caseNumber: { type: 'plain_text_input', value: 'KS 2026/9' } } } }));
    const reg = await updated(regTs);
    expect(reg.params.blocks[0].text.text).toBe(`*#${id} – Maria Ek diarieförde frågan som KS 2026/9.*`);
    expect(elements(reg.params.blocks)).toEqual([]);
    expect(await h.app.inquiries.get(id)).toMatchObject({ state: 'answered', registered: true, caseNumber: 'KS 2026/9' });
  });

  it('Stäng: the modal offers the guidelines’ reasons and a note; the question is closed with them', async () => {
    const id = await h.inquiry();
    const msgTs = await press(ERIK, 'svarstid:close', id);
    const open = await eventually(() => h.fake.callsTo('views.open').find((c) => JSON.parse(c.params.view.private_metadata).ts === msgTs));
    expect(open.params.view.callback_id).toBe('svarstid:dialog:close');
    await h.interact(
      submissionPayload({ userId: ERIK, callbackId: 'svarstid:dialog:close', privateMetadata: open.params.view.private_metadata, values: { reason: { reason: { type: 'static_select', selected_option: { value: 'reklam/spam' } } }, note: { note: { type: 'plain_text_input', value: 'köp klockor' } } } }),
    );
    const closed = await updated(msgTs);
    expect(closed.params.blocks[0].text.text).toBe(`*#${id} – Erik Lind stängde frågan (reklam/spam): köp klockor*`);
    expect(await h.app.inquiries.get(id)).toMatchObject({ state: 'closed', closeReason: 'reklam/spam' });
  });

  it('a button pressed again on a message that was updated: each version had its own block_id (the fake refuses reused ones)', async () => {
    const id = await h.inquiry();
    const msgTs = await press(ERIK, 'svarstid:claim', id);
    await updated(msgTs);
    await press(ERIK, 'svarstid:done', id, { ts: msgTs });
    await eventually(() => h.fake.callsTo('chat.update').filter((c) => c.params.ts === msgTs).length === 2);
    const versions = h.fake.callsTo('chat.update').filter((c) => c.params.ts === msgTs).map((c) => c.params.blocks.find((b: any) => b.type === 'actions')?.block_id);
    expect(versions[0]).not.toBe(versions[1]);
  });

  it('a forward modal opened before an upgrade (the old callback id and input names) still forwards', async () => {
    const id = await h.inquiry();
    const msgTs = `${++ts}.000100`;
    const meta = JSON.stringify({ inquiryId: id, channel: `D${ERIK}`, ts: msgTs });
    await h.interact(submissionPayload({ userId: ERIK, callbackId: 'svarstid:forward', privateMetadata: meta, values: { person: { person: { type: 'users_select', selected_user: MARIA } } } }));
    expect((await updated(msgTs)).params.blocks[0].text.text).toBe(`*#${id} – Erik Lind skickade frågan vidare till Maria Ek.*`);
  });

  it('a question someone else has taken: the refusal is shown to the presser alone, the DM stays', async () => {
    const id = await h.inquiry();
    await updated(await press(ERIK, 'svarstid:claim', id));
    const msgTs = await press(MARIA, 'svarstid:claim', id);
    expect(await refusal(msgTs)).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: `Fråga #${id} har redan tagits av Erik Lind.` });
    expect(h.fake.callsTo('chat.update').some((c) => c.params.ts === msgTs)).toBe(false);
  });

  it('a Slack user who is not in the directory gets the polite refusal, for buttons and modals alike', async () => {
    const id = await h.inquiry();
    expect((await refusal(await press(STRANGER, 'svarstid:claim', id))).text).toContain('Jag hittar dig inte bland Hofors kommuns handläggare');
    expect((await refusal(await press(STRANGER, 'svarstid:forward', id))).text).toContain('Jag hittar dig inte');
    expect((await h.app.inquiries.get(id))?.state).toBe('open');
  });

  it('nobody acts on another organization’s inquiries: to them it does not exist', async () => {
    const id = await h.inquiry({ channel: 'chat', account: 'arvidsjaur-chatt' });
    expect((await refusal(await press(ERIK, 'svarstid:claim', id))).text).toBe(`Det finns ingen fråga #${id}. Skriv /svarstid lista för att se dina frågor.`);
    expect((await h.app.inquiries.get(id))?.state).toBe('open');
  });

  it('a button on App Home acts and refreshes Home (there is no message to update)', async () => {
    const id = await h.inquiry();
    const updates = h.fake.callsTo('chat.update').length;
    await h.interact(buttonPayload({ userId: ERIK, actionId: 'svarstid:claim', inquiryId: id, home: true }));
    const home = await eventually(() => h.fake.callsTo('views.publish').find((c) => JSON.stringify(c.params.view).includes(`#${id} – Erik Lind tog frågan.`)));
    expect(home.params.user_id).toBe(ERIK);
    expect(h.fake.callsTo('chat.update')).toHaveLength(updates);
  });

  it('the forward modal without a person is sent back with an error in the person’s language; forged metadata does nothing', async () => {
    const none = await h.interact(submissionPayload({ userId: ERIK, callbackId: 'svarstid:dialog:forward', privateMetadata: '{"inquiryId":1,"lang":"sv"}', values: { to: { to: { type: 'users_select', selected_user: null } } } }));
    expect(JSON.parse(none.text)).toEqual({ response_action: 'errors', errors: { to: 'Välj vem frågan ska skickas vidare till.' } });
    const english = await h.interact(submissionPayload({ userId: ERIK, callbackId: 'svarstid:dialog:forward', privateMetadata: '{"inquiryId":1,"lang":"en"}', values: { to: { to: { type: 'users_select', selected_user: null } } } }));
    expect(JSON.parse(english.text)).toEqual({ response_action: 'errors', errors: { to: 'Choose who the question should go to.' } });
    const id = await h.inquiry();
    const forged = await h.interact(submissionPayload({ userId: ERIK, callbackId: 'svarstid:dialog:forward', privateMetadata: 'not json', values: { to: { to: { type: 'users_select', selected_user: MARIA } } } }));
    expect(forged.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await h.app.inquiries.get(id))?.state).toBe('open');
  });
});
