/**
 * Invokes, answered in the HTTP response: adaptiveCard/action (Universal Actions, Action.Execute)
 * runs the same commands as the cards' Action.Submit and answers with the updated card; an invoke
 * svarstid does not handle is answered 400 naming it (never botbuilder's 501); a redelivered invoke
 * is not run twice. Every answer is validated as Teams would read it (tests/fakes/validate/teams.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../support/calendar-builder.js';
import { ERIK, STRANGER, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness.js';

describe('Teams invokes', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
    await h.say(ERIK, 'hej');
  });
  afterAll(() => h.close());

  const execute = (from: TeamsUser, action: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    h.post(h.activity(from, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', ...action }, trigger: 'manual' }, ...extra }));

  describe('adaptiveCard/action', () => {
    it('a claim answers with the inquiry\'s card as it is now, buttons left', async () => {
      const id = await h.comment('execute-claim');
      const res = await execute(ERIK, { verb: 'claim', data: { inquiryId: id } });
      expect(res).toMatchObject({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } } });
      expect(res.body.value.body[0].inlines[0].text).toBe(`#${id} – Erik Lind tog frågan.`);
      expect(res.body.value.actions.map((a: any) => a.title)).toEqual(['Skicka vidare', 'Besvarad', 'Stäng', 'Diarieför']);
      expect((await h.app.inquiries.get(id))!.state).toBe('claimed');
    });

    it('the data of an Action.Submit card works the same (svarstid names the action, inputs beside it)', async () => {
      const id = await h.comment('execute-close');
      const res = await execute(ERIK, { verb: 'x', data: { svarstid: 'close', inquiryId: id, 'close.reason': 'reklam/spam', 'close.note': 'köp klockor' } });
      expect(res.body.value.body[0].inlines[0].text).toBe(`#${id} – Erik Lind stängde frågan (reklam/spam): köp klockor`);
    });

    it('a refusal is a message to show, in words', async () => {
      const id = await h.comment('execute-twice');
      await execute(ERIK, { verb: 'done', data: { inquiryId: id } });
      const res = await execute(ERIK, { verb: 'close', data: { inquiryId: id, 'close.reason': 'annat' } });
      expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `Fråga #${id} är redan besvarad, så den kan inte stängas.` });
    });

    it('a missing input is asked for; a foreign value is a 400 with the error response', async () => {
      const id = await h.comment('execute-missing');
      expect((await execute(ERIK, { verb: 'forward', data: { inquiryId: id } })).body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Välj vem frågan ska skickas vidare till.' });
      expect(await execute(ERIK, { verb: 'delete', data: { inquiryId: id } })).toMatchObject({ status: 400, body: { error: 'invalid_action', statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } } });
      expect(await execute(ERIK, {})).toMatchObject({ status: 400, body: { error: 'invalid_action', statusCode: 400, type: 'application/vnd.microsoft.error' } });
      expect((await h.app.inquiries.get(id))!.state).toBe('open');
    });

    it('someone not in the directory is told so, and nothing changes', async () => {
      const id = await h.comment('execute-stranger');
      const res = await execute(STRANGER, { verb: 'claim', data: { inquiryId: id } });
      expect(res.body.value).toContain('Jag hittar dig inte');
      expect((await h.app.inquiries.get(id))!.state).toBe('open');
    });

    it('the same invoke delivered twice is run once', async () => {
      const id = await h.comment('execute-redelivered');
      const activity = h.activity(ERIK, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'claim', data: { inquiryId: id } } } });
      expect((await h.post(activity)).body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect((await h.post(activity)).body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Det är redan gjort.' });
      const claims = (await h.app.inquiries.events(id)).filter((e) => e.type === 'claimed');
      expect(claims).toHaveLength(1);
    });
  });

  it.each(['composeExtension/query', 'task/fetch', 'signin/verifyState', ''])('an invoke svarstid does not handle (%j) is a 400 naming it, not a 501', async (name) => {
    const res = await h.post(h.activity(ERIK, { type: 'invoke', name, value: {} }));
    expect(res).toMatchObject({ status: 400, body: { error: 'unsupported_activity' } });
    expect(res.body.message).toContain('svarstid does not handle the invoke');
  });
});
