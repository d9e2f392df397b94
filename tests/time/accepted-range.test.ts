import { describe, expect, it } from 'vitest';
import { DEADLINE_ARRIVAL_RANGE, describeRange, MESSAGE_TIME_BOUNDS, messageTimeRange, rangeProblem } from '../../src/time/accepted-range.js';

const NOW = Date.parse('2026-11-25T12:00:00+01:00');

describe('the instants svarstid accepts', () => {
  describe("a message's own time, with the server's clock at 2026-11-25 12:00 in Stockholm", () => {
    const range = messageTimeRange(NOW);
    it('runs from 2000-01-01 to 24 hours after the clock, both ends included', () => {
      expect(rangeProblem(Date.parse('2000-01-01T00:00:00Z'), range)).toBeUndefined();
      expect(rangeProblem(NOW + 24 * 3_600_000, range)).toBeUndefined();
      expect(describeRange(range)).toBe("2000-01-01T00:00:00Z and 2026-11-26T11:00:00Z (24 hours after the server's clock)");
    });
    it('names the instant and the range for one outside', () => {
      expect(rangeProblem(Date.parse('1999-12-31T23:59:59Z'), range)).toBe(
        "1999-12-31T23:59:59Z is outside the accepted range: it must lie between 2000-01-01T00:00:00Z and 2026-11-26T11:00:00Z (24 hours after the server's clock)",
      );
      expect(rangeProblem(NOW + 24 * 3_600_000 + 1, range)).toMatch(/^2026-11-26T11:00:00.001Z is outside/);
    });
    it('refuses what is no instant at all: Infinity, NaN, past the Date range', () => {
      for (const ms of [Infinity, -Infinity, NaN, 9e15 * 1000, 1e308]) expect(rangeProblem(ms, range), String(ms)).toMatch(/^not a representable instant is outside/);
    });
  });
  describe('without a clock (the parsers called on their own)', () => {
    it('is the years 2000–2099', () => {
      expect(describeRange(MESSAGE_TIME_BOUNDS)).toBe('2000-01-01T00:00:00Z and 2099-12-31T23:59:59.999Z');
      expect(messageTimeRange(Date.parse('2099-12-31T12:00:00Z'))).toBe(MESSAGE_TIME_BOUNDS);
    });
  });
  describe('an arrival the deadline API computes', () => {
    it('is in the years 1901–9989', () => {
      expect(rangeProblem(Date.parse('1901-01-01T00:00:00Z'), DEADLINE_ARRIVAL_RANGE)).toBeUndefined();
      expect(rangeProblem(Date.parse('9989-12-31T23:59:59Z'), DEADLINE_ARRIVAL_RANGE)).toBeUndefined();
      expect(rangeProblem(Date.parse('1900-12-31T23:59:59Z'), DEADLINE_ARRIVAL_RANGE)).toMatch(/outside/);
      expect(rangeProblem(Date.parse('9990-01-01T00:00:00Z'), DEADLINE_ARRIVAL_RANGE)).toMatch(/outside/);
    });
  });
});
