/**
 * svarstid report --week 2026-W47 | --year 2026 [--org KEY] [--format text|json|csv]: an
 * organization's figures for a week (or the yearly key figures, Nässjö 4: "årlig uppföljning av
 * nyckeltal"), each beside the period before; every organization when --org is left out. Reads the
 * database the way `serve` does (DATABASE_URL, else the embedded one in the data directory).
 */
import { renderPeriodReport } from '../../adapters/chat-text/weekly-summary.js';
import { openDatabase, type Database } from '../db/connection.js';
import { DirectoryStore } from '../db/directory-store.js';
import { periodReport } from '../db/report-store.js';
import { databaseTarget } from '../main.js';
import type { Policy } from '../policy/index.js';
import { PolicyRegistry } from '../policy/registry.js';
import type { Figures, PeriodReport } from '../reports/model.js';
import { calendarYear, isoWeek, PeriodError, type Period } from '../reports/period.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

export interface ReportOptions {
  week?: string;
  year?: string;
  org?: string;
  format?: string;
}

export interface CliContext {
  /** opens the database (default: as `serve` does, from the environment) */
  readonly open?: () => Promise<Database>;
  readonly now?: () => number;
}

const FORMATS = ['text', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

export function formatOption(value: string | undefined, allowed: readonly string[]): string {
  const f = value ?? allowed[0]!;
  if (!allowed.includes(f)) throw new CliError(`--format: "${f}" is not a format; use ${allowed.join(', ')}`);
  return f;
}

/** Opens the database, runs `body`, closes it. */
export async function withDatabase<T>(ctx: CliContext, body: (db: Database) => Promise<T>): Promise<T> {
  const database = await (ctx.open ?? (() => openDatabase(databaseTarget(process.env))))();
  try {
    return await body(database);
  } finally {
    await database.close();
  }
}

/** The organizations' policies from the database; only `org` when given (an unknown one is an error naming --org). */
export async function organizationPolicies(database: Database, org: string | undefined): Promise<Array<[string, Policy]>> {
  const registry = new PolicyRegistry();
  for (const o of await new DirectoryStore(database.db).organizationPolicies()) registry.set(o.id, o.policyYaml);
  const all = [...registry.all()];
  if (org === undefined) return all;
  const hit = all.filter(([id]) => id === org);
  if (hit.length === 0) throw new CliError(`--org: no organization "${org}"; ${all.length ? `known: ${all.map(([id]) => id).join(', ')}` : 'none is applied yet (svarstid org apply POLICY)'}`);
  return hit;
}

function periodFor(opts: ReportOptions, zone: string): Period {
  try {
    return opts.week !== undefined ? isoWeek(opts.week, zone) : calendarYear(opts.year!, zone);
  } catch (e) {
    if (e instanceof PeriodError) throw new CliError(`${opts.week !== undefined ? '--week' : '--year'}: ${e.message}`);
    throw e;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000));

function figuresJson(f: Figures) {
  return {
    received: f.received, answered: f.answered, on_time: f.onTime, late: f.late, on_time_share: f.onTimeShare,
    median_working_minutes: minutes(f.medianWorkingMs), p90_working_minutes: minutes(f.p90WorkingMs),
    forwarded: f.forwarded, registered: f.registered, closed: f.closed, removed: Object.fromEntries(f.removed.map((r) => [r.reason, r.count])),
    removed_by_author: f.removedByAuthor,
  };
}

export function reportJson(r: PeriodReport) {
  return {
    organization: r.orgId,
    name: r.organization,
    period: r.period.label,
    previous_period: r.previousPeriod.label,
    from: iso(r.period.start),
    to: iso(r.period.end),
    made_at: iso(r.madeAt),
    total: { current: figuresJson(r.total.current), previous: figuresJson(r.total.previous), overdue_now: r.overdueTotal },
    accounts: r.accounts.map((a) => ({ id: a.accountId, name: a.accountName, channel: a.channel, current: figuresJson(a.current), previous: figuresJson(a.previous), overdue_now: r.overdueByAccount.get(a.accountId) ?? 0 })),
    officers: r.officers.map((o) => ({ id: o.personId, name: o.name, current: { handled: o.current.handled, on_time: o.current.onTime }, previous: { handled: o.previous.handled, on_time: o.previous.onTime } })),
    unrouted: r.unrouted.map((u) => ({ channel: u.channel, current: u.current, previous: u.previous })),
    overdue: r.overdue.map((o) => ({ id: o.id, account: o.accountName, channel: o.channel, url: o.url, deadline: iso(o.deadline), working_minutes_overdue: minutes(o.workingTimeOverdue) })),
  };
}

const CSV_COLUMNS = [
  'organization', 'period', 'scope', 'name', 'channel', 'received', 'answered', 'on_time', 'late', 'on_time_share',
  'median_working_minutes', 'p90_working_minutes', 'forwarded', 'registered', 'closed', 'removed', 'handled', 'overdue_now',
] as const;

export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row per organization, period (this one and the one before) and scope: total, each account, each officer, unrouted per channel. */
export function reportCsvRows(r: PeriodReport): string[] {
  const rows: Array<Partial<Record<(typeof CSV_COLUMNS)[number], unknown>>> = [];
  for (const [period, which] of [[r.period.label, 'current'], [r.previousPeriod.label, 'previous']] as const) {
    const fig = (f: Figures) => ({
      received: f.received, answered: f.answered, on_time: f.onTime, late: f.late, on_time_share: f.onTimeShare === null ? null : Math.round(f.onTimeShare * 10000) / 10000,
      median_working_minutes: minutes(f.medianWorkingMs), p90_working_minutes: minutes(f.p90WorkingMs), forwarded: f.forwarded, registered: f.registered, closed: f.closed,
      removed: f.removed.map((x) => `${x.reason}:${x.count}`).join(';'),
    });
    const current = which === 'current';
    rows.push({ organization: r.orgId, period, scope: 'total', name: r.organization, ...fig(r.total[which]), overdue_now: current ? r.overdueTotal : null });
    for (const a of r.accounts) rows.push({ organization: r.orgId, period, scope: 'account', name: a.accountName, channel: a.channel, ...fig(a[which]), overdue_now: current ? (r.overdueByAccount.get(a.accountId) ?? 0) : null });
    for (const o of r.officers) rows.push({ organization: r.orgId, period, scope: 'officer', name: o.name, handled: o[which].handled, on_time: o[which].onTime });
    for (const u of r.unrouted) rows.push({ organization: r.orgId, period, scope: 'unrouted', channel: u.channel, received: current ? u.current : u.previous });
  }
  return rows.map((row) => CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
}

export const REPORT_CSV_HEADER = CSV_COLUMNS.join(',');

export async function reportCommand(opts: ReportOptions, io: CliIo, ctx: CliContext = {}): Promise<void> {
  if ((opts.week === undefined) === (opts.year === undefined)) throw new CliError('give either --week (e.g. 2026-W47) or --year (e.g. 2026)');
  const format = formatOption(opts.format, FORMATS) as Format;
  periodFor(opts, 'Europe/Stockholm'); // bad input is refused before the database is opened
  const now = (ctx.now ?? Date.now)();
  const reports = await withDatabase(ctx, async (database) => {
    const out: PeriodReport[] = [];
    for (const [id, policy] of await organizationPolicies(database, opts.org)) out.push(await periodReport(database.db, id, policy, periodFor(opts, policy.timezone), now));
    return out;
  });
  if (format === 'json') io.stdout.write(`${JSON.stringify(opts.org !== undefined ? reportJson(reports[0]!) : reports.map(reportJson), null, 2)}\n`);
  else if (format === 'csv') io.stdout.write([REPORT_CSV_HEADER, ...reports.flatMap(reportCsvRows)].map((l) => `${l}\r\n`).join(''));
  else {
    for (const r of reports) {
      const m = renderPeriodReport(r, 'sv', false);
      io.stdout.write(`${m.fallback}\n\n`);
    }
  }
}
