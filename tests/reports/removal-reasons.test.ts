/**
 * Every reason of the guidelines counts as a removal in the weekly report, "annat" (with its note)
 * among them: each reason closed once in week 2026-W21 in Hofors gives one removal of that reason.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { DirectoryStore } from '../../src/db/directory-store.js';
import { DrizzleInquiryStore } from '../../src/db/inquiry-store.js';
import { periodReport } from '../../src/db/report-store.js';
import { act } from '../../src/inquiries/act.js';
import { CLOSE_REASONS } from '../../src/inquiries/model.js';
import { receive } from '../../src/inquiries/receive.js';
import { parseDirectory } from '../../src/people/directory-file.js';
import { loadPolicyFile } from '../../src/policy/index.js';
import { isoWeek } from '../../src/reports/period.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';
import { figureLines } from '../../adapters/chat-text/weekly-summary.js';

const HOFORS = loadPolicyFile('policies/hofors.yaml');

describe.each(DATABASES)('removals in the report on $name', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    const directory = new DirectoryStore(database.db);
    await directory.applyOrganization('hofors', readFileSync('policies/hofors.yaml', 'utf8'), HOFORS, at('2026-05-01T08:00'));
    await directory.applyDirectory(parseDirectory(readFileSync('directory/hofors.yaml', 'utf8'), 'directory/hofors.yaml'));
    const erik = (await database.db.query.people.findMany()).find((p) => p.key === 'erik.lind')!.id;
    const store = new DrizzleInquiryStore(database.db);
    const route = async (channel: string, externalId: string) => {
      const r = await directory.routeAccount(channel, externalId);
      return r ? { ...r, policy: HOFORS } : undefined;
    };
    const deps = { store, personOrg: (id: number) => directory.personOrg(id), soleOrganization: () => directory.soleOrganization(), policyOf: () => HOFORS };
    for (const [n, reason] of CLOSE_REASONS.entries()) {
      const when = at('2026-05-18T09:00') + n * 60_000;
      const { inquiry } = await receive({ store, route }, {
        source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId: `c-${n}`, author: { id: `u-${n}`, name: 'Medborgare' },
        text: 'en kommentar', receivedAt: when, raw: { id: `c-${n}` },
      }, when);
      await act(deps, inquiry.id, { type: 'close', by: erik, reason, ...(reason === 'annat' ? { note: 'dubblett av en annan kommentar' } : {}) }, when + 30_000);
    }
  });
  afterAll(() => database.close());

  it('counts each of the guidelines’ reasons, "annat" too, as one removal', async () => {
    const report = await periodReport(database.db, 'hofors', HOFORS, isoWeek('2026-W21', HOFORS.timezone), at('2026-05-25T08:00'));
    expect(report.total.current.closed).toBe(CLOSE_REASONS.length);
    expect([...report.total.current.removed].sort((a, b) => a.reason.localeCompare(b.reason))).toEqual(
      [...CLOSE_REASONS].sort((a, b) => a.localeCompare(b)).map((reason) => ({ reason, count: 1 })),
    );
    const line = figureLines(report.total.current, report.total.previous, 0, 'sv')[2]!;
    expect(line).toContain('annat 1');
    expect(line).toContain('svordomar/obscena ord 1');
  });
});
