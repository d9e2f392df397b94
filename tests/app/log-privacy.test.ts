/**
 * Logs never carry citizens' text, authors, raw payloads, tokens or personal data (issue 11, item 11).
 * A real `svarstid serve` (Teams without authentication, replying to a fake connector on 127.0.0.1)
 * gets deliveries and commands carrying a planted personnummer, an author's name, a message phrase and
 * tokens, failing every way we can make them fail: bad JSON, bad payloads, bad signatures, a body too
 * large, unknown ids, chat commands on missing inquiries; on PostgreSQL also an insert the database
 * refuses, a chat action whose write is refused, and connections terminated under load. Every line it
 * writes (stdout and stderr) is read; none may hold any of the planted values.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import { startFakeTeamsConnector } from '../fakes/teams-connector.js';
import { freshPostgresUrl, sqlOnce } from '../support/databases.js';
import { startServed } from '../support/serve-child.js';

const PNR = '19121212-1212'; // Tolvan Tolvansson, the Tax Agency's test personnummer
const AUTHOR = 'Klara Hemligsson';
const PHRASE = 'Sekretessfrasen om grannen';
const API_TOKEN = 'api-token-0f9e8d7c6b5a';
const GENERIC_SECRET = 'generic-secret-a1b2c3d4';
const META_SECRET = 'meta-secret-e5f6a7b8';
const PLANTED = [PNR, '191212121212', '121212-1212', '1212121212', AUTHOR, 'Hemligsson', PHRASE, API_TOKEN, GENERIC_SECRET, META_SECRET];
const TEXT = `Hej, jag heter ${AUTHOR}, mitt personnummer är ${PNR}. ${PHRASE}.`;

function clients(base: string, connectorUrl: string) {
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }).then(async (r) => ({ status: r.status, body: await r.text() }));
  const generic = (body: string, secret = GENERIC_SECRET) => post('/webhooks/generic', body, signGeneric(body, secret, Math.floor(Date.now() / 1000), 'hofors-blogg'));
  const message = (externalId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ account: 'hofors-blogg', external_id: externalId, author: AUTHOR, text: TEXT, received_at: '2026-11-25T09:14:00+01:00', ...extra });
  const meta = (body: string, secret = META_SECRET) => post('/webhooks/meta', body, { 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
  let n = 0;
  const teams = (text: string, from = { id: '29:1hofors-erik', name: 'Erik Lind', aadObjectId: 'aad-erik' }) =>
    post(
      '/api/messages',
      JSON.stringify({
        type: 'message', id: `log-${++n}`, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl: connectorUrl, from, recipient: { id: '28:svarstid-bot', name: 'svarstid' },
        conversation: { id: 'a:personal-erik', conversationType: 'personal', tenantId: 'tenant-hofors' }, channelData: { tenant: { id: 'tenant-hofors' } }, locale: 'sv-SE', text,
      }),
    );
  const api = (path: string, token = API_TOKEN) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
  return { post, generic, message, meta, teams, api };
}

/** What fails the same way on every database: bad input, unknown ids, chat commands on what is not there. */
async function failEveryWay(c: ReturnType<typeof clients>): Promise<void> {
  const statuses: number[] = [];
  const s = async (p: Promise<{ status: number } | number>) => statuses.push(typeof (await p) === 'number' ? ((await p) as number) : ((await p) as { status: number }).status);
  await s(c.generic(`{"account":"hofors-blogg","text":"${TEXT}",`)); // malformed JSON
  await s(c.generic(JSON.stringify({ account: 'hofors-blogg', external_id: PNR, author: { name: AUTHOR, extra: PNR }, text: TEXT, received_at: `${PNR} ${AUTHOR}` }))); // invalid payload
  await s(c.generic(c.message(`k-${PNR}`), 'wrong-secret')); // bad signature
  await s(c.generic(c.message('k-huge', { text: `${TEXT} ${'x'.repeat(1_100_000)}` }))); // too large
  await s(c.generic(c.message(`k-${PNR}`, { account: `konto-${PNR}` }))); // an account the source is not bound to: refused
  await s(c.generic(c.message(`ok-${PNR}`))); // stored
  await s(c.generic(c.message(`ok-${PNR}`))); // redelivered
  await s(c.generic(JSON.stringify({ account: 'hofors-blogg', answers: `saknas-${PNR}`, answered_at: '2026-11-25T10:00:00+01:00' }))); // answers nothing known
  await s(c.meta(JSON.stringify({ object: 'page', entry: [{ id: PNR, time: 1, changes: [{ field: 'feed', value: { from: { id: PNR, name: AUTHOR }, message: TEXT, item: 'comment', verb: 'add' } }] }] })));
  await s(c.meta(`{"object":"page","entry":[{"id":"${PNR}","message":"${TEXT}"`)); // malformed
  await s(c.meta(JSON.stringify({ object: 'page', entry: [] }), 'wrong-secret'));
  await s(c.api(`/api/inquiries/${encodeURIComponent(PNR)}`));
  await s(c.api(`/api/inquiries?organization=${encodeURIComponent(AUTHOR)}&state=${encodeURIComponent(PNR)}`));
  await s(c.api('/api/inquiries', `${API_TOKEN}-${PNR}`)); // a wrong token
  await s(c.teams(`stäng 999 spam ${TEXT}`)); // a missing inquiry
  await s(c.teams(`skicka 999 @${AUTHOR} ${PNR}`));
  await s(c.teams(`ta ${PNR}`));
  await s(c.teams(`lista ${TEXT}`, { id: '29:1someone-else', name: AUTHOR, aadObjectId: 'aad-x' })); // a stranger
  await s(c.post('/api/messages', `{"type":"message","text":"${TEXT}",`)); // malformed activity
  // every one answered (no 5xx among the inputs)
  expect(statuses.filter((x) => x >= 500)).toEqual([]);
}

function expectNothingPlanted(lines: readonly string[]): void {
  const leaks = lines.flatMap((line, i) => PLANTED.filter((p) => line.includes(p)).map((p) => `line ${i + 1} holds "${p}": ${line.slice(0, 400)}`));
  expect(leaks).toEqual([]);
}

const baseEnv = (extra: Record<string, string>) => ({
  SVARSTID_DATA_DIR: mkdtempSync(join(tmpdir(), 'svarstid-logs-')), SVARSTID_API_TOKEN: API_TOKEN, SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: GENERIC_SECRET,
  META_APP_SECRET: META_SECRET, META_VERIFY_TOKEN: 'verify', SVARSTID_TEAMS_NO_AUTH: '1', ...extra,
});

describe('the log of svarstid serve', () => {
  it('on the embedded database holds none of the planted data, however the requests fail', async () => {
    const connector = await startFakeTeamsConnector();
    const served = await startServed(baseEnv({}));
    try {
      await failEveryWay(clients(served.base, connector.url));
      // Teams got its answers (the commands were handled, not dropped)
      expect(connector.calls.length).toBeGreaterThanOrEqual(4);
    } finally {
      await served.stop();
      await connector.close();
    }
    expect(served.lines.length).toBeGreaterThan(3);
    expectNothingPlanted(served.lines);
  });

  if (process.env.TEST_DATABASE_URL)
    it('on PostgreSQL holds none of it either, when inserts are refused, a chat write fails and connections are terminated', async () => {
      const db = await freshPostgresUrl();
      const connector = await startFakeTeamsConnector();
      const served = await startServed(baseEnv({ DATABASE_URL: db.url }));
      try {
        const c = clients(served.base, connector.url);
        await failEveryWay(c);
        const stored = JSON.parse((await c.generic(c.message('to-close'))).body).inquiries[0];
        // the database refuses what carries the phrase, and the 'closed' event of a chat action
        await sqlOnce(db.url, `create function refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`);
        await sqlOnce(db.url, `create trigger refuse_text before insert on inquiries for each row when (new.text like '%Sekretessfrasen%') execute function refuse()`);
        await sqlOnce(db.url, `create trigger refuse_closed before insert on events for each row when (new.type = 'closed') execute function refuse()`);
        expect((await c.generic(c.message(`refused-${PNR}`))).status).toBe(500);
        expect((await c.generic(JSON.stringify({ messages: [JSON.parse(c.message('r-1')), JSON.parse(c.message(`r-${PNR}`))] }))).status).toBe(500);
        await c.teams(`stäng ${stored} spam ${TEXT}`); // fails inside: its write is refused
        // connections terminated while deliveries carrying the data are stored
        await sqlOnce(db.url, 'drop trigger refuse_text on inquiries');
        const load = Promise.all(Array.from({ length: 40 }, (_, k) => c.generic(c.message(`load-${k}-${PNR}`))));
        for (let k = 0; k < 3; k++) {
          await sqlOnce(process.env.TEST_DATABASE_URL!, 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db.name]);
          await new Promise((r) => setTimeout(r, 100));
        }
        expect((await load).every((r) => r.status === 200 || r.status === 503)).toBe(true);
      } finally {
        await served.stop();
        await connector.close();
        await db.drop();
      }
      type Summary = { type?: string; code?: string; cause?: Summary };
      const logged = served.lines.map((l) => { try { return JSON.parse(l) as { msg?: string; err?: Summary; error?: Summary }; } catch { return {}; } });
      const codes = (e: Summary | undefined): string[] => (e ? [...(e.code ? [e.code] : []), ...codes(e.cause)] : []);
      // the failures were logged (so this checks something): the refused insert (the trigger's P0001), the failed chat action
      expect(logged.some((l) => l.msg === 'request failed' && codes(l.err ?? l.error).includes('P0001'))).toBe(true);
      expect(logged.some((l) => /Teams turn failed/.test(l.msg ?? ''))).toBe(true);
      expectNothingPlanted(served.lines);
    });
});
