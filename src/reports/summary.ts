/**
 * The weekly summary, put together (pure apart from the injected chart renderer): the report of the
 * last complete week, the on-time series and its chart. A chart that cannot be drawn (a broken native
 * canvas) leaves the summary without a picture rather than unsent.
 */
import type { Language } from './format.js';
import type { OnTimeSeries, PeriodReport, WeeklySummary } from './model.js';

export type ChartRenderer = (series: OnTimeSeries, lang: Language) => Promise<{ png: Uint8Array; alt: string }>;

export async function weeklySummary(report: PeriodReport, series: OnTimeSeries, lang: Language, chart: ChartRenderer | undefined, onChartError: (e: Error) => void): Promise<WeeklySummary> {
  if (!chart || series.channels.length === 0) return { report, series, chart: null };
  try {
    return { report, series, chart: await chart(series, lang) };
  } catch (e) {
    onChartError(e as Error);
    return { report, series, chart: null };
  }
}
