/**
 * Catch-up's other paths, against the fakes on PGlite and PostgreSQL: two instances on one database
 * reconcile an account once; Meta's usage headers and X's rate-limit windows make a run stop and wait
 * as long as the platform says; an expired page token skips the account with a log line naming its
 * key (never the token) and one notice to the managers; a webhook gone silent, and a page the app no
 * longer subscribes to, are told once per cause until they recover.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderNotification } from '../../adapters/chat-text/index.js';
import { inquiries } from '../../src/db/schema.js';
import { metaHeaders } from '../support/app-harness.js';
import { at } from '../support/calendar-builder.js';
import { PAGE_ID, PAGE_TOKEN, SHARED_DATABASES, world, type World } from '../support/catchup-harness.js';
import { GRAPH_ERRORS } from '../fakes/graph-api/errors.js';
import { feedCommentBody } from './webhook-bodies.js';
import { metrics } from '../../src/metrics.js';

const KARIN = { id: '7391028475610293', name: 'Karin Svensson' };
const MIN = 60_000;

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

/** svarstid_reconciliation_total's samples, by "source/result" */
const reconciled = async (): Promise<Map<string, number>> => new Map((await metrics.reconciliation.get()).values.map((v) => [`${v.labels.source}/${v.labels.result}`, v.value]));
const grown = (before: Map<string, number>, after: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)]).filter(([, d]) => d !== 0));

const notices = (w: World) => w.notifier.sent.filter((s) => s.notification.type === 'catchup_notice').map((s) => `${s.to.name}:${s.notification.type === 'catchup_notice' ? `${s.notification.cause}:${s.notification.accountName}` : ''}`);

for (const db of SHARED_DATABASES) {
  describe(`catch-up (${db.name})`, () => {
    it('two instances on one database reconcile each account once', async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      const post = w.graph.state.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      w.graph.state.addComment(post.id, KARIN, 'Hej, när öppnar biblioteket?', at('2026-11-24T08:10'));
      const [one, two] = [await w.start('instance-1'), await w.start('instance-2')];
      const [a, b] = await Promise.all([one.app.catchup!(w.time, { startup: true }), two.app.catchup!(w.time, { startup: true })]);
      expect(a.ran + b.ran).toBe(4); // facebook, messenger, instagram, x: each by one instance
      expect(a.created + b.created).toBe(1);
      expect(w.graph.calls('GET', /\/feed$/)).toHaveLength(1);
      expect(w.graph.calls('GET', /\/conversations$/).map((c) => c.query.platform).sort()).toEqual(['instagram', 'messenger']);
      expect(w.x.calls('GET', /\/mentions$/)).toHaveLength(1);
      expect(w.x.calls('GET', /\/dm_events$/)).toHaveLength(1);
      expect(await one.app.database.db.select().from(inquiries)).toHaveLength(1);
      // within the interval, neither runs them again; after it, one of them does
      w.time += 10 * MIN;
      const again = await Promise.all([one.app.catchup!(w.time), two.app.catchup!(w.time)]);
      expect(again[0].ran + again[1].ran).toBe(0);
      w.time += 6 * MIN;
      const later = await Promise.all([one.app.catchup!(w.time), two.app.catchup!(w.time)]);
      expect(later[0].ran + later[1].ran).toBe(4);
      expect(w.graph.calls('GET', /\/feed$/)).toHaveLength(2);
    });

    it('stops at 90 % of Meta usage and waits the Business Use Case time; an 80001 throttle likewise', async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      const post = w.graph.state.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      w.graph.state.addComment(post.id, KARIN, 'Hej, när öppnar biblioteket?', at('2026-11-24T08:10'));
      const app = (await w.start()).app;
      w.graph.usage = { call_count: 95, total_time: 40, total_cputime: 30, estimated_time_to_regain_access: 20 };
      const counted = await reconciled();
      const first = await app.catchup!(w.time, { startup: true });
      expect(first.outcomes.get('hofors/facebook')).toMatchObject({ ran: true, stopped: 'rate_limited', created: 0 });
      // svarstid_reconciliation_total counts each account's run by platform and result
      const stopped = [...first.outcomes.values()].filter((o) => o.ran && o.stopped === 'rate_limited').length;
      expect(grown(counted, await reconciled())).toEqual({ 'meta/rate_limited': stopped, ...(first.ran > stopped && { 'x/ok': first.ran - stopped }) });
      const feedCalls = () => w!.graph.calls('GET', /\/feed$/).length + w!.graph.calls('GET', /subscribed_apps$/).length;
      const before = feedCalls();
      w.graph.usage = { call_count: 5, total_time: 3, total_cputime: 2 };
      // 19 minutes later: still waiting, even on a start
      w.time += 19 * MIN;
      expect((await app.catchup!(w.time, { startup: true })).outcomes.get('hofors/facebook')).toEqual({ ran: false, why: 'not_due' });
      expect(feedCalls()).toBe(before);
      w.time += 2 * MIN;
      const beforeFound = await reconciled();
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ ran: true, created: 1 });
      expect(grown(beforeFound, await reconciled())['meta/found']).toBe(1);
      // a throttle error (80001) waits at least a minute
      w.graph.failNext({ status: 400, body: GRAPH_ERRORS.pageRateLimit }, { path: /\/feed$/ });
      w.time += 16 * MIN;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ stopped: 'rate_limited' });
      w.time += 30_000;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toEqual({ ran: false, why: 'not_due' });
      w.time += 31_000;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ ran: true });
    });

    it("waits for X's rate-limit window when the mentions endpoint answers 429, and reads on after the reset", async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      w.x.state.addUser({ id: '1187345520741916672', username: 'annalindqvist_', name: 'Anna Lindqvist' });
      const mention = w.x.state.addPost('1187345520741916672', '@hoforskommun när öppnar badhuset?', at('2026-11-24T08:30'));
      const app = (await w.start()).app;
      w.x.limit('GET /2/users/:id/mentions', 0);
      const first = await app.catchup!(w.time, { startup: true });
      expect(first.outcomes.get('hofors/x')).toMatchObject({ ran: true, stopped: 'rate_limited' });
      const calls = w.x.calls('GET', /\/mentions$/).length;
      w.x.limit('GET /2/users/:id/mentions', 100);
      w.time += 14 * MIN; // the window resets 15 minutes after its first call
      expect((await app.catchup!(w.time)).outcomes.get('hofors/x')).toEqual({ ran: false, why: 'not_due' });
      expect(w.x.calls('GET', /\/mentions$/)).toHaveLength(calls);
      w.time += 2 * MIN;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/x')).toMatchObject({ ran: true, created: 1 });
      const rows = await app.database.db.select().from(inquiries);
      expect(rows.map((r) => r.externalId)).toEqual([mention.id]);
      // the next run asks only for what is newer (since_id)
      w.time += 16 * MIN;
      await app.catchup!(w.time);
      expect(w.x.calls('GET', /\/mentions$/).at(-1)!.query.since_id).toBe(mention.id);
    });

    it('skips an account whose page token expired: a log line naming the account, one notice to the managers, until it works again', async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      const app = (await w.start()).app;
      w.graph.expire(PAGE_TOKEN);
      const first = await app.catchup!(w.time, { startup: true });
      expect(first.outcomes.get('hofors/facebook')).toMatchObject({ ran: true, stopped: 'token_invalid', notified: ['token_invalid'] });
      expect(notices(w)).toEqual(['Anna Berg:token_invalid:Hofors kommun', 'Anna Berg:token_invalid:Hofors kommun (Messenger)', 'Anna Berg:token_invalid:@hoforskommun']);
      const lines = w.log.filter((l) => l.msg === 'catch-up stopped early for the account');
      expect(lines.map((l) => l.account).sort()).toEqual(['facebook', 'instagram', 'messenger']);
      expect(JSON.stringify(w.log)).not.toContain(PAGE_TOKEN);
      const text = renderNotification(w.notifier.sent[0]!.notification, w.time).fallback;
      expect(text).toContain('Åtkomsttoken för Hofors kommun har gått ut eller återkallats');
      // the next runs: no second notice
      w.time += 16 * MIN;
      await app.catchup!(w.time);
      expect(notices(w)).toHaveLength(3);
      // IT puts a new token in place: it reads again, and the notice is cleared
      w.graph.state.pages.get(PAGE_ID)!.tokens.add('EAAG-hofors-page-token-2');
      w.env.HOFORS_PAGE_TOKEN = 'EAAG-hofors-page-token-2';
      w.time += 16 * MIN;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ ran: true, notified: [] });
      // and when it expires again, the managers are told again
      w.graph.expire('EAAG-hofors-page-token-2');
      w.time += 16 * MIN;
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ notified: ['token_invalid'] });
      expect(notices(w)).toHaveLength(6);
    });

    it('an account whose credential is not set is skipped with a notice naming where it should be', async () => {
      w = await world(db.make, at('2026-11-24T09:00'));
      delete w.env.HOFORS_X_TOKEN;
      const app = (await w.start()).app;
      const r = await app.catchup!(w.time, { startup: true });
      expect(r.outcomes.get('hofors/x')).toMatchObject({ stopped: 'credential_missing', notified: ['credential_missing'] });
      expect(w.x.calls()).toHaveLength(0);
      expect(w.log.find((l) => l.account === 'x' && l.reason === 'not_set')).toBeDefined();
      const n = w.notifier.sent.find((s) => s.notification.type === 'catchup_notice')!;
      expect(renderNotification(n.notification, w.time).fallback).toContain('HOFORS_X_TOKEN is not set');
    });

    it('a webhook gone silent: messages found that no webhook delivered while svarstid ran are told once, until webhooks deliver again', async () => {
      w = await world(db.make, at('2026-11-24T08:00'));
      const post = w.graph.state.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      const instance = await w.start();
      const app = instance.app;
      await app.catchup!(w.time, { startup: true });
      // svarstid runs; two comments come that no webhook delivers
      w.graph.state.addComment(post.id, KARIN, 'Hej, när öppnar biblioteket?', at('2026-11-24T08:05'));
      w.graph.state.addComment(post.id, { id: '7391028475610294', name: 'Per Ek' }, 'Och simhallen?', at('2026-11-24T08:07'));
      w.time = at('2026-11-24T08:16');
      const r = await app.catchup!(w.time);
      expect(r.outcomes.get('hofors/facebook')).toMatchObject({ created: 2, missed: 2, notified: ['webhook_missed'] });
      const rows = await app.database.db.select().from(inquiries);
      expect(rows.map((x) => x.lateReason)).toEqual(['not_delivered', 'not_delivered']);
      expect(notices(w)).toEqual(['Anna Berg:webhook_missed:Hofors kommun']);
      const text = renderNotification(w.notifier.sent[0]!.notification, w.time).fallback;
      expect(text).toContain('svarstid hittade 2 meddelanden till Hofors kommun på Facebook som plattformen aldrig levererade');
      expect(text).toContain('Meta for Developers');
      // another missed one: not told again
      w.graph.state.addComment(post.id, KARIN, 'Hallå?', at('2026-11-24T08:20'));
      w.time = at('2026-11-24T08:32');
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ missed: 1, notified: [] });
      // the webhook delivers again: the next run finds only what it had, and the cause is cleared
      const c = w.graph.state.addComment(post.id, KARIN, 'Tack!', at('2026-11-24T08:40'));
      const body = feedCommentBody(PAGE_ID, post.id, c.id, KARIN, c.message, c.createdTime);
      expect((await instance.post('/webhooks/meta', body, metaHeaders(body))).body).toMatchObject({ received: 1 });
      w.time = at('2026-11-24T08:48');
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ missed: 0, duplicates: 1, notified: [] });
      // silent again: told again
      w.graph.state.addComment(post.id, KARIN, 'Igen?', at('2026-11-24T08:50'));
      w.time = at('2026-11-24T09:04');
      expect((await app.catchup!(w.time)).outcomes.get('hofors/facebook')).toMatchObject({ missed: 1, notified: ['webhook_missed'] });
      expect(notices(w)).toHaveLength(2);
    });

    it('a page the app no longer subscribes to (subscribed_apps) is told once, and again only after it was subscribed in between', async () => {
      w = await world(db.make, at('2026-11-24T08:00'));
      const page = w.graph.state.pages.get(PAGE_ID)!;
      const app = (await w.start()).app;
      const subscription = [...page.subscribedApps];
      page.subscribedApps.splice(0);
      await app.catchup!(w.time, { startup: true });
      expect(notices(w)).toEqual(['Anna Berg:unsubscribed:Hofors kommun', 'Anna Berg:unsubscribed:Hofors kommun (Messenger)']);
      expect(renderNotification(w.notifier.sent[0]!.notification, w.time).fallback).toContain('subscribed_apps');
      w.time += 16 * MIN;
      await app.catchup!(w.time);
      expect(notices(w)).toHaveLength(2);
      page.subscribedApps.push(...subscription);
      w.time += 16 * MIN;
      await app.catchup!(w.time);
      page.subscribedApps.splice(0);
      w.time += 16 * MIN;
      await app.catchup!(w.time);
      expect(notices(w)).toHaveLength(4);
    });
  });
}

