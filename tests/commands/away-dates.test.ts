import { describe, expect, it } from 'vitest';
import { at, command, error, NOW, period } from './helpers.js';

// NOW is Wednesday 25 November 2026, 10:00 in Stockholm (+01:00).
const wholeDays = (from: string, toExclusive: string) => ({ from: `${from}T00:00+01:00`, to: `${toExclusive}T00:00+01:00` });

describe('frånvaro: the period FROM TO', () => {
  describe('when both are dates without a time', () => {
    it('starts at FROM’s local midnight and includes the whole of TO', () => {
      expect(period('frånvaro 2026-12-01 2026-12-04')).toEqual(wholeDays('2026-12-01', '2026-12-05'));
    });
    it.each(['2026-12-01 2026-12-04', '1/12 4/12', '1/12/2026 4/12/2026', '1/12/26 4/12/26', '01/12 04/12', '2026-12-01 4/12'])(
      'reads "%s" as 1–4 December',
      (dates) => {
        expect(period(`frånvaro ${dates}`)).toEqual(wholeDays('2026-12-01', '2026-12-05'));
      },
    );
    it('is one day when FROM and TO are the same day', () => {
      expect(period('away 2026-12-01 2026-12-01')).toEqual(wholeDays('2026-12-01', '2026-12-02'));
    });
  });

  describe('when the days are named relative to now', () => {
    it.each(['idag idag', 'i dag i dag', 'today today', 'IDAG Today'])('"%s" is today', (dates) => {
      expect(period(`frånvaro ${dates}`)).toEqual(wholeDays('2026-11-25', '2026-11-26'));
    });
    it.each(['imorgon imorgon', 'i morgon i morgon', 'tomorrow tomorrow', 'Imorgon TOMORROW'])('"%s" is tomorrow', (dates) => {
      expect(period(`frånvaro ${dates}`)).toEqual(wholeDays('2026-11-26', '2026-11-27'));
    });
    it('is "today" and "tomorrow" of the organization’s zone, not of UTC', () => {
      // 00:30 in Stockholm is still the 24th in UTC
      expect(period('away tomorrow tomorrow', at('2026-11-25T00:30'))).toEqual(wholeDays('2026-11-26', '2026-11-27'));
      expect(period('away tomorrow tomorrow', at('2026-11-25T23:30'))).toEqual(wholeDays('2026-11-26', '2026-11-27'));
      // 03:00 in Stockholm is still the 24th in New York
      expect(period('away today today', at('2026-11-25T03:00'), 'America/New_York')).toEqual({ from: '2026-11-24T00:00-05:00', to: '2026-11-25T00:00-05:00' });
    });
    it('crosses into the next year', () => {
      expect(period('frånvaro imorgon imorgon', at('2026-12-31T12:00'))).toEqual({ from: '2027-01-01T00:00+01:00', to: '2027-01-02T00:00+01:00' });
    });
  });

  describe('when the days are weekday names', () => {
    it.each(['måndag fredag', 'mandag fredag', 'Måndag FREDAG', 'monday friday', 'mån fre', 'mon fri'])(
      '"%s" is next week Monday to Friday',
      (dates) => {
        expect(period(`frånvaro ${dates}`)).toEqual(wholeDays('2026-11-30', '2026-12-05'));
      },
    );
    it('means the next such day, today excluded', () => {
      expect(period('frånvaro onsdag onsdag')).toEqual(wholeDays('2026-12-02', '2026-12-03'));
      expect(period('frånvaro torsdag torsdag')).toEqual(wholeDays('2026-11-26', '2026-11-27'));
      expect(period('away saturday sunday')).toEqual(wholeDays('2026-11-28', '2026-11-30'));
    });
    it('in TO means the first such day on or after FROM', () => {
      expect(period('frånvaro fredag tisdag')).toEqual(wholeDays('2026-11-27', '2026-12-02'));
      expect(period('frånvaro idag onsdag')).toEqual(wholeDays('2026-11-25', '2026-12-03'));
      expect(period('frånvaro 2026-12-07 fredag')).toEqual(wholeDays('2026-12-07', '2026-12-12'));
    });
  });

  describe('when a day/month has no year', () => {
    it('takes FROM nearest today and TO on or after FROM, across the new year', () => {
      expect(period('frånvaro 28/12 3/1', at('2026-12-20T09:00'))).toEqual(wholeDays('2026-12-28', '2027-01-04'));
      expect(period('frånvaro 2/1 3/1', at('2026-12-20T09:00'))).toEqual(wholeDays('2027-01-02', '2027-01-04'));
      expect(period('frånvaro 28/12 3/1', at('2027-01-02T09:00'))).toEqual(wholeDays('2026-12-28', '2027-01-04'));
    });
    it('allows an absence that has already started', () => {
      expect(period('frånvaro 23/11 27/11')).toEqual(wholeDays('2026-11-23', '2026-11-28'));
    });
    it('finds the nearest leap day', () => {
      expect(period('frånvaro 29/2 1/3')).toEqual(wholeDays('2028-02-29', '2028-03-02'));
    });
  });

  describe('when a time is given', () => {
    it.each([
      '2026-12-01T13:00 2026-12-04T12:00',
      '2026-12-01 13:00 2026-12-04 12:00',
      '1/12 13.00 4/12 12.00',
      '1/12 kl 13:00 till 4/12 kl. 12:00',
      '2026-12-01 at 13:00 to 2026-12-04 at 12:00',
    ])('"%s" starts and ends at those times', (dates) => {
      expect(period(`away ${dates}`)).toEqual({ from: '2026-12-01T13:00+01:00', to: '2026-12-04T12:00+01:00' });
    });
    it('still includes the whole of TO when only FROM has a time', () => {
      expect(period('frånvaro idag 13:00 fredag')).toEqual({ from: '2026-11-25T13:00+01:00', to: '2026-11-28T00:00+01:00' });
    });
    it('ends at TO’s time when only TO has one', () => {
      expect(period('frånvaro imorgon i morgon 12:00')).toEqual({ from: '2026-11-26T00:00+01:00', to: '2026-11-26T12:00+01:00' });
    });
  });

  describe('when FROM and TO are joined by a word or sign', () => {
    it.each(['1/12 till 4/12', '1/12 to 4/12', '1/12 - 4/12', '1/12 – 4/12', '1/12 t.o.m. 4/12', '1/12 tom 4/12', '2026-12-01..2026-12-04', '1/12–4/12', '1/12..4/12'])(
      '"%s" is 1–4 December',
      (dates) => {
        expect(period(`frånvaro ${dates} @maria.ek`)).toEqual({ ...wholeDays('2026-12-01', '2026-12-05'), substitute: { kind: 'name', name: 'maria.ek' } });
      },
    );
  });

  describe('when the period spans a DST change in Europe/Stockholm', () => {
    it('ends at the next local midnight after the spring change (+02:00)', () => {
      expect(period('frånvaro 2026-03-28 2026-03-30')).toEqual({ from: '2026-03-28T00:00+01:00', to: '2026-03-31T00:00+02:00' });
      const c = command('frånvaro 2026-03-28 2026-03-30');
      expect(c.type === 'away' && c.to - c.from).toBe((3 * 24 - 1) * 3_600_000);
    });
    it('ends at the next local midnight after the autumn change (+01:00)', () => {
      expect(period('away 2026-10-24 2026-10-25')).toEqual({ from: '2026-10-24T00:00+02:00', to: '2026-10-26T00:00+01:00' });
      const c = command('away 2026-10-24 2026-10-25');
      expect(c.type === 'away' && c.to - c.from).toBe(49 * 3_600_000);
    });
    it('makes "tomorrow" on the day before the spring change 23 hours long', () => {
      const c = command('frånvaro imorgon imorgon', at('2026-03-28T10:00'));
      expect(period('frånvaro imorgon imorgon', at('2026-03-28T10:00'))).toEqual({ from: '2026-03-29T00:00+01:00', to: '2026-03-30T00:00+02:00' });
      expect(c.type === 'away' && c.to - c.from).toBe(23 * 3_600_000);
    });
    it('moves a clock time DST skips an hour forward, and takes the first of a repeated one', () => {
      expect(period('frånvaro 2026-03-29 02:30 2026-03-29 12:00').from).toBe('2026-03-29T03:30+02:00');
      expect(period('frånvaro 2026-10-25 02:30 2026-10-25 12:00').from).toBe('2026-10-25T02:30+02:00');
    });
  });

  describe('when the period cannot be read', () => {
    it('is missing_date without FROM or TO', () => {
      expect(error('frånvaro')).toEqual({ code: 'missing_date', command: 'away' });
      expect(error('away @maria.ek')).toEqual({ code: 'missing_date', command: 'away' });
    });
    it('is missing_end_date when FROM is there and TO is not', () => {
      expect(error('frånvaro idag')).toEqual({ code: 'missing_end_date', command: 'away' });
      expect(error('frånvaro idag <@U0123ABC>')).toEqual({ code: 'missing_end_date', command: 'away' });
      expect(error('frånvaro i dag @anna.berg')).toEqual({ code: 'missing_end_date', command: 'away' });
    });
    it.each([
      ['frånvaro 2026-02-30 2026-03-01', '2026-02-30'],
      ['frånvaro 32/12 1/1', '32/12'],
      ['frånvaro 1/13 2/13', '1/13'],
      ['frånvaro igår idag', 'igår'],
      ['frånvaro idag sen', 'sen'],
      ['away 2026-12-01T25:00 2026-12-02', '2026-12-01T25:00'],
      ['away 1/12 24:00 2/12', '1/12 24:00'],
      ['away 1/12 2/12 13:60', '2/12 13:60'],
    ])('"%s" is bad_date for "%s"', (text, given) => {
      expect(error(text)).toEqual({ code: 'bad_date', command: 'away', given });
    });
    it.each([
      ['frånvaro 2026-12-04 2026-12-01', '2026-12-04 2026-12-01'],
      ['frånvaro 4/12/2026 1/12/2026', '4/12/2026 1/12/2026'],
      ['frånvaro idag 13:00 idag 12:00', 'idag 13:00 idag 12:00'],
      ['frånvaro idag 13:00 till idag 13:00', 'idag 13:00 till idag 13:00'],
    ])('"%s" ends before it starts: bad_period', (text, given) => {
      expect(error(text)).toEqual({ code: 'bad_period', command: 'away', given });
    });
    it('takes at most one substitute', () => {
      expect(error('frånvaro idag imorgon @maria.ek @erik.lind')).toEqual({ code: 'too_many_arguments', command: 'away', given: '@erik.lind' });
    });
  });

  it('uses the injected now, never the clock', () => {
    expect(period('frånvaro idag idag', at('2031-06-10T12:00'))).toEqual({ from: '2031-06-10T00:00+02:00', to: '2031-06-11T00:00+02:00' });
    expect(NOW).toBe(at('2026-11-25T10:00'));
  });
});
