/**
 * The figures of a report, aggregated in SQL (count … FILTER, percentile_cont, GROUPING SETS): no
 * inquiry rows are loaded into memory, only one row per account, officer, channel and reason.
 * Working positions were turned into columns when each inquiry was answered (src/reports/metrics.ts);
 * rows answered without them are measured first (report-measure.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { ACTIVE_STATES, REMOVED_BY_AUTHOR } from '../inquiries/model.js';
import type { Policy } from '../policy/index.js';
import { EMPTY_FIGURES, OVERDUE_LIST_LIMIT, UNATTENDED_DAYS, type Figures, type OnTimeSeries, type OverdueItem, type PeriodReport } from '../reports/model.js';
import { previousPeriod, weekBefore, type Period } from '../reports/period.js';
import type { Db } from './connection.js';
import { organizationPeople } from './context-store.js';
import { measureUnmeasured } from './report-measure.js';
import { seesUnrouted } from './unrouted-scope.js';
import { accounts } from './schema.js';
import { instant, num, query, ts, type SqlRow } from './sql-rows.js';
import { addToHistogram, percentile, type Histogram } from '../reports/percentiles.js';
import { overdueBefore } from '../reports/overdue.js';

const active = sql.raw(`(${ACTIVE_STATES.map((s) => `'${s}'`).join(', ')})`);

/** interpolated minutes → whole milliseconds */
const minutes = (m: number | null): number | null => (m === null ? null : Math.round(m * 60_000));

const COUNTS = ['received', 'answered', 'on_time', 'late', 'forwarded', 'registered', 'closed', 'removed_by_author'] as const;

/** The figures of a set of per-account rows (one account, or all for the total): counts add up, percentiles come from the merged histogram. */
function figures(rows: readonly SqlRow[], histogram: Histogram, removed: ReadonlyMap<string, number>): Figures {
  if (rows.length === 0 && removed.size === 0) return EMPTY_FIGURES;
  const sum = Object.fromEntries(COUNTS.map((c) => [c, rows.reduce((a, r) => a + num(r[c]), 0)])) as Record<(typeof COUNTS)[number], number>;
  return {
    received: sum.received,
    answered: sum.answered,
    onTime: sum.on_time,
    late: sum.late,
    onTimeShare: sum.on_time + sum.late > 0 ? sum.on_time / (sum.on_time + sum.late) : null,
    medianWorkingMs: minutes(percentile(histogram, 0.5)),
    p90WorkingMs: minutes(percentile(histogram, 0.9)),
    forwarded: sum.forwarded,
    registered: sum.registered,
    closed: sum.closed,
    removed: [...removed].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'sv')),
    removedByAuthor: sum.removed_by_author,
  };
}

/**
 * The two periods' inquiries reduced in SQL to a small cube of additive counts per period, account,
 * assignee and removal reason: a plain GROUP BY that PostgreSQL runs as a parallel hash aggregate
 * (the ndistinct statistics of migration 0004 keep its estimate small). A few dozen rows come back
 * however many inquiries there are. An officer's figures are derived from it in code: the assignee,
 * else the account's responsible officer (a join here would cost a second pass over the rows).
 */
async function periodCounts(db: Db, orgId: string, cur: Period, prev: Period, overdue: number): Promise<SqlRow[]> {
  return query(
    db,
    sql`select i.received_at >= ${ts(cur.start)}::timestamptz as cur, i.account_id, i.assignee_id,
          case when i.removed then coalesce(i.removed_reason, 'annat') end as reason,
          count(*) as received,
          count(*) filter (where i.state = 'answered') as answered,
          count(*) filter (where i.answered_on_time) as on_time,
          count(*) filter (where i.answered_on_time = false or (i.state in ${active} and i.deadline < ${ts(overdue)}::timestamptz)) as late,
          count(*) filter (where i.forwarded) as forwarded,
          count(*) filter (where i.registered) as registered,
          count(*) filter (where i.state = 'closed') as closed,
          count(*) filter (where i.state = 'closed' and i.close_reason = ${REMOVED_BY_AUTHOR}) as removed_by_author,
          count(*) filter (where i.state in ('answered', 'closed')) as handled
        from inquiries i
        where i.org_id = ${orgId} and i.received_at >= ${ts(prev.start)}::timestamptz and i.received_at < ${ts(cur.end)}::timestamptz
        group by 1, 2, 3, 4`,
  );
}

/** Answers per period, account and whole minute of working time to answer: the histogram the percentiles come from. */
async function answerMinutes(db: Db, orgId: string, cur: Period, prev: Period): Promise<SqlRow[]> {
  return query(
    db,
    sql`select i.received_at >= ${ts(cur.start)}::timestamptz as cur, i.account_id, i.answer_working_ms / 60000 as minute, count(*) as answered
        from inquiries i
        where i.org_id = ${orgId} and i.state = 'answered' and i.answer_working_ms is not null
          and i.received_at >= ${ts(prev.start)}::timestamptz and i.received_at < ${ts(cur.end)}::timestamptz
        group by 1, 2, 3`,
  );
}

/** Unrouted messages per channel: an organization's report has them only in a one-organization deployment (src/db/unrouted-scope.ts). */
async function unroutedCounts(db: Db, orgId: string, cur: Period, prev: Period): Promise<SqlRow[]> {
  if (!(await seesUnrouted(db, orgId))) return [];
  return query(
    db,
    sql`select channel, count(*) filter (where received_at >= ${ts(cur.start)}::timestamptz) as cur, count(*) filter (where received_at < ${ts(cur.start)}::timestamptz) as prev
        from inquiries where org_id is null and received_at >= ${ts(prev.start)}::timestamptz and received_at < ${ts(cur.end)}::timestamptz
        group by channel order by channel`,
  );
}

async function overdueNow(db: Db, orgId: string, overdue: number): Promise<{ counts: SqlRow[]; list: SqlRow[] }> {
  const where = sql`org_id = ${orgId} and state in ${active} and deadline < ${ts(overdue)}::timestamptz`;
  const counts = await query(db, sql`select account_id, count(*) as n from inquiries where ${where} group by account_id`);
  const list = await query(db, sql`select id, account_id, channel, url, deadline from inquiries where ${where} order by deadline, id limit ${OVERDUE_LIST_LIMIT}`);
  return { counts, list };
}

/** Accounts with questions overdue UNATTENDED_DAYS and more, and nothing answered or closed on them since (see UnattendedAccount). */
async function unattendedAccounts(db: Db, orgId: string, now: number): Promise<SqlRow[]> {
  const since = ts(now - UNATTENDED_DAYS * 86_400_000);
  return query(
    db,
    sql`select i.account_id, count(*) as waiting, min(i.deadline) as oldest from inquiries i
        where i.org_id = ${orgId} and i.account_id is not null and i.state in ${active} and i.deadline < ${since}::timestamptz
          and not exists (select 1 from inquiries j where j.org_id = ${orgId} and j.account_id = i.account_id
                          and (j.answered_at >= ${since}::timestamptz or j.closed_at >= ${since}::timestamptz))
        group by i.account_id order by min(i.deadline), i.account_id`,
  );
}

const isCur = (v: unknown): boolean => v === true || v === 't';

/** The report of one organization for a period (a week or a year), beside the period before. */
export async function periodReport(db: Db, orgId: string, policy: Policy, period: Period, now: number): Promise<PeriodReport> {
  await measureUnmeasured(db, orgId, policy);
  const prev = previousPeriod(period, policy.timezone);
  const [rows, minuteRows, unroutedRows, overdue, accountRows, people, unattendedRows] = await Promise.all([
    periodCounts(db, orgId, period, prev, overdueBefore(policy, now)),
    answerMinutes(db, orgId, period, prev),
    unroutedCounts(db, orgId, period, prev),
    overdueNow(db, orgId, overdueBefore(policy, now)),
    db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(accounts.id),
    organizationPeople(db, orgId),
    unattendedAccounts(db, orgId, now),
  ]);
  const of = (cur: boolean, accountId: number | null) => (r: SqlRow) => isCur(r.cur) === cur && (accountId === null || Number(r.account_id) === accountId);
  const fig = (cur: boolean, accountId: number | null): Figures => {
    const mine = rows.filter(of(cur, accountId));
    const histogram: Histogram = new Map();
    for (const r of minuteRows.filter(of(cur, accountId))) addToHistogram(histogram, num(r.minute), num(r.answered));
    const removed = new Map<string, number>();
    for (const r of mine) if (r.reason !== null) removed.set(String(r.reason), (removed.get(String(r.reason)) ?? 0) + num(r.received));
    return figures(mine, histogram, removed);
  };
  const accountName = new Map(accountRows.map((a) => [a.id, a]));
  // an officer's figures: the assignee's, else (never taken) the account's responsible officer's
  const personOf = (r: SqlRow): number | null => (r.assignee_id !== null ? Number(r.assignee_id) : (accountName.get(Number(r.account_id))?.responsibleId ?? null));
  const seen = new Set(rows.map((r) => Number(r.account_id)));
  const shown = accountRows.filter((a) => a.active || seen.has(a.id));

  const officers = new Map<number, { current: { handled: number; onTime: number }; previous: { handled: number; onTime: number } }>();
  for (const r of rows) {
    const id = personOf(r);
    if (id === null || num(r.handled) === 0) continue;
    const o = officers.get(id) ?? { current: { handled: 0, onTime: 0 }, previous: { handled: 0, onTime: 0 } };
    const f = o[isCur(r.cur) ? 'current' : 'previous'];
    o[isCur(r.cur) ? 'current' : 'previous'] = { handled: f.handled + num(r.handled), onTime: f.onTime + num(r.on_time) };
    officers.set(id, o);
  }
  const overdueByAccount = new Map(overdue.counts.map((r) => [Number(r.account_id), num(r.n)]));
  return {
    orgId,
    organization: policy.organization,
    timezone: policy.timezone,
    period,
    previousPeriod: prev,
    madeAt: now,
    total: { current: fig(true, null), previous: fig(false, null) },
    accounts: shown.map((a) => ({ accountId: a.id, accountName: a.name, channel: a.channel, current: fig(true, a.id), previous: fig(false, a.id) })),
    officers: [...officers]
      .map(([personId, o]) => ({ personId, name: people.get(personId)?.name ?? `#${personId}`, ...o }))
      .sort((a, b) => b.current.handled - a.current.handled || a.name.localeCompare(b.name, 'sv')),
    unrouted: unroutedRows.map((r) => ({ channel: String(r.channel), current: num(r.cur), previous: num(r.prev) })),
    overdueByAccount,
    overdueTotal: [...overdueByAccount.values()].reduce((a, b) => a + b, 0),
    overdue: overdue.list.map((r): OverdueItem => {
      const deadline = instant(r.deadline);
      return {
        id: Number(r.id),
        accountName: accountName.get(Number(r.account_id))?.name ?? String(r.account_id),
        channel: String(r.channel),
        url: (r.url as string | null) ?? null,
        deadline,
        workingTimeOverdue: policy.calendar.workingTimeBetween(deadline, now),
      };
    }),
    unattended: unattendedRows
      .filter((r) => accountName.get(Number(r.account_id))?.active !== false)
      .map((r) => ({ accountId: Number(r.account_id), accountName: accountName.get(Number(r.account_id))?.name ?? String(r.account_id), channel: accountName.get(Number(r.account_id))?.channel ?? '', waiting: num(r.waiting), oldestDeadline: instant(r.oldest) })),
  };
}

/** The on-time share per channel for the `weeks` weeks ending with `last`, oldest first (for the chart). */
export async function onTimeSeries(db: Db, orgId: string, policy: Policy, last: Period, now: number, weeks = 8): Promise<OnTimeSeries> {
  const first = weekBefore(last, policy.timezone, weeks - 1);
  const labels = Array.from({ length: weeks }, (_, k) => weekBefore(last, policy.timezone, weeks - 1 - k).label);
  const rows = await query(
    db,
    sql`select to_char(date_trunc('week', received_at at time zone ${policy.timezone}), 'IYYY-"W"IW') as week, channel,
          count(*) filter (where answered_on_time) as on_time,
          count(*) filter (where answered_on_time = false or (state in ${active} and deadline < ${ts(overdueBefore(policy, now))}::timestamptz)) as late
        from inquiries
        where org_id = ${orgId} and received_at >= ${ts(first.start)}::timestamptz and received_at < ${ts(last.end)}::timestamptz
        group by 1, 2 order by 2`,
  );
  const channels = [...new Set(rows.map((r) => String(r.channel)))];
  const share = new Map(rows.map((r) => [`${r.week}|${r.channel}`, num(r.on_time) + num(r.late) > 0 ? num(r.on_time) / (num(r.on_time) + num(r.late)) : null]));
  return { weeks: labels, channels: channels.map((channel) => ({ channel, shares: labels.map((w) => share.get(`${w}|${channel}`) ?? null) })) };
}
