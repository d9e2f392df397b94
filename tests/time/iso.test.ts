import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { InstantFormatter, parseInstant } from '../../src/time/iso.js';

const SE = 'Europe/Stockholm';
const fmt = new InstantFormatter(SE);
const round = (s: string, zone = SE) => new InstantFormatter(zone).format(parseInstant(s, zone));

describe('ISO 8601 instants', () => {
  describe('when parsing', () => {
    it('takes Z, any offset, with or without colon, seconds and fractions', () => {
      expect(parseInstant('2026-04-02T11:00Z', SE)).toBe(Date.UTC(2026, 3, 2, 11));
      expect(parseInstant('2026-04-02T13:00:00+02:00', SE)).toBe(Date.UTC(2026, 3, 2, 11));
      expect(parseInstant('2026-04-02T06:00-0500', SE)).toBe(Date.UTC(2026, 3, 2, 11));
      expect(parseInstant('2026-04-02T11:00:07.250Z', SE)).toBe(Date.UTC(2026, 3, 2, 11, 0, 7, 250));
    });
    it('reads a time without offset as wall-clock time in the zone', () => {
      expect(round('2026-01-15T10:00')).toBe('2026-01-15T10:00:00+01:00');
      expect(round('2026-07-15T10:00')).toBe('2026-07-15T10:00:00+02:00');
      expect(round('2026-01-15T10:00', 'America/New_York')).toBe('2026-01-15T10:00:00-05:00');
    });
    it('moves a time in the spring-forward gap forward by the gap, and takes the first of a repeated time', () => {
      expect(round('2026-03-29T02:30')).toBe('2026-03-29T03:30:00+02:00');
      expect(round('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00');
    });
    it('reads the years 0–99 as written, not as 1900–1999 (the trap of Date.UTC)', () => {
      expect(new Date(parseInstant('0050-06-01T10:00:00Z', SE)).toISOString()).toBe('0050-06-01T10:00:00.000Z');
      expect(new Date(parseInstant('0000-02-29T10:00:00Z', SE)).toISOString()).toBe('0000-02-29T10:00:00.000Z');
      expect(new Date(parseInstant('0099-12-31T23:59:59.999Z', SE)).toISOString()).toBe('0099-12-31T23:59:59.999Z');
      expect(new Date(parseInstant('0004-02-29T12:00+01:00', SE)).toISOString()).toBe('0004-02-29T11:00:00.000Z');
      expect(new Date(parseInstant('0100-01-01T00:00Z', SE)).toISOString()).toBe('0100-01-01T00:00:00.000Z');
    });
    it('rejects impossible dates, times and offsets, dates without time, and words', () => {
      for (const bad of ['2026-02-29T10:00Z', '2026-04-31T10:00', '2026-04-02T24:00Z', '2026-04-02T10:60Z', '2026-04-02T10:00+19:00', '2026-12-01T10:00:00+00:60', '2026-12-01T10:00:00-0199', '2026-04-02', 'nu', '']) {
        expect(() => parseInstant(bad, SE), bad).toThrow(/ISO 8601/);
      }
    });
  });

  describe('when printing', () => {
    it('uses the zone offset of each instant, through DST changes', () => {
      expect(fmt.format(Date.UTC(2026, 2, 29, 0, 59, 59))).toBe('2026-03-29T01:59:59+01:00');
      expect(fmt.format(Date.UTC(2026, 2, 29, 1))).toBe('2026-03-29T03:00:00+02:00');
      expect(fmt.format(Date.UTC(2026, 9, 25, 0, 30))).toBe('2026-10-25T02:30:00+02:00');
      expect(fmt.format(Date.UTC(2026, 9, 25, 1, 30))).toBe('2026-10-25T02:30:00+01:00');
      expect(fmt.format(Date.UTC(2026, 3, 2, 11, 0, 0, 5))).toBe('2026-04-02T13:00:00.005+02:00');
    });
    it('agrees with luxon on every 37th minute of two years, in three zones', () => {
      const mismatches: string[] = [];
      for (const zone of [SE, 'America/New_York', 'Australia/Lord_Howe']) {
        const f = new InstantFormatter(zone);
        for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * 60_000 + 1_000) {
          const theirs = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
          if (f.format(ms) !== theirs) mismatches.push(`${zone} ${ms}: ${f.format(ms)} vs ${theirs}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
