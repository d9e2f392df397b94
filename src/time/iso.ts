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
    const [, y, mo, d, h, mi, sec = '0', frac = '0', off] = m as unknown as string[];
    const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec, Math.floor(Number(`0.${frac}`) * 1000));
    const check = new Date(ms);
    if (+h! < 24 && +mi! < 60 && +sec < 60 && check.getUTCDate() === +d! && check.getUTCMonth() === +mo! - 1) {
      if (off === 'Z') return ms;
      const sign = off!.startsWith('-') ? -1 : 1;
      const digits = off!.slice(1).replace(':', '');
      const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      if (offMin <= 18 * 60) return ms - sign * offMin * 60_000;
    }
    throw new InstantFormatError(`"${s}" is not a valid ISO 8601 instant (no such date, time or offset)`);
  }
  const wall = LOCAL.exec(s);
  if (wall) {
    const [, y, mo, d, h, mi, sec = '0', frac = '0'] = wall as unknown as string[];
    const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec, Math.floor(Number(`0.${frac}`) * 1000));
    const check = new Date(ms);
    if (+h! < 24 && +mi! < 60 && +sec < 60 && check.getUTCDate() === +d! && check.getUTCMonth() === +mo! - 1) {
      return offsetsOf(zone).wallToUtc(ms);
    }
    throw new InstantFormatError(`"${s}" is not a valid ISO 8601 instant (no such date or time)`);
  }
  if (/T\d{2}:\d{2}/.test(s)) {
    const dt = DateTime.fromISO(s, { zone, setZone: false });
    if (dt.isValid) return dt.toMillis();
  }
  throw new InstantFormatError(`"${s}" is not an ISO 8601 instant; write e.g. 2026-04-02T13:00:00+02:00, 2026-04-02T11:00:00Z or 2026-04-02T13:00 (local time)`);
}

/** Prints instants in one zone as "2024-04-02T10:00:00+02:00" (milliseconds only when non-zero). */
export class InstantFormatter {
  private readonly offsets: ZoneOffsets;

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
    const off = this.offset(ms);
    const d = new Date(ms + off * 60_000);
    const iso = d.toISOString(); // "2024-04-02T08:00:00.000Z" shifted to local wall time
    const body = d.getUTCMilliseconds() === 0 ? iso.slice(0, 19) : iso.slice(0, 23);
    const a = Math.abs(off);
    return `${body}${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  }
}
