/** Parsing and printing of "08:00-12:00, 13:00-16:30" hour specifications. */
import type { LocalInterval } from './types.js';

export class HoursFormatError extends Error {
  override readonly name = 'HoursFormatError';
}

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "08:30" -> 510; "24:00" -> 1440 (only as an end). Throws HoursFormatError. */
export function parseClock(text: string): number {
  const m = TIME.exec(text.trim());
  if (!m) throw new HoursFormatError(`"${text.trim()}" is not a time of day (HH:MM, e.g. 08:00)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440) throw new HoursFormatError(`"${text.trim()}" is after 24:00`);
  return minutes;
}

/**
 * Parses comma-separated half-open intervals: "08:00-12:00, 13:00-16:30".
 * Each interval must be non-empty, and the intervals sorted and not overlapping.
 */
export function parseIntervals(text: string): LocalInterval[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) {
    throw new HoursFormatError(`"${text}" must list intervals like "08:00-12:00, 13:00-16:30"`);
  }
  const intervals = parts.map((part) => {
    const ends = part.split('-');
    if (ends.length !== 2) throw new HoursFormatError(`"${part}" is not an interval (HH:MM-HH:MM)`);
    const start = parseClock(ends[0]!);
    const end = parseClock(ends[1]!);
    if (start === 1440) throw new HoursFormatError(`"${part}" starts at 24:00`);
    if (end <= start) throw new HoursFormatError(`"${part}" ends before it starts`);
    return { start, end };
  });
  for (let i = 1; i < intervals.length; i++) {
    if (intervals[i]!.start < intervals[i - 1]!.end) {
      throw new HoursFormatError(`"${text}": intervals must be in order and must not overlap`);
    }
  }
  return intervals;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatIntervals(intervals: readonly LocalInterval[]): string {
  return intervals.map((i) => `${formatClock(i.start)}-${formatClock(i.end)}`).join(', ');
}
