/**
 * Tenancy, generic sources: a source's signature proves only its name; the directory binds it to
 * accounts of its own organization. On real HTTP with real signatures, on PGlite and PostgreSQL, in a
 * deployment of Hofors, Arvidsjaur and Nässjö (the seed policies and directories).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDirectory } from '../../src/people/directory-file.js';
import { TARGETS } from '../support/app-harness.js';
import { facebookComment, startTenancyHarness, type TenancyHarness } from '../support/tenancy-harness.js';

/** Stockholm wall-clock time in November (CET, +01:00) */
const at = (local: string): number => new Date(`${local}+01:00`).getTime();
const NASSJO_PAGE = '104000000000301';
const HOFORS_PAGE = '104000000000001';

let n = 0;
const comment = (account: string, extra: Record<string, unknown> = {}) => ({
  account, external_id: `k-${++n}`, author: 'Anna Lindqvist', text: 'När plogas Storgatan?', received_at: '2026-11-25T09:14:00+01:00', ...extra,
});

describe.each(TARGETS)('generic sources bound to accounts, on $name', ({ target }) => {
  let h: TenancyHarness;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: at('2026-11-25T09:15'), orgs: ['hofors', 'arvidsjaur', 'nassjo'] });
  });
  afterAll(() => h?.close());

  /** a delivery that must be refused whole: 403 with `code`, naming `account`, and nothing stored */
  async function refused(source: string, body: unknown, code: string, account: string): Promise<void> {
    const before = await h.all();
    const r = await h.generic(source, body);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: code });
    expect(r.body.message).toContain(`"${account}"`);
    expect(await h.all()).toEqual(before);
  }

  describe('when a source posts for the account the directory binds to it', () => {
    it('stores the message in its organization, on the account’s channel, with the source as the actor', async () => {
      const r = await h.generic('hofors-blogg', comment('hofors-blogg'));
      expect(r).toMatchObject({ status: 200, body: { received: 1 } });
      const got = (await h.api(`/api/inquiries/${r.body.inquiries[0]}`, h.tokens.hofors)).body;
      // Wed 09:14 + 1 working day = Thu 26 November 09:14 CET
      expect(got).toMatchObject({ organization: 'hofors', channel: 'blog', source: 'generic', deadline: '2026-11-26T08:14:00.000Z' });
      expect(got.events.map((e: any) => [e.type, e.actor])).toEqual([['received', 'source:generic:hofors-blogg']]);
    });

    it('and leaves out the channel: the account’s channel is used (chat, not the old default blog)', async () => {
      const r = await h.generic('hofors-chatt', comment('hofors-chatt'));
      expect(r.status).toBe(200);
      expect((await h.api(`/api/inquiries/${r.body.inquiries[0]}`, h.tokens.hofors)).body).toMatchObject({ organization: 'hofors', channel: 'chat' });
    });

    it('and says a message was answered: the inquiry is answered, and the trail names the generic source', async () => {
      const q = comment('hofors-blogg');
      const id = (await h.generic('hofors-blogg', q)).body.inquiries[0];
      const r = await h.generic('hofors-blogg', { account: 'hofors-blogg', answers: q.external_id, answered_at: '2026-11-25T10:02:00+01:00' });
      expect(r).toMatchObject({ status: 200, body: { answered: 1 } });
      const got = (await h.api(`/api/inquiries/${id}`, h.tokens.hofors)).body;
      expect(got.state).toBe('answered');
      expect(got.events.map((e: any) => [e.type, e.actor])).toEqual([['received', 'source:generic:hofors-blogg'], ['answered', 'source:generic:hofors-blogg']]);
    });
  });

  describe('when a source posts for another organization’s account', () => {
    it('hofors-blogg cannot create an inquiry in Arvidsjaur’s blog: 403 naming the account, nothing stored', async () => {
      await refused('hofors-blogg', comment('arvidsjaur-blogg'), 'account_not_bound', 'arvidsjaur-blogg');
    });

    it('hofors-blogg cannot forge a Facebook inquiry on Nässjö’s page', async () => {
      await refused('hofors-blogg', comment(NASSJO_PAGE, { channel: 'facebook' }), 'account_not_bound', NASSJO_PAGE);
      await refused('hofors-blogg', comment(NASSJO_PAGE), 'account_not_bound', NASSJO_PAGE);
    });

    it('hofors-blogg cannot mark Nässjö’s real Meta inquiry answered; it stays open with its Meta trail', async () => {
      const { body, commentId } = facebookComment(NASSJO_PAGE, { createdTime: at('2026-11-25T09:10') });
      const id = (await h.meta(body)).body.inquiries[0];
      await refused('hofors-blogg', { account: NASSJO_PAGE, channel: 'facebook', answers: commentId, answered_at: '2026-11-25T09:30:00+01:00' }, 'account_not_bound', NASSJO_PAGE);
      const got = (await h.api(`/api/inquiries/${id}`, h.tokens.nassjo)).body;
      expect(got).toMatchObject({ organization: 'nassjo', state: 'open', answered_at: null });
      expect(got.events.map((e: any) => [e.type, e.actor])).toEqual([['received', 'source:meta']]);
    });
  });

  describe('when a source posts for a platform channel’s account of its own organization', () => {
    it('is refused: Facebook, Messenger, Instagram and X come only through their platforms’ webhooks', async () => {
      await refused('hofors-blogg', comment(HOFORS_PAGE, { channel: 'facebook' }), 'account_not_bound', HOFORS_PAGE);
      await refused('hofors-blogg', comment(HOFORS_PAGE, { channel: 'messenger' }), 'account_not_bound', HOFORS_PAGE);
      await refused('hofors-blogg', comment('1400000000000000001', { channel: 'x' }), 'account_not_bound', '1400000000000000001');
    });
  });

  describe('when the body names a channel the account is not', () => {
    it('is refused with 403 channel_mismatch, naming the account', async () => {
      await refused('hofors-blogg', comment('hofors-blogg', { channel: 'chat' }), 'channel_mismatch', 'hofors-blogg');
    });
  });

  describe('when one item of a batch is for an account the source may not post for', () => {
    it('refuses the whole delivery and stores none of it', async () => {
      const batch = { messages: [comment('hofors-blogg'), comment('hofors-blogg'), comment('arvidsjaur-blogg')] };
      await refused('hofors-blogg', batch, 'account_not_bound', 'arvidsjaur-blogg');
    });
  });

  describe('when a source has a secret but no directory binds it', () => {
    it('can post for no account at all', async () => {
      await refused('gavle-blogg', comment('hofors-blogg'), 'account_not_bound', 'hofors-blogg');
    });
  });

  describe('when two organizations have accounts with the same external id on different channels', () => {
    beforeAll(async () => {
      // Arvidsjaur gets a second blog whose platform id is the same text as Hofors' chat account's
      const text = `${await (await import('node:fs/promises')).readFile('directory/arvidsjaur.yaml', 'utf8')}`
        .replace('accounts:\n', 'accounts:\n  - { key: blogg2, name: Andra bloggen, channel: blog, external_id: hofors-chatt, responsible: jonas.lundberg, manager: karin.nilsson }\n')
        .replace('{ name: arvidsjaur-blogg, accounts: [blogg] }', '{ name: arvidsjaur-blogg, accounts: [blogg, blogg2] }');
      await h.app.directory.applyDirectory(parseDirectory(text, 'arvidsjaur.yaml'));
    });

    it('a message never lands on the other organization’s account, with or without a channel', async () => {
      const own = await h.generic('hofors-chatt', comment('hofors-chatt'));
      expect((await h.api(`/api/inquiries/${own.body.inquiries[0]}`, h.tokens.hofors)).body).toMatchObject({ organization: 'hofors', channel: 'chat' });
      await refused('hofors-chatt', comment('hofors-chatt', { channel: 'blog' }), 'channel_mismatch', 'hofors-chatt');
      const theirs = await h.generic('arvidsjaur-blogg', comment('hofors-chatt'));
      expect((await h.api(`/api/inquiries/${theirs.body.inquiries[0]}`, h.tokens.arvidsjaur)).body).toMatchObject({ organization: 'arvidsjaur', channel: 'blog' });
      await refused('arvidsjaur-blogg', comment('hofors-chatt', { channel: 'chat' }), 'channel_mismatch', 'hofors-chatt');
    });
  });

  describe('when the directory takes a binding away', () => {
    it('the source can no longer post for that account', async () => {
      const text = (await (await import('node:fs/promises')).readFile('directory/hofors.yaml', 'utf8')).replace('  - { name: hofors-chatt, accounts: [chatt] }\n', '');
      await h.app.directory.applyDirectory(parseDirectory(text, 'hofors.yaml'));
      await refused('hofors-chatt', comment('hofors-chatt'), 'account_not_bound', 'hofors-chatt');
      expect((await h.generic('hofors-blogg', comment('hofors-blogg'))).status).toBe(200);
    });
  });
});
