/**
 * The officers' actions through the REST API (real HTTP, organization tokens), against the platform
 * fakes, on PGlite and PostgreSQL: each action as a named person of the token's organization; a
 * person or an inquiry of another organization is refused and nothing changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TARGETS } from '../support/app-harness.js';
import { startApiHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');

describe.each(TARGETS)('the REST API actions ($name)', ({ target }) => {
  let h: AnswerHarness;
  let hofors: string;
  let arvidsjaur: string;
  let post: Awaited<ReturnType<typeof startApiHarness>>['post'];
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ h, hofors, arvidsjaur, post, close } = await startApiHarness(target, T0));
  });
  afterEach(() => close());

  it('claim, forward and close as a named person; the trail says who', async () => {
    const i = await h.facebookComment('Fråga');
    const claimed = await post(`/api/inquiries/${i.id}/claim`, hofors, { as: 'erik.lind' });
    expect(claimed.status).toBe(200);
    expect(claimed.body.state).toBe('claimed');
    const forwarded = await post(`/api/inquiries/${i.id}/forward`, hofors, { as: 'erik.lind', to: 'maria.ek', reason: 'Du kan det här' });
    expect(forwarded.body).toMatchObject({ state: 'forwarded', assignee_id: await h.person('maria.ek') });
    const closed = await post(`/api/inquiries/${i.id}/close`, hofors, { as: 'maria.ek', reason: 'reklam/spam' });
    expect(closed.body).toMatchObject({ state: 'closed', close_reason: 'reklam/spam' });
    const actors = (await h.app.inquiries.events(i.id)).map((e) => `${e.type}:${e.actor}`);
    expect(actors).toEqual(expect.arrayContaining([`claimed:person:${await h.person('erik.lind')}`, `closed:person:${await h.person('maria.ek')}`]));
  });

  it('reply: posted to the platform and answered, with the answer in the response', async () => {
    const i = await h.facebookComment('När öppnar badet?');
    const r = await post(`/api/inquiries/${i.id}/reply`, hofors, { as: 'erik.lind', text: 'Den 1 december.' });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('answered');
    expect(r.body.answer).toMatchObject({ already: false });
    expect(h.graph.calls('POST', /comments$/)[0]!.body).toEqual({ message: 'Den 1 december.' });
    const again = await post(`/api/inquiries/${i.id}/reply`, hofors, { as: 'erik.lind', text: 'Den 1 december.' });
    expect(again.body.answer.already).toBe(true);
    expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
  });

  it('answer: marked answered without posting', async () => {
    const i = await h.facebookComment('Fråga');
    const r = await post(`/api/inquiries/${i.id}/answer`, hofors, { as: 'erik.lind' });
    expect(r.body.state).toBe('answered');
    expect(h.graph.calls('POST')).toHaveLength(0);
  });

  it('register and tell: the policy’s message with the number and the signature is posted', async () => {
    const i = await h.messenger('Jag vill överklaga beslutet', 'psid-reg');
    const r = await post(`/api/inquiries/${i.id}/register`, hofors, { as: 'erik.lind', case_number: 'KS 2026/17', tell: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ registered: true, case_number: 'KS 2026/17', state: 'answered' });
    const sent = h.graph.calls('POST', /messages$/)[0]!.body.message.text as string;
    expect(sent).toContain('diarienummer KS 2026/17');
    expect(sent.endsWith('Erik Lind, Kommunikatör')).toBe(true);
    const answered = (await h.app.inquiries.events(i.id)).find((e) => e.type === 'answered');
    expect(answered?.data.posted).toMatchObject({ kind: 'registration' });
  });

  it('register without telling: registered, still waiting for an answer', async () => {
    const i = await h.facebookComment('Fråga');
    const r = await post(`/api/inquiries/${i.id}/register`, hofors, { as: 'erik.lind', case_number: 'KS 2026/18' });
    expect(r.body).toMatchObject({ registered: true, state: 'open' });
    expect(h.graph.calls('POST')).toHaveLength(0);
  });

  describe('another organization', () => {
    it("a person of another organization is refused (403) and nothing changes", async () => {
      const i = await h.facebookComment('Fråga');
      const r = await post(`/api/inquiries/${i.id}/claim`, hofors, { as: 'karin.nilsson' });
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('person_not_in_organization');
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    });
    it("another organization's token cannot act on the inquiry, even as its own person (404, nothing posted)", async () => {
      const i = await h.facebookComment('Fråga');
      const r = await post(`/api/inquiries/${i.id}/reply`, arvidsjaur, { as: 'jonas.lundberg', text: 'Hej' });
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('not_found');
      expect(h.graph.calls('POST')).toHaveLength(0);
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    });
  });

  describe('bad input is a 4xx naming the field', () => {
    it.each([
      ['claim', {}, 'as'],
      ['forward', { as: 'erik.lind' }, 'to'],
      ['reply', { as: 'erik.lind', text: '' }, 'text'],
      ['close', { as: 'erik.lind', reason: 'reklam/spam', extra: 1 }, 'body'],
    ])('%s %j', async (action, body, field) => {
      const i = await h.facebookComment('Fråga');
      const r = await post(`/api/inquiries/${i.id}/${action}`, hofors, body);
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('invalid_payload');
      expect(r.body.message).toContain(field === 'body' ? '' : field);
    });
    it('close takes a reason by a short form, as hide and remove do, and stores its full name', async () => {
      const i = await h.facebookComment('Köp billiga klockor här');
      const closed = await post(`/api/inquiries/${i.id}/close`, hofors, { as: 'erik.lind', reason: ' SPAM ' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ state: 'closed', close_reason: 'reklam/spam' });
    });
    it('an unknown reason is 400, a missing token 401, a bad id 400', async () => {
      const i = await h.facebookComment('Fråga');
      expect((await post(`/api/inquiries/${i.id}/close`, hofors, { as: 'erik.lind', reason: 'tråkig' })).status).toBe(400);
      expect((await post(`/api/inquiries/${i.id}/claim`, 'nope', { as: 'erik.lind' })).status).toBe(401);
      expect((await post('/api/inquiries/abc/claim', hofors, { as: 'erik.lind' })).status).toBe(400);
    });
    it('a refused answer is a 4xx with the code, nothing answered', async () => {
      const i = await h.libraryComment('Fråga');
      const r = await post(`/api/inquiries/${i.id}/reply`, hofors, { as: 'erik.lind', text: 'Hej' });
      expect(r.status).toBe(409);
      expect(r.body.error).toBe('no_credentials');
    });
  });
});
