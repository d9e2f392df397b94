/**
 * The report's figures, aggregated in SQL, against the hand-computed figures of the fixture fortnight
 * (tests/fixtures/reports/hofors-week.ts explains every deadline and working time).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.js';
import { onTimeSeries, periodReport } from '../../src/db/report-store.js';
import type { PeriodReport } from '../../src/reports/model.js';
import { isoWeek } from '../../src/reports/period.js';
import { DATABASES } from '../support/databases.js';
import { HOFORS, NOW, seedHoforsFortnight, type HoforsFortnight } from '../fixtures/reports/hofors-week.js';

const H = 3_600_000;
const M = 60_000;

describe.each(DATABASES)('the weekly report on $name', (target) => {
  let database: Database;
  let f: HoforsFortnight;
  let report: PeriodReport;
  beforeAll(async () => {
    database = await target.open();
    f = await seedHoforsFortnight(database);
    report = await periodReport(database.db, 'hofors', HOFORS, isoWeek('2026-W20', HOFORS.timezone), NOW);
  });
  afterAll(() => database.close());

  const account = (key: string) => report.accounts.find((a) => a.accountId === f.account[key])!;

  describe('for @hoforskommun on X (4 working hours)', () => {
    it('week 20: 7 received, 5 answered; on time X1, X2 (answered on the holiday), X5 (after hours, deadline at the close); late X3, X4 and X6 (overdue): 3 of 6', () => {
      expect(account('x').current).toEqual({
        received: 7, answered: 5, onTime: 3, late: 3, onTimeShare: 0.5,
        // working times 1.5, 3, 4, 4.5, 5 h: median 4 h; p90 at 0.9 × 4 = 3.6 → 4.5 + 0.6 × 0.5 = 4.8 h
        medianWorkingMs: 4 * H, p90WorkingMs: 4 * H + 48 * M,
        forwarded: 0, registered: 0, closed: 1, removed: [{ reason: 'reklam/spam', count: 1 }], removedByAuthor: 0,
      });
    });
    it('week 19 beside it: P1 on time in 1 h', () => {
      expect(account('x').previous).toMatchObject({ received: 1, answered: 1, onTime: 1, late: 0, onTimeShare: 1, medianWorkingMs: H, p90WorkingMs: H, removed: [] });
    });
    it('X6 is overdue now, by 5 h of working time (Fri 14–15, Mon 08–12)', () => {
      expect(report.overdueByAccount.get(f.account.x!)).toBe(1);
      expect(report.overdue).toEqual([{ id: f.ids.X6, accountName: '@hoforskommun', channel: 'x', url: 'https://example.test/X6', deadline: Date.parse('2026-05-15T14:00:00+02:00'), workingTimeOverdue: 5 * H }]);
    });
  });

  describe('for Hofors kommun on Facebook (1 working day)', () => {
    it('week 20: 6 received; on time F1, F2 (at the deadline), F6 (measured by the report); late F4; F3 not yet due', () => {
      expect(account('facebook').current).toEqual({
        received: 6, answered: 4, onTime: 3, late: 1, onTimeShare: 0.75,
        // working times 6, 6.5, 7.5, 8.5 h: median 7 h; p90 at 0.9 × 3 = 2.7 → 7.5 + 0.7 × 1 = 8.2 h
        medianWorkingMs: 7 * H, p90WorkingMs: 8 * H + 12 * M,
        forwarded: 1, registered: 1, closed: 1, removed: [{ reason: 'personangrepp', count: 1 }], removedByAuthor: 0,
      });
    });
    it('week 19: P2 late after 14 h, P3 removed as spam', () => {
      expect(account('facebook').previous).toEqual({
        received: 2, answered: 1, onTime: 0, late: 1, onTimeShare: 0, medianWorkingMs: 14 * H, p90WorkingMs: 14 * H,
        forwarded: 0, registered: 0, closed: 1, removed: [{ reason: 'reklam/spam', count: 1 }], removedByAuthor: 0,
      });
    });
  });

  describe('in total', () => {
    it('week 20: 13 received, 9 answered, 6 of 10 on time', () => {
      // working times 1.5, 3, 4, 4.5, 5, 6, 6.5, 7.5, 8.5 h: median 5 h; p90 at 0.9 × 8 = 7.2 → 7.5 + 0.2 × 1 = 7.7 h
      expect(report.total.current).toMatchObject({ received: 13, answered: 9, onTime: 6, late: 4, onTimeShare: 0.6, medianWorkingMs: 5 * H, forwarded: 1, registered: 1, closed: 2 });
      expect(report.total.current.p90WorkingMs).toBe(7 * H + 42 * M);
      expect(report.total.current.removed).toEqual(expect.arrayContaining([{ reason: 'reklam/spam', count: 1 }, { reason: 'personangrepp', count: 1 }]));
      expect(report.overdueTotal).toBe(1);
    });
    it('week 19: 3 received, 1 of 2 on time; 1 and 14 h: median 7.5 h, p90 1 + 0.9 × 13 = 12.7 h', () => {
      expect(report.total.previous).toMatchObject({ received: 3, answered: 2, onTime: 1, late: 1, onTimeShare: 0.5, medianWorkingMs: 7.5 * H, closed: 1 });
      expect(report.total.previous.p90WorkingMs).toBe(12 * H + 42 * M);
    });
  });

  it('per officer: handled (answered or closed, as assignee or else the responsible officer) and on time', () => {
    // Maria: X1 X2 X3 X4 X5 X7 F2 (on time X1 X2 X5 F2); Erik: F1 F4 F5 F6 (on time F1 F6).
    // Week 19: Maria P1 (on time); Erik P2 (late) and P3 (closed).
    expect(report.officers).toEqual([
      { personId: f.person['maria.ek'], name: 'Maria Ek', current: { handled: 7, onTime: 4 }, previous: { handled: 1, onTime: 1 } },
      { personId: f.person['erik.lind'], name: 'Erik Lind', current: { handled: 4, onTime: 2 }, previous: { handled: 2, onTime: 0 } },
    ]);
  });

  it('counts the messages to accounts in no directory', () => {
    expect(report.unrouted).toEqual([{ channel: 'x', current: 1, previous: 0 }]);
  });

  it('stored the metrics when answering, and measured the one answered without them (F6)', async () => {
    const rows = (await database.db.execute(sql`select external_id, answered_on_time, answer_working_ms from inquiries where external_id in ('ext-X5', 'ext-F6', 'ext-X6') order by external_id`)) as unknown;
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
    expect(list.map((r) => [r.external_id, r.answered_on_time, r.answer_working_ms === null ? null : Number(r.answer_working_ms)])).toEqual([
      ['ext-F6', true, 6 * H],
      ['ext-X5', true, 4 * H],
      ['ext-X6', null, null],
    ]);
  });

  it('clears the metrics when an answered inquiry is reopened', async () => {
    await f.store.apply(f.ids.P1!, (await f.store.get(f.ids.P1!))!.version, { state: 'claimed', answeredAt: null }, { type: 'reopened', actor: 'cli', at: NOW, data: {} }, NOW);
    const again = await periodReport(database.db, 'hofors', HOFORS, isoWeek('2026-W20', HOFORS.timezone), NOW);
    // P1 (due Mon 4 May 15:00) is now unanswered and overdue: week 19 on X has 0 on time, 1 late
    expect(again.accounts.find((a) => a.accountId === f.account.x)!.previous).toMatchObject({ answered: 0, onTime: 0, late: 1, medianWorkingMs: null });
  });

  it('gives the on-time share per channel for the last 8 weeks, oldest first', async () => {
    const s = await onTimeSeries(database.db, 'hofors', HOFORS, isoWeek('2026-W20', HOFORS.timezone), NOW);
    expect(s.weeks).toEqual(['2026-W13', '2026-W14', '2026-W15', '2026-W16', '2026-W17', '2026-W18', '2026-W19', '2026-W20']);
    // after the reopening above, X in week 19 is 0 of 1
    expect(s.channels).toEqual([
      { channel: 'facebook', shares: [null, null, null, null, null, null, 0, 0.75] },
      { channel: 'x', shares: [null, null, null, null, null, null, 0, 0.5] },
    ]);
  });
});
