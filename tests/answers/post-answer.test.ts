/**
 * Answer posting against the platform fakes (real HTTP, the platforms' wire formats), on PGlite and
 * PostgreSQL: each channel's answer goes where the citizen wrote and the inquiry is answered with the
 * text, the reply id and the officer in its trail; refusals change nothing; a lost confirmation is
 * retried without posting twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerError } from '../../src/answers/errors.js';
import { exportInquiries } from '../../src/db/export-store.js';
import { TARGETS } from '../support/app-harness.js';
import { PAGE, X_ACCOUNT, CITIZEN_X, startAnswerHarness, type AnswerHarness } from '../support/answer-harness.js';

const T0 = Date.parse('2026-11-25T09:00:00+01:00');
const HOUR = 3_600_000;
const SIGNED = 'Badet öppnar den 1 december.\n\nErik Lind, Kommunikatör';

describe.each(TARGETS)('answer posting ($name)', ({ target }) => {
  let h: AnswerHarness;
  let drop: (() => Promise<void>) | undefined;
  let erik: number;
  beforeEach(async () => {
    const t = await target();
    drop = t.drop;
    h = await startAnswerHarness(t.target, T0);
    erik = await h.person('erik.lind');
  });
  afterEach(async () => {
    await h.close();
    await drop?.();
  });

  async function answered(id: number) {
    const events = await h.app.inquiries.events(id);
    return events.find((e) => e.type === 'answered');
  }

  describe('when an officer answers a Facebook comment', () => {
    it('replies to the comment and the inquiry is answered with the text, the reply id and the officer', async () => {
      const i = await h.facebookComment('När öppnar badet?');
      h.time += 10 * 60_000;
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: SIGNED });
      const calls = h.graph.calls('POST', new RegExp(`^${i.externalId}/comments$`));
      expect(calls).toHaveLength(1);
      expect(calls[0]!.body).toEqual({ message: SIGNED });
      expect(calls[0]!.token).toBe(PAGE.token);
      expect(out.inquiry.state).toBe('answered');
      expect(out.inquiry.answeredAt).toBe(h.time);
      const e = await answered(i.id);
      expect(e?.actor).toBe(`person:${erik}`);
      expect(e?.data.posted).toMatchObject({ text: SIGNED, replyId: out.posted.replyId, via: 'comment', kind: 'answer' });
      expect(String((e?.data.posted as { url: string }).url)).toContain('comment_id=');
      const exported = [];
      for await (const x of exportInquiries(h.app.database.db, { from: T0 - HOUR, to: h.time + HOUR, orgId: 'hofors' })) exported.push(x);
      expect(exported.find((x) => x.id === i.id)?.answers).toEqual([
        { id: out.answerId, kind: 'answer', text: SIGNED, officer: 'Erik Lind', actor: `person:${erik}`, reply_id: out.posted.replyId, reply_url: out.posted.url, posted_at: new Date(h.time).toISOString() },
      ]);
    });
  });

  describe('when an officer answers a Messenger message', () => {
    it('within 24 hours: the Send API with messaging_type RESPONSE', async () => {
      const i = await h.messenger('Hej, hur söker jag bygglov?', 'psid-olle');
      h.time += 2 * HOUR;
      await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Du söker på hofors.se/bygglov.' });
      const [call] = h.graph.calls('POST', new RegExp(`^${PAGE.id}/messages$`));
      expect(call!.body).toEqual({ recipient: { id: 'psid-olle' }, messaging_type: 'RESPONSE', message: { text: 'Du söker på hofors.se/bygglov.' } });
      expect((await h.app.inquiries.get(i.id))!.state).toBe('answered');
    });
    it('after 24 hours and within 7 days: MESSAGE_TAG HUMAN_AGENT, where the page has it', async () => {
      const i = await h.messenger('Hej igen', 'psid-sen');
      h.time += 30 * HOUR;
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Förlåt dröjsmålet.' });
      const [call] = h.graph.calls('POST', /messages$/);
      expect(call!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
      expect(out.posted.via).toBe('HUMAN_AGENT');
    });
    it('after 7 days: nothing is sent, nothing is answered, the officer is told the window is closed', async () => {
      const i = await h.messenger('Hallå', 'psid-gammal');
      h.time += 8 * 24 * HOUR;
      const e = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar' }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AnswerError);
      expect((e as AnswerError).code).toBe('window_closed');
      expect(h.graph.calls('POST', /messages$/)).toHaveLength(0);
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    });
  });

  describe('when an officer answers an Instagram comment', () => {
    it('posts a reply to the comment', async () => {
      const i = await h.instagramComment('Öppettider?');
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Vardagar 10–18.' });
      expect(h.graph.calls('POST', new RegExp(`^${i.externalId}/replies$`))[0]!.body).toEqual({ message: 'Vardagar 10–18.' });
      expect(out.posted.via).toBe('reply');
      expect(out.inquiry.state).toBe('answered');
    });
  });

  describe('when an officer answers on X', () => {
    it('a post: a reply post with reply.in_reply_to_tweet_id', async () => {
      const i = await h.xPost(`@${X_ACCOUNT.username} när töms soporna?`);
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'På tisdagar.' });
      const [call] = h.x.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets');
      expect(call!.body).toEqual({ text: 'På tisdagar.', reply: { in_reply_to_tweet_id: i.externalId } });
      expect(call!.userId).toBe(X_ACCOUNT.id);
      expect(out.posted.url).toBe(`https://x.com/i/web/status/${out.posted.replyId}`);
    });
    it('a DM: POST /2/dm_conversations/with/{participant}/messages', async () => {
      const i = await h.xDm('Hej, fråga om bygglov');
      await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Ring oss.' });
      const [call] = h.x.requests.filter((r) => r.method === 'POST' && r.path === `/2/dm_conversations/with/${CITIZEN_X.id}/messages`);
      expect(call!.body).toEqual({ text: 'Ring oss.' });
    });
    it('a post longer than X counts 280: refused before any call, with the limit', async () => {
      const i = await h.xPost(`@${X_ACCOUNT.username} fråga`);
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'å'.repeat(281) }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('too_long');
      expect(e.detail).toEqual({ limit: 280, length: 281 });
      expect(h.x.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    });
    it('a reply the author did not summon (the self-serve rule): refused, not answered, not retried', async () => {
      const i = await h.xPost('soporna luktar i Hofors'); // no mention of the account
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Vi tittar på det.' }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('platform_not_allowed');
      expect(h.x.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets')).toHaveLength(1);
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    });
  });

  describe('when an officer answers a generic source (the blog)', () => {
    it('posts a signed callback to the source, with the answer id', async () => {
      const i = await h.blogComment('Fin text!');
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Tack!' });
      expect(h.callbacks).toHaveLength(1);
      const cb = h.callbacks[0]!;
      expect(cb.verified).toBe(true);
      expect(cb.headers['x-svarstid-source']).toBe('hofors-blogg');
      expect(cb.headers['x-svarstid-answer-id']).toBe(String(out.answerId));
      expect(cb.body).toMatchObject({ type: 'answer', answer_id: out.answerId, inquiry_id: i.id, account: 'hofors-bloggen', in_reply_to: i.externalId, text: 'Tack!' });
      expect(out.posted).toMatchObject({ replyId: 'blog-reply-1', url: 'https://blogg.hofors.se/svar/1', via: 'callback' });
    });
  });

  describe('when the platform refuses', () => {
    it('an expired page token (190): the officer is told, nothing is answered', async () => {
      const i = await h.facebookComment('Fråga');
      h.graph.expire(PAGE.token);
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar' }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('platform_token_invalid');
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
      expect((await h.app.inquiries.events(i.id)).map((x) => x.type)).not.toContain('answered');
    });
    it('an account without a token: no_credentials naming the variable, no call', async () => {
      const i = await h.libraryComment('Fråga till biblioteket');
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar' }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('no_credentials');
      expect(e.detail.message).toMatch(/HOFORS_LIBRARY_TOKEN is not set/);
      expect(h.graph.calls('POST')).toHaveLength(0);
    });
    it('a rate limit longer than svarstid waits (X 429 with x-rate-limit-reset): told to wait, nothing posted', async () => {
      const i = await h.xPost(`@${X_ACCOUNT.username} fråga`);
      h.x.limit('POST /2/tweets', 0); // spent: 429 until the window's x-rate-limit-reset, 15 minutes on
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar' }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('platform_rate_limited');
      expect(e.detail.retryAfterMs).toBeGreaterThanOrEqual(590_000);
      expect((await h.app.inquiries.get(i.id))!.state).toBe('open');
    });
  });

  describe('when the confirmation is lost after the platform posted (5xx, a dropped connection)', () => {
    it('Facebook: the retry finds the reply on the platform and posts nothing twice', async () => {
      const i = await h.facebookComment('Fråga');
      h.graph.failAfterNext({ status: 500, body: { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true } } }, { method: 'POST', path: /comments$/ });
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar en gång' });
      expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
      expect(h.graph.state.comments.get(out.posted.replyId)?.message).toBe('Svar en gång');
      expect([...h.graph.state.comments.values()].filter((c) => c.message === 'Svar en gång')).toHaveLength(1);
      expect(out.inquiry.state).toBe('answered');
    });
    it('X: a dropped connection after the post; the retry finds the post in the account’s timeline', async () => {
      const i = await h.xPost(`@${X_ACCOUNT.username} fråga`);
      h.x.failAfterNext('drop', { method: 'POST', path: /^\/2\/tweets$/ });
      const out = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar på X' });
      expect([...h.x.state.posts.values()].filter((p) => p.text === 'Svar på X')).toHaveLength(1);
      expect(out.posted.replyId).toBe([...h.x.state.posts.values()].find((p) => p.text === 'Svar på X')!.id);
    });
    it('a transient failure before the platform posted is retried and posts once', async () => {
      const i = await h.messenger('Fråga', 'psid-retry');
      h.graph.failNext({ status: 503, body: { error: { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2, is_transient: true } } }, { method: 'POST', path: /messages$/ });
      await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar' });
      expect(h.graph.calls('POST', /messages$/)).toHaveLength(2);
      expect([...h.graph.state.conversations.values()].flatMap((c) => c.messages).filter((m) => m.message === 'Svar')).toHaveLength(1);
    });
    it('the same answer asked for again (a second press, a redelivery) is not posted again', async () => {
      const i = await h.facebookComment('Fråga');
      const first = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Ett svar' });
      const again = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Ett svar' });
      expect(again.already).toBe(true);
      expect(again.answerId).toBe(first.answerId);
      expect(h.graph.calls('POST', /comments$/)).toHaveLength(1);
    });
  });

  describe('who may answer', () => {
    it('a person of the organization only: an unknown person is refused', async () => {
      const i = await h.facebookComment('Fråga');
      await expect(h.app.answer({ inquiryId: i.id, personId: 999_999, text: 'x' })).rejects.toMatchObject({ code: 'unknown_person' });
      expect(h.graph.calls('POST')).toHaveLength(0);
    });
  });

  describe('when the policy requires the signature (Nässjö 5)', () => {
    it('refuses an answer that does not end with it, and takes one that does', async () => {
      await h.close();
      const t = await target();
      drop = t.drop;
      const policy = (await import('node:fs')).readFileSync('policies/hofors.yaml', 'utf8').replace('signature: "{namn}, {titel}"\n  required: false', 'signature: "{förnamn}, {titel}"\n  required: true');
      h = await startAnswerHarness(t.target, T0, { policy });
      erik = await h.person('erik.lind');
      const i = await h.facebookComment('Fråga');
      const e = (await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar utan namn' }).catch((x: unknown) => x)) as AnswerError;
      expect(e.code).toBe('signature_missing');
      expect(e.detail.signature).toBe('Erik, Kommunikatör');
      expect(h.graph.calls('POST')).toHaveLength(0);
      const ok = await h.app.answer({ inquiryId: i.id, personId: erik, text: 'Svar.\n\nErik, Kommunikatör' });
      expect(ok.inquiry.state).toBe('answered');
    });
  });
});
