/**
 * ISO 8601 instants in and out, fast enough for batch mode (millions per second) and exact:
 * parsing takes the common forms directly and hands anything else to luxon; printing uses the
 * zone's offset, looked up once per UTC hour (an hour with a DST change is resolved per instant).
 */
import { DateTime } from 'luxon';
import { ZoneOffsets } from './zone-offsets.js';

export class InstantFormatError extends Error {
  override readonly name = 'InstantFormatError';
  readonly code = 'bad_instant';
}

const FAST = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The wall clock as epoch ms (as if it were UTC), or undefined when no such date or time exists. */
function wallClock(y: string, mo: string, d: string, h: string, mi: string, sec?: string, frac?: string): number | undefined {
  const year = +y;
  const month = +mo;
  const day = +d;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || +h > 23 || +mi > 59 || (sec !== undefined && +sec > 59)) return undefined;
  const millis = frac === undefined ? 0 : Math.floor(+`0.${frac}` * 1000);
  return utcMillis(year, month - 1, day, +h, +mi, sec === undefined ? 0 : +sec, millis);
}

/**
 * Date.UTC, but exact for every year: Date.UTC reads the years 0–99 as 1900–1999 (the two-digit-year
 * rule of the Date constructor), so "0050-06-01" would become 1950.
 */
export function utcMillis(year: number, month: number, day: number, h = 0, mi = 0, sec = 0, ms = 0): number {
  const t = Date.UTC(year, month, day, h, mi, sec, ms);
  if (year >= 100 || year < 0) return t;
  const d = new Date(t);
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const zones = new Map<string, ZoneOffsets>();

function offsetsOf(zone: string): ZoneOffsets {
  let z = zones.get(zone);
  if (!z) {
    z = new ZoneOffsets(zone);
    zones.set(zone, z);
  }
  return z;
}

/**
 * An ISO 8601 date-time with offset ("2026-04-02T13:00+02:00", "…Z") or without one, which is then
 * read as wall-clock time in `zone`. A date without a time is rejected: an arrival is an instant.
 */
export function parseInstant(text: string, zone: string): number {
  const s = text.trim();
  const m = FAST.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, off] = m as unknown as string[];
    const ms = wallClock(y!, mo!, d!, h!, mi!, sec, frac);
    if (ms !== undefined) {
      if (off === 'Z') return ms;
      const sign = off!.startsWith('-') ? -1 : 1;
      const digits = off!.slice(1).replace(':', '');
      const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      // an offset's minutes are 00–59 ("+00:60" is no offset), and no zone is further than ±18:00 from UTC
      if (Number(digits.slice(2)) <= 59 && offMin <= 18 * 60) return ms - sign * offMin * 60_000;
    }
    throw new InstantFormatError(`"${s}" is not a valid ISO 8601 instant (no such date, time or offset)`);
  }
  const wall = LOCAL.exec(s);
  if (wall) {
    const [, y, mo, d, h, mi, sec, frac] = wall as unknown as string[];
    const ms = wallClock(y!, mo!, d!, h!, mi!, sec, frac);
    if (ms !== undefined) return offsetsOf(zone).wallToUtc(ms);
    throw new InstantFormatError(`"${s}" is not a valid ISO 8601 instant (no such date or time)`);
  }
  if (/T\d{2}:\d{2}/.test(s)) {
    const dt = DateTime.fromISO(s, { zone, setZone: false });
    if (dt.isValid) return dt.toMillis();
  }
  throw new InstantFormatError(`"${s}" is not an ISO 8601 instant; write e.g. 2026-04-02T13:00:00+02:00, 2026-04-02T11:00:00Z or 2026-04-02T13:00 (local time)`);
}

const DAY_MS = 86_400_000;
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Prints instants in one zone as "2024-04-02T10:00:00+02:00" (milliseconds only when non-zero). */
export class InstantFormatter {
  private readonly offsets: ZoneOffsets;
  private readonly days = new Map<number, string>();
  private readonly suffixes = new Map<number, string>();

  constructor(zone: string) {
    try {
      this.offsets = new ZoneOffsets(zone);
    } catch {
      throw new InstantFormatError(`"${zone}" is not a time zone`);
    }
  }

  offset(ms: number): number {
    return this.offsets.offset(ms);
  }

  format(ms: number): string {
    const off = this.offsets.offset(ms);
    const local = ms + off * 60_000;
    const day = Math.floor(local / DAY_MS);
    let prefix = this.days.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY_MS).toISOString().slice(0, 11); // "2024-04-02T"
      if (this.days.size > 100_000) this.days.clear();
      this.days.set(day, prefix);
    }
    let suffix = this.suffixes.get(off);
    if (suffix === undefined) {
      const a = Math.abs(off);
      suffix = `${off < 0 ? '-' : '+'}${two(Math.floor(a / 60))}:${two(a % 60)}`;
      this.suffixes.set(off, suffix);
    }
    const t = local - day * DAY_MS;
    const millis = t % 1000;
    const secs = Math.floor(t / 1000);
    const clock = `${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}`;
    return `${prefix}${clock}${millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`}${suffix}`;
  }
}

/** An ISO 8601 instant given as text (offset-less ones in `zone`), or undefined when `text` is not one. */
export function instantOrUndefined(text: unknown, zone: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return parseInstant(text, zone);
  } catch (e) {
    if (e instanceof InstantFormatError) return undefined;
    throw e;
  }
}
