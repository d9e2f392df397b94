/**
 * Catch-up and tenancy (docs/tenancy.md): each account is read with its own organization's token and
 * what it finds belongs to that organization; a notice goes to that organization's managers only; a
 * token of one organization put in another's place reads nothing of the other's page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inquiries } from '../../src/db/schema.js';
import { at } from '../support/calendar-builder.js';
import { PAGE_ID, PAGE_TOKEN, SHARED_DATABASES, world, type World } from '../support/catchup-harness.js';

const ARV_PAGE = '104000000000002';
const ARV_TOKEN = 'EAAG-arvidsjaur-page-token';
const ARVIDSJAUR = [{ policy: 'policies/arvidsjaur.yaml', directory: 'tests/fixtures/directory/arvidsjaur-catchup.yaml' }];

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

for (const db of SHARED_DATABASES) {
  describe(`catch-up across organizations (${db.name})`, () => {
    it("reads each page with its own organization's token; inquiries and notices stay within their organization", async () => {
      w = await world(db.make, at('2026-11-24T09:00'), ARVIDSJAUR);
      w.graph.state.addPage({ id: ARV_PAGE, name: 'Arvidsjaurs kommun', token: ARV_TOKEN });
      w.env.ARVIDSJAUR_PAGE_TOKEN = ARV_TOKEN;
      const hofors = w.graph.state.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      const arvidsjaur = w.graph.state.addPost(ARV_PAGE, { id: ARV_PAGE, name: 'Arvidsjaurs kommun' }, 'Välkommen!', at('2026-11-24T07:00'));
      const h = w.graph.state.addComment(hofors.id, { id: '7391028475610293', name: 'Karin Svensson' }, 'Hofors fråga', at('2026-11-24T08:10'));
      const a = w.graph.state.addComment(arvidsjaur.id, { id: '7391028475610299', name: 'Per Lind' }, 'Arvidsjaurs fråga', at('2026-11-24T08:20'));
      const app = (await w.start()).app;
      await app.catchup!(w.time, { startup: true });
      const rows = await app.database.db.select().from(inquiries);
      expect(rows.map((r) => [r.externalId, r.orgId]).sort()).toEqual([[h.id, 'hofors'], [a.id, 'arvidsjaur']].sort());
      // each page was read with its own token only
      for (const c of w.graph.calls('GET', /\/feed$/)) expect(c.token).toBe(c.path.startsWith(ARV_PAGE) ? ARV_TOKEN : PAGE_TOKEN);

      // Arvidsjaur's token expires: only Arvidsjaur's manager is told
      w.graph.expire(ARV_TOKEN);
      w.time += 16 * 60_000;
      await app.catchup!(w.time);
      const told = w.notifier.sent.filter((s) => s.notification.type === 'catchup_notice');
      expect(told.map((s) => [s.to.name, s.to.orgId])).toEqual([['Karin Nilsson', 'arvidsjaur']]);

      // IT puts Hofors' token where Arvidsjaur's should be: it cannot read Arvidsjaur's page, and nothing of Hofors' is stored as Arvidsjaur's
      w.env.ARVIDSJAUR_PAGE_TOKEN = PAGE_TOKEN;
      w.graph.state.addComment(hofors.id, { id: '7391028475610293', name: 'Karin Svensson' }, 'Hofors andra fråga', at('2026-11-24T09:20'));
      w.time += 16 * 60_000;
      const pass = await app.catchup!(w.time);
      expect(pass.outcomes.get('arvidsjaur/facebook')).toMatchObject({ ran: true, created: 0, stopped: 'permission', notified: ['permission'] });
      const after = await app.database.db.select().from(inquiries);
      expect(after.filter((r) => r.orgId === 'arvidsjaur').map((r) => r.externalId)).toEqual([a.id]);
      expect(after.filter((r) => r.orgId === 'hofors')).toHaveLength(2);
      // Hofors' second comment came by catch-up while svarstid ran: Hofors' manager hears of that, and only of Hofors' page
      const all = w.notifier.sent.flatMap((s) => (s.notification.type === 'catchup_notice' ? [[s.to.orgId, s.notification.accountName, s.notification.cause]] : []));
      expect(all).toEqual([['arvidsjaur', 'Arvidsjaurs kommun', 'token_invalid'], ['hofors', 'Hofors kommun', 'webhook_missed'], ['arvidsjaur', 'Arvidsjaurs kommun', 'permission']]);
    });
  });
}
