/**
 * The weekly summary and the yearly follow-up, sent. The weekly summary: for each organization whose
 * `summary.weekly_at` has come (src/reports/due.ts), once per organization and ISO week across
 * instances (the instance that claims the job key `summary:<org>:<week>` sends it), to the
 * organization's active managers. The yearly follow-up (Nässjö 4): last year's key figures, on the
 * configured working day of January, once per organization and year (job key `yearly:<org>:<year>`).
 * Absent managers get both: they ask nothing of them and are read when they are back (unlike the
 * digest's to-do list). Figures are aggregated in SQL (report-store.ts); the chart is rendered once
 * per language.
 */
import type { Person } from '../reminders/model.js';
import { summaryWeekDue, yearlyDue } from '../reports/due.js';
import type { Language } from '../reports/format.js';
import type { PeriodReport, WeeklySummary } from '../reports/model.js';
import type { Period } from '../reports/period.js';
import { weeklySummary, type ChartRenderer } from '../reports/summary.js';
import type { Policy } from '../policy/index.js';
import type { Db } from './connection.js';
import { onTimeSeries, periodReport } from './report-store.js';
import { organizationPeople } from './context-store.js';
import type { DigestDeps } from './digest-store.js';
import { summarizeError } from '../log/summary.js';

/** Chart.js and the native canvas are loaded when the first summary is drawn, not at start (memory: docs/operations.md). */
const drawChart: ChartRenderer = async (series, lang) => (await import('../reports/chart.js')).renderOnTimeChart(series, lang);

/** The digest's dependencies (database, policies, notifier, job claims), and the chart. */
export interface SummaryDeps extends DigestDeps {
  /** draws the chart (default: Chart.js on @napi-rs/canvas); null sends summaries without one */
  readonly chart?: ChartRenderer | null;
}

async function activeManagers(db: Db, orgId: string): Promise<Person[]> {
  return [...(await organizationPeople(db, orgId)).values()].filter((p) => p.role === 'manager' && p.active).sort((a, b) => a.id - b.id);
}

type Build = (lang: Language) => Promise<WeeklySummary>;

/** Sends one summary of `period` to every active manager of `orgId`, once across instances (job `key`); returns how many were sent. */
async function sendOnce(deps: SummaryDeps, orgId: string, policy: Policy, key: string, period: Period, build: (report: PeriodReport) => Promise<Build>, now: number): Promise<number> {
  let sent = 0;
  await deps.queue.once(key, deps.worker, now, async () => {
    const managers = await activeManagers(deps.db, orgId);
    if (managers.length === 0) {
      deps.logger.warn({ org: orgId, period: period.label }, 'summary: the organization has no active manager');
      return;
    }
    const summaryIn = await build(await periodReport(deps.db, orgId, policy, period, now));
    const byLanguage = new Map<Language, Promise<WeeklySummary>>();
    for (const person of managers) {
      const language = person.language ?? policy.language;
      try {
        if (!byLanguage.has(language)) byLanguage.set(language, summaryIn(language));
        await deps.notifier.send(person, { type: 'weekly_summary', summary: await byLanguage.get(language)!, timezone: policy.timezone, language }, `${key}:${person.id}`);
        sent++;
      } catch (e) {
        deps.logger.error({ org: orgId, period: period.label, person: person.id, error: summarizeError(e) }, 'summary could not be delivered');
      }
    }
  });
  return sent;
}

/** Sends the weekly summaries due at `now`; returns how many messages were sent. */
export async function runWeeklySummaries(deps: SummaryDeps, now: number): Promise<number> {
  let sent = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    const week = summaryWeekDue(policy, now);
    if (week === undefined) continue;
    sent += await sendOnce(deps, orgId, policy, `summary:${orgId}:${week.label}`, week, async (report) => {
      const series = await onTimeSeries(deps.db, orgId, policy, week, now);
      return (lang) =>
        weeklySummary(report, series, lang, deps.chart === null ? undefined : (deps.chart ?? drawChart), (e) =>
          deps.logger.error({ org: orgId, week: week.label, error: summarizeError(e) }, 'weekly summary chart could not be drawn; sent without it'),
        );
    }, now);
  }
  return sent;
}

/** Sends the yearly follow-ups due at `now` (last year's key figures, without a chart); returns how many messages were sent. */
export async function runYearlyFollowUps(deps: SummaryDeps, now: number): Promise<number> {
  let sent = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    const year = yearlyDue(policy, now);
    if (year === undefined) continue;
    sent += await sendOnce(deps, orgId, policy, `yearly:${orgId}:${year.label}`, year, async (report) => async () => ({ report, series: { weeks: [], channels: [] }, chart: null }), now);
  }
  return sent;
}
