/**
 * The weekly summary (and the yearly key figures, same shape): per account, per officer and in
 * total, each figure beside the period before in parentheses; the inquiries overdue now with their
 * links; and the chart as the message's image. Swedish numbers ("1 234", "87 %"), working times as
 * in reminders ("2 tim 15 min").
 */
import { DateTime } from 'luxon';
import type { Notification } from '../../src/reminders/model.js';
import { formatCount, formatShare } from '../../src/reports/format.js';
import { UNATTENDED_DAYS, type Figures, type OfficerFigures, type PeriodReport } from '../../src/reports/model.js';
import type { Period } from '../../src/reports/period.js';
import { texts } from '../../src/texts/index.js';
import { formatDateTime } from './dates.js';
import { formatDuration } from './durations.js';
import { oneLine } from './excerpt.js';
import { rendered, type Language, type RenderedMessage } from './message.js';
import { channelName, joinList, onChannel } from './names.js';

export type WeeklySummaryNotification = Extract<Notification, { type: 'weekly_summary' }>;

/** "16–22 november 2026", "30 november–6 december 2026", "29 december 2025–4 januari 2026". */
function weekRange(p: Period, zone: string, lang: Language): string {
  const a = DateTime.fromMillis(p.start, { zone });
  const b = DateTime.fromMillis(p.end, { zone }).minus({ days: 1 });
  const months = texts(lang).dates.months;
  const day = (d: DateTime, withMonth: boolean, withYear: boolean) => `${d.day}${withMonth ? ` ${months[d.month - 1]}` : ''}${withYear ? ` ${d.year}` : ''}`;
  return `${day(a, a.month !== b.month || a.year !== b.year, a.year !== b.year)}–${day(b, true, true)}`;
}

/** "Hofors kommun (Facebook)"; just the name when it already says the channel ("Kommunbloggen"). */
function accountLabel(name: string, channel: string, lang: Language): string {
  const n = oneLine(name);
  const c = channelName(channel, lang);
  return n.toLowerCase().includes(c.toLowerCase()) ? n : `${n} (${c})`;
}

const weekNumber = (p: Period) => Number(p.label.slice(-2));
const duration = (ms: number | null, lang: Language) => (ms === null ? '–' : formatDuration(ms, lang));

/** "inkomna 20 (18)" */
function pair(label: string, cur: string, prev: string): string {
  return `${label} ${cur} (${prev})`;
}

/**
 * The closed ones by reason: the reasons recorded for removal (most first), and whatever else was
 * closed (reason "annat", which is no reason to remove) as "annat". "reklam/spam 2, annat 1".
 */
function closedReasons(f: Figures, lang: Language): string {
  const reasons = new Map(f.removed.map((r) => [r.reason, r.count] as const));
  const other = f.closed - f.removed.reduce((a, r) => a + r.count, 0) - f.removedByAuthor;
  const otherReason = texts(lang).weekly.otherReason;
  // removed by the citizen on the platform: counted apart, nobody's decision
  if (f.removedByAuthor > 0) reasons.set(texts(lang).weekly.removedByAuthor, f.removedByAuthor);
  if (other > 0) reasons.set(otherReason, (reasons.get(otherReason) ?? 0) + other);
  return [...reasons].map(([reason, count]) => `${reason} ${formatCount(count, lang)}`).join(', ');
}

/** The figures of one account (or the total), as three lines. */
export function figureLines(cur: Figures, prev: Figures, overdueNow: number, lang: Language): string[] {
  const t = texts(lang).weekly;
  const c = (n: number) => formatCount(n, lang);
  const closed = pair(t.closed, c(cur.closed), c(prev.closed)) + (cur.closed > 0 ? `: ${closedReasons(cur, lang)}` : '');
  return [
    [pair(t.received, c(cur.received), c(prev.received)), pair(t.answered, c(cur.answered), c(prev.answered)), pair(t.onTime, formatShare(cur.onTimeShare, lang), formatShare(prev.onTimeShare, lang))].join(' · '),
    `${pair(t.median, duration(cur.medianWorkingMs, lang), duration(prev.medianWorkingMs, lang))} · ${pair(t.p90, duration(cur.p90WorkingMs, lang), duration(prev.p90WorkingMs, lang))}`,
    [`${t.overdueNow} ${c(overdueNow)}`, pair(t.forwarded, c(cur.forwarded), c(prev.forwarded)), pair(t.registered, c(cur.registered), c(prev.registered)), closed].join(' · '),
  ];
}

function officerText(cur: OfficerFigures, prev: OfficerFigures, lang: Language): string {
  const t = texts(lang).weekly;
  return `${t.officer(formatCount(cur.handled, lang), formatCount(cur.onTime, lang))} (${t.officer(formatCount(prev.handled, lang), formatCount(prev.onTime, lang))})`;
}

/** The report as a title and lines (also what `svarstid report --format text` prints). */
export function renderPeriodReport(r: PeriodReport, lang: Language, withChart: boolean): RenderedMessage {
  const t = texts(lang).weekly;
  const indent = (l: string) => `  ${l}`;
  const title = r.period.kind === 'week' ? t.weekTitle(r.organization, weekNumber(r.period), weekRange(r.period, r.timezone, lang)) : t.yearTitle(r.organization, r.period.label);
  const lines: string[] = [t.legend(r.period.kind === 'week' ? t.previousWeek(weekNumber(r.previousPeriod)) : t.previousYear(r.previousPeriod.label))];
  lines.push(`${t.total}:`, ...figureLines(r.total.current, r.total.previous, r.overdueTotal, lang).map(indent));
  if (r.total.current.received === 0 && r.total.previous.received === 0) lines.push(indent(t.none));
  const idle: string[] = [];
  for (const a of r.accounts) {
    const overdue = r.overdueByAccount.get(a.accountId) ?? 0;
    if (a.current.received + a.previous.received + overdue === 0) {
      idle.push(accountLabel(a.accountName, a.channel, lang));
      continue;
    }
    lines.push(`${accountLabel(a.accountName, a.channel, lang)}:`, ...figureLines(a.current, a.previous, overdue, lang).map(indent));
  }
  if (idle.length > 0) lines.push(t.idle(joinList(idle, lang)));
  if (r.officers.length > 0) lines.push(t.officers, ...r.officers.map((o) => indent(`${oneLine(o.name)}: ${officerText(o.current, o.previous, lang)}`)));
  if (r.unrouted.length > 0) {
    lines.push(t.unrouted, indent(joinList(r.unrouted.map((u) => `${channelName(u.channel, lang)} ${formatCount(u.current, lang)} (${formatCount(u.previous, lang)})`), lang)));
  }
  if (r.overdueTotal === 0) lines.push(t.noOverdue);
  else {
    lines.push(t.overdueList(formatCount(r.overdueTotal, lang)));
    for (const o of r.overdue) {
      lines.push(indent(t.overdueItem(o.id, oneLine(o.accountName), onChannel(o.channel, lang), formatDuration(o.workingTimeOverdue, lang), formatDateTime(o.deadline, r.timezone, r.madeAt, lang))));
      if (o.url) lines.push(indent(`  ${o.url.trim()}`));
    }
    if (r.overdueTotal > r.overdue.length) lines.push(indent(t.more(formatCount(r.overdueTotal - r.overdue.length, lang))));
  }
  if (r.unattended.length > 0) {
    lines.push(t.unattended(UNATTENDED_DAYS));
    for (const u of r.unattended) lines.push(indent(t.unattendedItem(oneLine(u.accountName), onChannel(u.channel, lang), u.waiting, formatCount(u.waiting, lang), formatDateTime(u.oldestDeadline, r.timezone, r.madeAt, lang))));
  }
  if (withChart) lines.push(t.chart);
  return rendered(title, lines);
}

export function renderWeeklySummary(n: WeeklySummaryNotification): RenderedMessage {
  const s = n.summary;
  const m = renderPeriodReport(s.report, n.language, s.chart !== null);
  if (!s.chart) return m;
  return { ...m, image: { png: s.chart.png, alt: s.chart.alt, filename: `svarstid-${s.report.orgId}-${s.report.period.label}.png` } };
}
