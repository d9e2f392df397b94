/**
 * A generic source's binding is cached per instance (src/inquiries/cached-binding.ts), and the one
 * statement that stores a message checks it still holds. Two instances on one database (PGlite
 * shared in-process, or a fresh PostgreSQL database): instance `two` has the binding cached, instance
 * `one` changes the directory; what `two` then does is what the new directory says, at once.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../src/db/connection.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { freshPostgresUrl } from '../support/databases.js';
import { startTenancyHarness, type TenancyHarness } from '../support/tenancy-harness.js';

const at = (local: string): number => new Date(`${local}+01:00`).getTime();
const SHARED: Array<{ name: string; make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }> = [
  {
    name: 'PGlite',
    make: async () => {
      const database = await openDatabase({ memory: true });
      return { target: { open: { ...database, close: async () => {} } }, drop: () => database.close() };
    },
  },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', make: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url } as DatabaseTarget, drop }; } }] : []),
];

let n = 0;
const comment = (account: string, extra: Record<string, unknown> = {}) => ({
  account, external_id: `c-${++n}`, author: 'Anna Lindqvist', text: 'När plogas Storgatan?', received_at: '2026-11-25T09:14:00+01:00', ...extra,
});
const hofors = () => readFile('directory/hofors.yaml', 'utf8');

describe.each(SHARED)('a cached source binding, two instances on $name', ({ make }) => {
  let one: TenancyHarness;
  let two: TenancyHarness;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const shared = await make();
    drop = shared.drop;
    const o = { time: at('2026-11-25T09:15'), orgs: ['hofors', 'arvidsjaur'] };
    one = await startTenancyHarness(async () => ({ target: shared.target }), o);
    two = await startTenancyHarness(async () => ({ target: shared.target }), o);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await drop?.();
  });

  const apply = async (text: string) => one.app.directory.applyDirectory(parseDirectory(text, 'hofors.yaml'));
  /** 403 with `code`, and not one row more in the deployment */
  async function refusedBy(h: TenancyHarness, source: string, body: unknown, code: string): Promise<void> {
    const before = await h.all();
    const r = await h.generic(source, body);
    expect(r).toMatchObject({ status: 403, body: { error: code } });
    expect(await one.all()).toEqual(before);
  }

  it('warms the cache: two stores for both sources, and a redelivery through the cache is a duplicate', async () => {
    const first = comment('hofors-chatt');
    expect((await two.generic('hofors-chatt', first)).body).toMatchObject({ received: 1 });
    expect((await two.generic('hofors-chatt', first)).body).toMatchObject({ received: 0, duplicates: 1 });
    expect((await two.generic('hofors-blogg', comment('hofors-blogg'))).body).toMatchObject({ received: 1 });
  });

  it('a binding the other instance took away is refused at once, nothing stored', async () => {
    await apply((await hofors()).replace('  - { name: hofors-chatt, accounts: [chatt] }\n', ''));
    await refusedBy(two, 'hofors-chatt', comment('hofors-chatt'), 'account_not_bound');
    // and a redelivery of a message stored before is refused too: the source no longer serves the account
    await refusedBy(two, 'hofors-chatt', { ...comment('hofors-chatt'), external_id: 'c-1' }, 'account_not_bound');
  });

  it('an account the other instance bound since is served at once (a refusal from the cache is read again)', async () => {
    await apply((await hofors()).replace('{ name: hofors-blogg, accounts: [blogg] }', '{ name: hofors-blogg, accounts: [blogg, chatt] }'));
    const r = await two.generic('hofors-blogg', comment('hofors-chatt'));
    expect(r).toMatchObject({ status: 200, body: { received: 1 } });
    expect((await two.api(`/api/inquiries/${r.body.inquiries[0]}`, two.tokens.hofors)).body).toMatchObject({ organization: 'hofors', channel: 'chat' });
  });

  it('an account whose channel the other instance changed is stored on its new channel', async () => {
    expect((await two.generic('hofors-blogg', comment('hofors-chatt'))).status).toBe(200); // cached: chatt is a chat account
    await apply((await hofors()).replace('channel: chat, external_id: hofors-chatt', 'channel: blog, external_id: hofors-chatt').replace('{ name: hofors-blogg, accounts: [blogg] }', '{ name: hofors-blogg, accounts: [blogg, chatt] }'));
    const r = await two.generic('hofors-blogg', comment('hofors-chatt'));
    expect(r.status).toBe(200);
    expect((await two.api(`/api/inquiries/${r.body.inquiries[0]}`, two.tokens.hofors)).body).toMatchObject({ channel: 'blog' });
  });

  it('an account the other instance removed is refused, and no inquiry lands on it', async () => {
    expect((await two.generic('hofors-blogg', comment('hofors-blogg'))).status).toBe(200); // cached
    const text = (await hofors())
      .replace(/ {2}- \{ key: blogg,.*\n/, '')
      .replace('{ name: hofors-blogg, accounts: [blogg] }', '{ name: hofors-blogg, accounts: [chatt] }');
    await apply(text);
    await refusedBy(two, 'hofors-blogg', comment('hofors-blogg'), 'account_not_bound');
  });

  it('a second account with the same platform id bound since makes a message without a channel ambiguous, as a fresh lookup says', async () => {
    await apply(await hofors());
    expect((await two.generic('hofors-chatt', comment('hofors-chatt'))).status).toBe(200); // cached: one account
    await apply((await hofors())
      .replace('accounts:\n', 'accounts:\n  - { key: chatt2, name: Chatten som blogg, channel: blog, external_id: hofors-chatt, responsible: erik.lind, manager: anna.berg }\n')
      .replace('{ name: hofors-chatt, accounts: [chatt] }', '{ name: hofors-chatt, accounts: [chatt, chatt2] }'));
    await refusedBy(two, 'hofors-chatt', comment('hofors-chatt'), 'account_ambiguous');
    expect((await two.generic('hofors-chatt', comment('hofors-chatt', { channel: 'chat' }))).status).toBe(200);
  });
});
