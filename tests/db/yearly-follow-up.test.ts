/**
 * The yearly follow-up (Nässjö 4: "En gång per år ska resultatuppföljningen redovisas till
 * kommunikationsenheten") against a database: last year's key figures to the managers on the
 * configured working day of January, once per organization and year even with two instances, not
 * outside working time and not long after January; and the weekly summary's flag for accounts nobody
 * watches (Nässjö 16, Arvidsjaur 9).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotification } from '../../adapters/chat-text/index.js';
import type { Database } from '../../src/db/connection.js';
import { periodReport } from '../../src/db/report-store.js';
import { query } from '../../src/db/sql-rows.js';
import { runYearlyFollowUps, type SummaryDeps } from '../../src/db/summary-store.js';
import { weekOf } from '../../src/reports/period.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { HOFORS, NOW, seedHoforsFortnight, hoforsSummaryDeps, type HoforsFortnight } from '../fixtures/reports/hofors-week.js';

describe.each(DATABASES)('the yearly follow-up on $name', (target) => {
  let database: Database;
  let fortnight: HoforsFortnight;
  let deps: (notifier: SummaryDeps['notifier'], worker: string) => SummaryDeps;
  beforeAll(async () => {
    database = await target.open();
    fortnight = await seedHoforsFortnight(database);
    // Hofors' summary (monday 08:00) with the default yearly follow-up: working day 1 of January at 08:00
    deps = hoforsSummaryDeps(database);
  }, 60_000);
  afterAll(() => database.close());

  it('is not due on nyårsdagen, nor on the first working day before 08:00', async () => {
    for (const t of [at('2027-01-01T10:00'), at('2027-01-04T07:59')]) {
      const notifier = new MemoryNotifier(() => t);
      expect(await runYearlyFollowUps(deps(notifier, 'a'), t)).toBe(0);
      expect(notifier.sent).toEqual([]);
    }
  });

  it('goes on Monday 4 January 2027 at 08:00 (the first working day), once, even from two instances, with 2026 beside 2025', async () => {
    const t = at('2027-01-04T08:00');
    const one = new MemoryNotifier(() => t);
    const two = new MemoryNotifier(() => t);
    const counts = await Promise.all([runYearlyFollowUps(deps(one, 'instance-1'), t), runYearlyFollowUps(deps(two, 'instance-2'), t)]);
    expect(counts.sort()).toEqual([0, 1]);
    const sent = [...one.sent, ...two.sent];
    expect(sent.map((s) => [s.to.name, s.key])).toEqual([['Anna Berg', `yearly:hofors:2026:${fortnight.person['anna.berg']}`]]);
    const n = sent[0]!.notification;
    if (n.type !== 'weekly_summary') throw new Error(`expected a summary, got ${n.type}`);
    expect(n.summary.report.period).toMatchObject({ kind: 'year', label: '2026' });
    expect(n.summary.report.previousPeriod.label).toBe('2025');
    // the fortnight's 16 inquiries are all in May 2026
    expect(n.summary.report.total.current.received).toBe(16);
    expect(n.summary.report.total.previous.received).toBe(0);
    expect(n.summary.chart).toBeNull();
    const m = renderNotification(n, t);
    expect(m.title).toBe('Nyckeltal för Hofors kommun, år 2026');
    expect(m.lines[0]).toBe('Inom parentes: år 2025.');
    // later in January: already sent
    const later = new MemoryNotifier(() => at('2027-01-12T09:00'));
    expect(await runYearlyFollowUps(deps(later, 'instance-3'), at('2027-01-12T09:00'))).toBe(0);
  });

  it('a server down all of January still sends it in early February, but not after 31 days', async () => {
    // 2028: working day 1 is Monday 3 January 2028
    const early = at('2028-02-02T10:00');
    const a = new MemoryNotifier(() => early);
    expect(await runYearlyFollowUps(deps(a, 'a'), early)).toBe(1);
    expect(a.sent[0]!.key).toMatch(/^yearly:hofors:2027:/);
    const late = at('2029-02-05T10:00');
    const b = new MemoryNotifier(() => late);
    expect(await runYearlyFollowUps(deps(b, 'b'), late)).toBe(0);
  });

  it('flags an account nobody watches: a question overdue two weeks and more, nothing answered or closed on it since', async () => {
    const x = fortnight.account['x']!;
    const facebook = fortnight.account['facebook']!;
    // #6 on X was due Friday 15 May 14:00; on 18 May it is merely overdue
    const may = await periodReport(database.db, 'hofors', HOFORS, weekOf(NOW, HOFORS.timezone), NOW);
    expect(may.unattended).toEqual([]);
    // a month later nobody has answered or closed anything on X or Facebook since May; both still have a question waiting
    const june = at('2026-06-15T09:00');
    const report = await periodReport(database.db, 'hofors', HOFORS, weekOf(june, HOFORS.timezone), june);
    expect(report.unattended.map((u) => [u.accountId, u.waiting])).toEqual([[x, 1], [facebook, 1]]);
    expect(report.unattended[0]!.oldestDeadline).toBe(at('2026-05-15T14:00'));
  });

  it('an account where something was answered in the last two weeks is watched', async () => {
    const facebook = fortnight.account['facebook']!;
    // another Facebook question answered on 10 June (the rest of the fixture stays as it is)
    const [row] = await query(database.db, sql`select id from inquiries where account_id = ${facebook} and state = 'answered' order by id limit 1`);
    await database.db.execute(sql`update inquiries set answered_at = ${new Date(at('2026-06-10T10:00')).toISOString()}::timestamptz where id = ${Number(row!.id)}`);
    const june = at('2026-06-15T09:00');
    const report = await periodReport(database.db, 'hofors', HOFORS, weekOf(june, HOFORS.timezone), june);
    expect(report.unattended.map((u) => u.accountId)).toEqual([fortnight.account['x']]);
  });
});
