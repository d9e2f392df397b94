/**
 * Reports: the figures of a period (a week or a year) for one organization, beside the period
 * before, as the SQL aggregation (src/db/report-store.ts) gives them and the adapters render them.
 *
 * A period's figures are those of the inquiries *received* in it (the organization's zone), as they
 * stand when the report is made: an answer given after the period still counts for the week the
 * question came in. "On time" compares working positions (src/reports/metrics.ts).
 */
import type { Period } from './period.js';

export interface Figures {
  readonly received: number;
  readonly answered: number;
  /** answered with no working time between the deadline and the answer */
  readonly onTime: number;
  /** answered after the deadline, or still unanswered with the deadline passed */
  readonly late: number;
  /** onTime / (onTime + late); null when nothing could be judged yet */
  readonly onTimeShare: number | null;
  /** working time from arrival to answer, of the answered ones (ms) */
  readonly medianWorkingMs: number | null;
  readonly p90WorkingMs: number | null;
  /** forwarded at least once */
  readonly forwarded: number;
  /** registered (diarieförda) */
  readonly registered: number;
  /** closed without an answer */
  readonly closed: number;
  /** removed, by reason (most first) */
  readonly removed: readonly { readonly reason: string; readonly count: number }[];
  /** of the closed, those the citizen removed on the platform (close reason "borttagen av skribenten"): counted apart, never the officers' doing */
  readonly removedByAuthor: number;
}

export interface AccountReport {
  readonly accountId: number;
  readonly accountName: string;
  readonly channel: string;
  readonly current: Figures;
  readonly previous: Figures;
}

export interface OfficerFigures {
  /** answered or closed, as the assignee (or the account's responsible officer when nobody claimed it) */
  readonly handled: number;
  readonly onTime: number;
}

export interface OfficerReport {
  readonly personId: number;
  readonly name: string;
  readonly current: OfficerFigures;
  readonly previous: OfficerFigures;
}

/** An inquiry still waiting for an answer past its deadline, when the report was made. */
export interface OverdueItem {
  readonly id: number;
  readonly accountName: string;
  readonly channel: string;
  readonly url: string | null;
  readonly deadline: number;
  /** working time since the deadline (ms) */
  readonly workingTimeOverdue: number;
}

/** Messages to platform accounts that are not in any directory (no organization), by channel. */
export interface UnroutedCount {
  readonly channel: string;
  readonly current: number;
  readonly previous: number;
}

/**
 * An account nobody watches (Nässjö 16, Arvidsjaur 9: accounts that are not watched should be
 * closed): questions overdue for UNATTENDED_DAYS calendar days and more, and nothing on the account
 * answered or closed in those days.
 */
export interface UnattendedAccount {
  readonly accountId: number;
  readonly accountName: string;
  readonly channel: string;
  /** its questions overdue that long */
  readonly waiting: number;
  /** the oldest of their deadlines */
  readonly oldestDeadline: number;
}

export const UNATTENDED_DAYS = 14;

export interface PeriodReport {
  readonly orgId: string;
  readonly organization: string;
  readonly timezone: string;
  readonly period: Period;
  readonly previousPeriod: Period;
  /** when the figures were read */
  readonly madeAt: number;
  readonly total: { readonly current: Figures; readonly previous: Figures };
  readonly accounts: readonly AccountReport[];
  readonly officers: readonly OfficerReport[];
  readonly unrouted: readonly UnroutedCount[];
  /** all overdue now, counted per account */
  readonly overdueByAccount: ReadonlyMap<number, number>;
  readonly overdueTotal: number;
  /** the most overdue first, at most OVERDUE_LIST_LIMIT */
  readonly overdue: readonly OverdueItem[];
  /** accounts left unattended at the moment of the report, the longest first */
  readonly unattended: readonly UnattendedAccount[];
}

export const OVERDUE_LIST_LIMIT = 20;

/** The on-time share per channel per week, oldest week first, for the chart. */
export interface OnTimeSeries {
  readonly weeks: readonly string[];
  readonly channels: readonly { readonly channel: string; readonly shares: readonly (number | null)[] }[];
}

/** What the weekly summary notification carries (the chart is rendered by the core, PNG). */
export interface WeeklySummary {
  readonly report: PeriodReport;
  readonly series: OnTimeSeries;
  readonly chart: { readonly png: Uint8Array; readonly alt: string } | null;
}

export const EMPTY_FIGURES: Figures = {
  received: 0, answered: 0, onTime: 0, late: 0, onTimeShare: null, medianWorkingMs: null, p90WorkingMs: null,
  forwarded: 0, registered: 0, closed: 0, removed: [], removedByAuthor: 0,
};
