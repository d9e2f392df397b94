/**
 * The instants svarstid accepts from outside, and the problem text for one it does not. A message's
 * own time (when the platform says it was written or answered) lies between 2000-01-01 — before any
 * of the platforms existed — and 24 hours after the server's clock (generous for a sender whose
 * clock is wrong, far short of a year-9999 typo). The deadline API accepts arrivals in the years
 * 1901–9989, where every response rule a policy can state still lands inside the compiled calendars
 * (1900–9999). Pure: `now` is an argument.
 */
import { utcMillis } from './iso.js';

export interface InstantRange {
  /** earliest accepted instant, epoch ms (inclusive) */
  readonly from: number;
  /** latest accepted instant, epoch ms (inclusive) */
  readonly to: number;
  /** how `to` came about, for the message: "24 hours after the server's clock" */
  readonly toNote?: string;
}

export const EARLIEST_MESSAGE_TIME = utcMillis(2000, 0, 1);
export const MESSAGE_TIME_LEAD_MS = 24 * 3_600_000;

/** The outer bounds of a message's time without a clock (the parsers' default when no `now` is given): the years 2000–2099. */
export const MESSAGE_TIME_BOUNDS: InstantRange = { from: EARLIEST_MESSAGE_TIME, to: utcMillis(2100, 0, 1) - 1 };

/** A message's own time: 2000-01-01T00:00:00Z to 24 hours after `now` (what the webhooks accept). */
export function messageTimeRange(now: number): InstantRange {
  const to = now + MESSAGE_TIME_LEAD_MS;
  return to < MESSAGE_TIME_BOUNDS.to ? { from: EARLIEST_MESSAGE_TIME, to, toNote: "24 hours after the server's clock" } : MESSAGE_TIME_BOUNDS;
}

/** Arrivals the deadline API computes: the years 1901 to 9989. */
export const DEADLINE_ARRIVAL_RANGE: InstantRange = { from: utcMillis(1901, 0, 1), to: utcMillis(9990, 0, 1) - 1 };

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** "2000-01-01T00:00:00Z and 2026-11-25T09:00:00Z (24 hours after the server's clock)" */
export function describeRange(r: InstantRange): string {
  return `${iso(r.from)} and ${iso(r.to)}${r.toNote ? ` (${r.toNote})` : ''}`;
}

/** undefined when `ms` is a real instant inside `range`; else what is wrong, to follow a field name. */
export function rangeProblem(ms: number, range: InstantRange): string | undefined {
  if (Number.isFinite(ms) && ms >= range.from && ms <= range.to) return undefined;
  const what = Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? iso(ms) : 'not a representable instant';
  return `${what} is outside the accepted range: it must lie between ${describeRange(range)}`;
}
