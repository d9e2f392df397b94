/**
 * The weekly summary, sent: for each organization whose `summary.weekly_at` has come (src/reports/due.ts),
 * once per organization and ISO week across instances (the instance that claims the job key
 * `summary:<org>:<week>` sends it), to the organization's active managers. Absent managers get it
 * too: it asks nothing of them and is read when they are back (unlike the digest's to-do list).
 * Figures are aggregated in SQL (report-store.ts); the chart is rendered once per language.
 */
import type { Person } from '../reminders/model.js';
import { summaryWeekDue } from '../reports/due.js';
import type { Language } from '../reports/format.js';
import type { WeeklySummary } from '../reports/model.js';
import { weeklySummary, type ChartRenderer } from '../reports/summary.js';
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

/** Sends the weekly summaries due at `now`; returns how many messages were sent. */
export async function runWeeklySummaries(deps: SummaryDeps, now: number): Promise<number> {
  let sent = 0;
  for (const [orgId, policy] of deps.policies.all()) {
    const week = summaryWeekDue(policy, now);
    if (week === undefined) continue;
    await deps.queue.once(`summary:${orgId}:${week.label}`, deps.worker, now, async () => {
      const managers = await activeManagers(deps.db, orgId);
      if (managers.length === 0) {
        deps.logger.warn({ org: orgId, week: week.label }, 'weekly summary: the organization has no active manager');
        return;
      }
      const report = await periodReport(deps.db, orgId, policy, week, now);
      const series = await onTimeSeries(deps.db, orgId, policy, week, now);
      const byLanguage = new Map<Language, Promise<WeeklySummary>>();
      const summaryIn = (lang: Language) => {
        let s = byLanguage.get(lang);
        if (!s) {
          s = weeklySummary(report, series, lang, deps.chart === null ? undefined : (deps.chart ?? drawChart), (e) =>
            deps.logger.error({ org: orgId, week: week.label, error: summarizeError(e) }, 'weekly summary chart could not be drawn; sent without it'),
          );
          byLanguage.set(lang, s);
        }
        return s;
      };
      for (const person of managers) {
        const language = person.language ?? policy.language;
        try {
          await deps.notifier.send(person, { type: 'weekly_summary', summary: await summaryIn(language), timezone: policy.timezone, language }, `summary:${orgId}:${week.label}:${person.id}`);
          sent++;
        } catch (e) {
          deps.logger.error({ org: orgId, week: week.label, person: person.id, error: summarizeError(e) }, 'weekly summary could not be delivered');
        }
      }
    });
  }
  return sent;
}
