/**
 * The figures of a report, aggregated in SQL (count … FILTER, percentile_cont, GROUPING SETS): no
 * inquiry rows are loaded into memory, only one row per account, officer, channel and reason.
 * Working positions were turned into columns when each inquiry was answered (src/reports/metrics.ts);
 * rows answered without them are measured first (report-measure.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { ACTIVE_STATES } from '../inquiries/model.js';
import type { Policy } from '../policy/index.js';
import { EMPTY_FIGURES, OVERDUE_LIST_LIMIT, type Figures, type OnTimeSeries, type OverdueItem, type PeriodReport } from '../reports/model.js';
import { previousPeriod, weekBefore, type Period } from '../reports/period.js';
import type { Db } from './connection.js';
import { organizationPeople } from './context-store.js';
import { measureUnmeasured } from './report-measure.js';
import { accounts } from './schema.js';
import { instant, num, numOrNull, query, ts, type SqlRow } from './sql-rows.js';

const active = sql.raw(`(${ACTIVE_STATES.map((s) => `'${s}'`).join(', ')})`);

/** percentile_cont interpolates: whole milliseconds */
const ms = (v: unknown): number | null => {
  const n = numOrNull(v);
  return n === null ? null : Math.round(n);
};

function figures(r: SqlRow | undefined, removed: Figures['removed']): Figures {
  if (!r) return { ...EMPTY_FIGURES, removed };
  const onTime = num(r.on_time);
  const late = num(r.late);
  return {
    received: num(r.received),
    answered: num(r.answered),
    onTime,
    late,
    onTimeShare: onTime + late > 0 ? onTime / (onTime + late) : null,
    medianWorkingMs: ms(r.median),
    p90WorkingMs: ms(r.p90),
    forwarded: num(r.forwarded),
    registered: num(r.registered),
    closed: num(r.closed),
    removed,
  };
}

/** Per account and in total, for the period (cur) and the one before. */
async function periodFigures(db: Db, orgId: string, cur: Period, prev: Period, now: number): Promise<SqlRow[]> {
  return query(
    db,
    sql`with i as (
          select id, account_id, state, deadline, answered_on_time, answer_working_ms, registered,
                 received_at >= ${ts(cur.start)}::timestamptz as cur
          from inquiries
          where org_id = ${orgId} and received_at >= ${ts(prev.start)}::timestamptz and received_at < ${ts(cur.end)}::timestamptz),
        fwd as (select distinct inquiry_id from events where type = 'forwarded' and at >= ${ts(prev.start)}::timestamptz)
        select i.cur, i.account_id, grouping(i.account_id) as total,
          count(*) as received,
          count(*) filter (where i.state = 'answered') as answered,
          count(*) filter (where i.answered_on_time) as on_time,
          count(*) filter (where i.answered_on_time = false or (i.state in ${active} and i.deadline < ${ts(now)}::timestamptz)) as late,
          percentile_cont(0.5) within group (order by i.answer_working_ms) filter (where i.state = 'answered') as median,
          percentile_cont(0.9) within group (order by i.answer_working_ms) filter (where i.state = 'answered') as p90,
          count(*) filter (where fwd.inquiry_id is not null) as forwarded,
          count(*) filter (where i.registered) as registered,
          count(*) filter (where i.state = 'closed') as closed
        from i left join fwd on fwd.inquiry_id = i.id
        group by grouping sets ((i.cur, i.account_id), (i.cur))`,
  );
}

async function removedByReason(db: Db, orgId: string, cur: Period, prev: Period): Promise<SqlRow[]> {
  return query(
    db,
    sql`select cur, account_id, grouping(account_id) as total, reason, count(*) as n from (
          select account_id, coalesce(removed_reason, 'annat') as reason, received_at >= ${ts(cur.start)}::timestamptz as cur
          from inquiries
          where org_id = ${orgId} and removed and received_at >= ${ts(prev.start)}::timestamptz and received_at < ${ts(cur.end)}::timestamptz) r
        group by grouping sets ((cur, account_id, reason), (cur, reason))
        order by n desc, reason`,
  );
}

async function officerFigures(db: Db, orgId: string, cur: Period, prev: Period): Promise<SqlRow[]> {
  return query(
    db,
    sql`select i.received_at >= ${ts(cur.start)}::timestamptz as cur, coalesce(i.assignee_id, a.responsible_id) as person_id,
          count(*) as handled, count(*) filter (where i.answered_on_time) as on_time
        from inquiries i left join accounts a on a.id = i.account_id
        where i.org_id = ${orgId} and i.state in ('answered', 'closed')
          and i.received_at >= ${ts(prev.start)}::timestamptz and i.received_at < ${ts(cur.end)}::timestamptz
        group by 1, 2`,
  );
}

async function unroutedCounts(db: Db, cur: Period, prev: Period): Promise<SqlRow[]> {
  return query(
    db,
    sql`select channel, count(*) filter (where received_at >= ${ts(cur.start)}::timestamptz) as cur, count(*) filter (where received_at < ${ts(cur.start)}::timestamptz) as prev
        from inquiries where org_id is null and received_at >= ${ts(prev.start)}::timestamptz and received_at < ${ts(cur.end)}::timestamptz
        group by channel order by channel`,
  );
}

async function overdueNow(db: Db, orgId: string, now: number): Promise<{ counts: SqlRow[]; list: SqlRow[] }> {
  const where = sql`org_id = ${orgId} and state in ${active} and deadline < ${ts(now)}::timestamptz`;
  const counts = await query(db, sql`select account_id, count(*) as n from inquiries where ${where} group by account_id`);
  const list = await query(db, sql`select id, account_id, channel, url, deadline from inquiries where ${where} order by deadline, id limit ${OVERDUE_LIST_LIMIT}`);
  return { counts, list };
}

const isCur = (v: unknown): boolean => v === true || v === 't';
const isTotal = (v: unknown): boolean => num(v) === 1;

/** The report of one organization for a period (a week or a year), beside the period before. */
export async function periodReport(db: Db, orgId: string, policy: Policy, period: Period, now: number): Promise<PeriodReport> {
  await measureUnmeasured(db, orgId, policy);
  const prev = previousPeriod(period, policy.timezone);
  const [rows, removedRows, officerRows, unroutedRows, overdue, accountRows, people] = await Promise.all([
    periodFigures(db, orgId, period, prev, now),
    removedByReason(db, orgId, period, prev),
    officerFigures(db, orgId, period, prev),
    unroutedCounts(db, period, prev),
    overdueNow(db, orgId, now),
    db.select().from(accounts).where(eq(accounts.orgId, orgId)).orderBy(accounts.id),
    organizationPeople(db, orgId),
  ]);
  const key = (cur: boolean, accountId: unknown) => `${cur ? 'c' : 'p'}:${accountId ?? 'total'}`;
  const removed = new Map<string, { reason: string; count: number }[]>();
  for (const r of removedRows) {
    const k = key(isCur(r.cur), isTotal(r.total) ? null : r.account_id);
    removed.set(k, [...(removed.get(k) ?? []), { reason: String(r.reason), count: num(r.n) }]);
  }
  const byKey = new Map(rows.map((r) => [key(isCur(r.cur), isTotal(r.total) ? null : r.account_id), r]));
  const fig = (cur: boolean, accountId: number | null) => figures(byKey.get(key(cur, accountId)), removed.get(key(cur, accountId)) ?? []);
  const accountName = new Map(accountRows.map((a) => [a.id, a]));
  const seen = new Set(rows.filter((r) => !isTotal(r.total)).map((r) => Number(r.account_id)));
  const shown = accountRows.filter((a) => a.active || seen.has(a.id));

  const officers = new Map<number, { current: { handled: number; onTime: number }; previous: { handled: number; onTime: number } }>();
  for (const r of officerRows) {
    if (r.person_id === null) continue;
    const id = Number(r.person_id);
    const o = officers.get(id) ?? { current: { handled: 0, onTime: 0 }, previous: { handled: 0, onTime: 0 } };
    o[isCur(r.cur) ? 'current' : 'previous'] = { handled: num(r.handled), onTime: num(r.on_time) };
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
          count(*) filter (where answered_on_time = false or (state in ${active} and deadline < ${ts(now)}::timestamptz)) as late
        from inquiries
        where org_id = ${orgId} and received_at >= ${ts(first.start)}::timestamptz and received_at < ${ts(last.end)}::timestamptz
        group by 1, 2 order by 2`,
  );
  const channels = [...new Set(rows.map((r) => String(r.channel)))];
  const share = new Map(rows.map((r) => [`${r.week}|${r.channel}`, num(r.on_time) + num(r.late) > 0 ? num(r.on_time) / (num(r.on_time) + num(r.late)) : null]));
  return { weeks: labels, channels: channels.map((channel) => ({ channel, shares: labels.map((w) => share.get(`${w}|${channel}`) ?? null) })) };
}
