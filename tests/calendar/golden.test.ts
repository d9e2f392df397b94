/**
 * Golden cases for business time (DESIGN.md, "Business time: the semantics").
 *
 * Unless a describe says otherwise the calendar is the builder's default: Mon–Fri 08:00–17:00
 * (9 working hours a day, intervals half-open [08:00, 17:00)), Europe/Stockholm, public holidays
 * closed, midsommarafton/julafton/nyårsafton closed. Every weekday and holiday date below was checked
 * (Easter Sunday 2026 = 5 April, 2025 = 20 April; Kristi himmelsfärd = Easter + 39 days;
 * midsommarafton = the Friday between 19 and 25 June; alla helgons dag = the Saturday between
 * 31 October and 6 November; summer time 2026 from Sun 29 March 02:00→03:00 to Sun 25 October
 * 03:00→02:00). Offsets: +01:00 in winter (CET), +02:00 in summer (CEST).
 */
import { describe, expect, it } from 'vitest';
import { at, calendar, hours, local, minutes } from '../support/calendar-builder.js';

const regular = calendar();

describe('business time: golden cases', () => {
  describe('when the examples of DESIGN.md are applied to an ordinary week (Mon 13 – Mon 20 April 2026, no holidays)', () => {
    it('Fri 15:30 + 4 working hours = Mon 10:30', () => {
      // Fri 2026-04-17: 15:30–17:00 = 1.5 h; Sat 18, Sun 19 closed; Mon 20: 08:00 + 2.5 h = 10:30.
      expect(local(regular.addWorkingTime(at('2026-04-17T15:30'), hours(4)))).toBe('2026-04-20T10:30+02:00');
    });

    it('Thu 13:00 + 4 working hours = Thu 17:00, not Fri 08:00', () => {
      // Thu 2026-04-16: 13:00–17:00 is exactly 4 h; the earliest instant with 4 h elapsed is the close.
      expect(local(regular.addWorkingTime(at('2026-04-16T13:00'), hours(4)))).toBe('2026-04-16T17:00+02:00');
    });

    it('Mon 10:00 + 1 working day = Tue 10:00', () => {
      // Mon 2026-04-13, w = 08:00–10:00 = 2 h; next working day Tue 14: 08:00 + 2 h = 10:00.
      expect(local(regular.addWorkingDays(at('2026-04-13T10:00'), 1))).toBe('2026-04-14T10:00+02:00');
    });

    it('Fri 15:30 + 1 working day = Mon 15:30', () => {
      // Fri 2026-04-17, w = 7.5 h; next working day Mon 20 (weekend skipped): 08:00 + 7.5 h = 15:30.
      expect(local(regular.addWorkingDays(at('2026-04-17T15:30'), 1))).toBe('2026-04-20T15:30+02:00');
    });

    it('Sat 11:00 + 1 working day = Mon 17:00 (the end of the next working day)', () => {
      // Sat 2026-04-18 is closed → moved to the next opening Mon 20 08:00, w = 0; the earliest instant
      // with w = 0 elapsed on the day after Monday is Monday's close.
      expect(local(regular.addWorkingDays(at('2026-04-18T11:00'), 1))).toBe('2026-04-20T17:00+02:00');
    });

    it('Mon 08:00 + 1 working day = Mon 17:00 (an arrival at opening)', () => {
      // Mon 2026-04-20 08:00, w = 0 → the close of that same day, 17:00.
      expect(local(regular.addWorkingDays(at('2026-04-20T08:00'), 1))).toBe('2026-04-20T17:00+02:00');
    });
  });

  describe('when the Easter block closes långfredagen, påskafton, påskdagen and annandag påsk (2026)', () => {
    // Thu 2 April skärtorsdagen (open), Fri 3 långfredagen (public holiday), Sat 4 påskafton,
    // Sun 5 påskdagen, Mon 6 annandag påsk (public holiday); the next working day is Tue 7 April.
    describe('and skärtorsdagen has its regular hours', () => {
      it('Thu 14:00 + 4 working hours = Tue 09:00', () => {
        // Thu 14:00–17:00 = 3 h; Fri 3 – Mon 6 closed; Tue 7: 08:00 + 1 h = 09:00.
        expect(local(regular.addWorkingTime(at('2026-04-02T14:00'), hours(4)))).toBe('2026-04-07T09:00+02:00');
      });

      it('Thu 14:00 + 1 working day = Tue 14:00', () => {
        // w = 08:00–14:00 = 6 h on Thu; the next working day is Tue 7: 08:00 + 6 h = 14:00.
        expect(local(regular.addWorkingDays(at('2026-04-02T14:00'), 1))).toBe('2026-04-07T14:00+02:00');
      });

      it('an arrival on långfredagen gets the end of Tuesday as 1 working day, Tue 12:00 as 4 hours', () => {
        // Fri 3 April 10:00 is closed → next opening Tue 7 08:00; + 4 h = 12:00; + 1 day = Tue's close.
        const goodFriday = at('2026-04-03T10:00');
        expect(regular.isOpen(goodFriday)).toBe(false);
        expect(local(regular.addWorkingTime(goodFriday, hours(4)))).toBe('2026-04-07T12:00+02:00');
        expect(local(regular.addWorkingDays(goodFriday, 1))).toBe('2026-04-07T17:00+02:00');
      });
    });

    describe('and skärtorsdagen is shortened to 08:00-12:00', () => {
      const shortThursday = calendar({ shortened: { skärtorsdagen: '08:00-12:00' } });

      it('Thu 11:00 + 4 working hours = Tue 11:00', () => {
        // Thu 11:00–12:00 = 1 h (the day ends at 12:00); Fri–Mon closed; Tue 7: 08:00 + 3 h = 11:00.
        expect(local(shortThursday.addWorkingTime(at('2026-04-02T11:00'), hours(4)))).toBe('2026-04-07T11:00+02:00');
      });

      it('Thu 14:00 (after the shortened close) + 4 working hours = Tue 12:00', () => {
        // Thu 14:00 is closed → counting starts Tue 08:00; + 4 h = 12:00.
        expect(shortThursday.isOpen(at('2026-04-02T14:00'))).toBe(false);
        expect(local(shortThursday.addWorkingTime(at('2026-04-02T14:00'), hours(4)))).toBe('2026-04-07T12:00+02:00');
      });

      it('Thu 10:00 + 1 working day = Tue 10:00', () => {
        // w = 08:00–10:00 = 2 h; Tue 7: 08:00 + 2 h = 10:00.
        expect(local(shortThursday.addWorkingDays(at('2026-04-02T10:00'), 1))).toBe('2026-04-07T10:00+02:00');
      });

      it('Thu 14:00 (after the shortened close) + 1 working day = Tue 17:00', () => {
        // closed → moved to Tue 08:00, w = 0 → the end of Tuesday.
        expect(local(shortThursday.addWorkingDays(at('2026-04-02T14:00'), 1))).toBe('2026-04-07T17:00+02:00');
      });

      it('Wed 15:00 + 1 working day = Thu 12:00 (the short day closes before w is reached)', () => {
        // Wed 1 April w = 7 h; the next working day, skärtorsdagen, has only 4 h → its close, 12:00.
        expect(local(shortThursday.addWorkingDays(at('2026-04-01T15:00'), 1))).toBe('2026-04-02T12:00+02:00');
      });

      it('Wed 15:00 + 4 working hours = Thu 10:00', () => {
        // Wed 15:00–17:00 = 2 h; Thu 08:00 + 2 h = 10:00 (inside the shortened hours).
        expect(local(shortThursday.addWorkingTime(at('2026-04-01T15:00'), hours(4)))).toBe('2026-04-02T10:00+02:00');
      });
    });
  });

  describe('when Kristi himmelsfärdsdag falls on Thursday 14 May 2026 (Easter 5 April + 39)', () => {
    describe('and the Friday after it is an ordinary working day', () => {
      it('Wed 15:00 + 4 working hours = Fri 10:00', () => {
        // Wed 13 May 15:00–17:00 = 2 h; Thu 14 closed (public holiday); Fri 15: 08:00 + 2 h = 10:00.
        expect(local(regular.addWorkingTime(at('2026-05-13T15:00'), hours(4)))).toBe('2026-05-15T10:00+02:00');
      });

      it('Wed 15:00 + 1 working day = Fri 15:00', () => {
        // w = 7 h; the next working day is Fri 15: 08:00 + 7 h = 15:00.
        expect(local(regular.addWorkingDays(at('2026-05-13T15:00'), 1))).toBe('2026-05-15T15:00+02:00');
      });

      it('an arrival on Kristi himmelsfärdsdag + 1 working day = Fri 17:00', () => {
        // Thu 14 May 10:00 is closed → Fri 08:00, w = 0 → Friday's close.
        expect(regular.isOpen(at('2026-05-14T10:00'))).toBe(false);
        expect(local(regular.addWorkingDays(at('2026-05-14T10:00'), 1))).toBe('2026-05-15T17:00+02:00');
      });
    });

    describe('and the Friday after it is a closed date (klämdag)', () => {
      const bridge = calendar({ closedDates: ['2026-05-15'] });

      it('Wed 15:00 + 4 working hours = Mon 10:00', () => {
        // Wed 2 h; Thu 14 holiday; Fri 15 closed date; Sat 16, Sun 17; Mon 18: 08:00 + 2 h = 10:00.
        expect(local(bridge.addWorkingTime(at('2026-05-13T15:00'), hours(4)))).toBe('2026-05-18T10:00+02:00');
      });

      it('Wed 15:00 + 1 working day = Mon 15:00', () => {
        // w = 7 h; the next working day is Mon 18: 08:00 + 7 h = 15:00.
        expect(local(bridge.addWorkingDays(at('2026-05-13T15:00'), 1))).toBe('2026-05-18T15:00+02:00');
      });

      it('an arrival on Kristi himmelsfärdsdag + 1 working day = Mon 17:00', () => {
        // Thu 14 closed → next opening Mon 18 08:00, w = 0 → Monday's close.
        expect(local(bridge.addWorkingDays(at('2026-05-14T10:00'), 1))).toBe('2026-05-18T17:00+02:00');
      });
    });
  });

  describe('when midsommarafton is Fri 19 June and midsommardagen Sat 20 June 2026', () => {
    describe('and midsommarafton is closed (the default)', () => {
      it('Thu 15:00 + 4 working hours = Mon 10:00', () => {
        // Thu 18 June 15:00–17:00 = 2 h; Fri 19 midsommarafton closed; Sat 20 midsommardagen, Sun 21;
        // Mon 22: 08:00 + 2 h = 10:00.
        expect(local(regular.addWorkingTime(at('2026-06-18T15:00'), hours(4)))).toBe('2026-06-22T10:00+02:00');
      });

      it('Thu 15:00 + 1 working day = Mon 15:00', () => {
        // w = 7 h; next working day Mon 22: 08:00 + 7 h = 15:00.
        expect(local(regular.addWorkingDays(at('2026-06-18T15:00'), 1))).toBe('2026-06-22T15:00+02:00');
      });

      it('midsommarafton 10:00 is closed and its next opening is Monday 08:00', () => {
        expect(regular.isOpen(at('2026-06-19T10:00'))).toBe(false);
        expect(local(regular.nextOpening(at('2026-06-19T10:00')))).toBe('2026-06-22T08:00+02:00');
      });
    });

    describe('and midsommarafton is not closed (closed: [])', () => {
      const noEves = calendar({ closed: [] });

      it('Thu 15:00 + 4 working hours = Fri 10:00 (midsommarafton is an ordinary Friday)', () => {
        // Thu 2 h; Fri 19: 08:00 + 2 h = 10:00.
        expect(local(noEves.addWorkingTime(at('2026-06-18T15:00'), hours(4)))).toBe('2026-06-19T10:00+02:00');
      });

      it('Thu 15:00 + 1 working day = Fri 15:00', () => {
        // w = 7 h; Fri 19: 08:00 + 7 h = 15:00.
        expect(local(noEves.addWorkingDays(at('2026-06-18T15:00'), 1))).toBe('2026-06-19T15:00+02:00');
      });

      it('midsommardagen (a public holiday) stays closed', () => {
        // Fri 19 15:00 + 4 h: Fri 2 h; Sat 20 is not a working day anyway; Mon 22 08:00 + 2 h = 10:00.
        expect(noEves.isOpen(at('2026-06-19T10:00'))).toBe(true);
        expect(local(noEves.addWorkingTime(at('2026-06-19T15:00'), hours(4)))).toBe('2026-06-22T10:00+02:00');
        expect(noEves.specialDays(2026).some((d) => d.name === 'midsommarafton')).toBe(false);
      });
    });
  });

  describe('when nationaldagen (6 June) is a public holiday', () => {
    describe('and it falls on a Friday (2025)', () => {
      it('Thu 15:00 + 4 working hours = Mon 10:00', () => {
        // Thu 5 June 2025 15:00–17:00 = 2 h; Fri 6 nationaldagen closed; Sat 7, Sun 8 (pingstdagen);
        // Mon 9 June (annandag pingst, an ordinary working day since 2005): 08:00 + 2 h = 10:00.
        expect(local(regular.addWorkingTime(at('2025-06-05T15:00'), hours(4)))).toBe('2025-06-09T10:00+02:00');
      });

      it('Thu 15:00 + 1 working day = Mon 15:00', () => {
        // w = 7 h; next working day Mon 9 June: 15:00.
        expect(local(regular.addWorkingDays(at('2025-06-05T15:00'), 1))).toBe('2025-06-09T15:00+02:00');
      });
    });

    describe('and it falls on a Wednesday (2029)', () => {
      it('Tue 15:00 + 4 working hours = Thu 10:00', () => {
        // Tue 5 June 2029 2 h; Wed 6 closed; Thu 7: 08:00 + 2 h = 10:00.
        expect(local(regular.addWorkingTime(at('2029-06-05T15:00'), hours(4)))).toBe('2029-06-07T10:00+02:00');
      });

      it('Tue 15:00 + 1 working day = Thu 15:00', () => {
        // w = 7 h; next working day Thu 7 June: 15:00.
        expect(local(regular.addWorkingDays(at('2029-06-05T15:00'), 1))).toBe('2029-06-07T15:00+02:00');
      });
    });

    describe('and it falls on a Saturday (2026)', () => {
      it('Fri 15:00 + 4 working hours = Mon 10:00 (no working day is lost)', () => {
        // Fri 5 June 2026 2 h; Sat 6 (nationaldagen) and Sun 7 closed anyway; Mon 8: 10:00.
        expect(local(regular.addWorkingTime(at('2026-06-05T15:00'), hours(4)))).toBe('2026-06-08T10:00+02:00');
      });

      it('Fri 15:00 + 1 working day = Mon 15:00', () => {
        // w = 7 h; Mon 8 June 08:00 + 7 h.
        expect(local(regular.addWorkingDays(at('2026-06-05T15:00'), 1))).toBe('2026-06-08T15:00+02:00');
      });

      it('is listed as a public holiday that does not affect a working day', () => {
        expect(regular.specialDays(2026)).toContainEqual({
          date: '2026-06-06',
          kind: 'public_holiday',
          name: 'nationaldagen',
          affectsWorkingDay: false,
        });
      });
    });
  });

  describe('when alla helgons dag falls on Saturday 31 October 2026', () => {
    // Summer time ended Sun 25 October, so the offset is +01:00. Allhelgonaafton, Fri 30 October, is
    // not a public holiday and not closed by default: it is an ordinary working day.
    it('allhelgonaafton (Fri 30 October) is open by default', () => {
      expect(regular.isOpen(at('2026-10-30T10:00'))).toBe(true);
      expect(regular.specialDays(2026).some((d) => d.date === '2026-10-30')).toBe(false);
    });

    it('Thu 15:00 + 4 working hours = Fri 10:00', () => {
      // Thu 29 October 2 h; Fri 30: 08:00 + 2 h = 10:00.
      expect(local(regular.addWorkingTime(at('2026-10-29T15:00'), hours(4)))).toBe('2026-10-30T10:00+01:00');
    });

    it('Thu 15:00 + 1 working day = Fri 15:00', () => {
      // w = 7 h; Fri 30 October 08:00 + 7 h = 15:00.
      expect(local(regular.addWorkingDays(at('2026-10-29T15:00'), 1))).toBe('2026-10-30T15:00+01:00');
    });

    it('Fri 15:00 + 4 working hours = Mon 2 November 10:00', () => {
      // Fri 30 2 h; Sat 31 (alla helgons dag), Sun 1 November; Mon 2: 08:00 + 2 h = 10:00.
      expect(local(regular.addWorkingTime(at('2026-10-30T15:00'), hours(4)))).toBe('2026-11-02T10:00+01:00');
    });
  });

  describe('when julafton through annandag jul and nyårsafton, nyårsdagen close (2026–2027)', () => {
    // Wed 23 Dec open; Thu 24 julafton (closed by default); Fri 25 juldagen, Sat 26 annandag jul
    // (public holidays); Sun 27; Mon 28, Tue 29, Wed 30 open; Thu 31 nyårsafton (closed by default);
    // Fri 1 Jan 2027 nyårsdagen; Sat 2, Sun 3; Mon 4, Tue 5 open; Wed 6 trettondedag jul (public).
    it('Wed 23 Dec 14:00 + 4 working hours = Mon 28 Dec 09:00', () => {
      // Wed 14:00–17:00 = 3 h; Thu 24 – Sun 27 closed; Mon 28: 08:00 + 1 h = 09:00.
      expect(local(regular.addWorkingTime(at('2026-12-23T14:00'), hours(4)))).toBe('2026-12-28T09:00+01:00');
    });

    it('Wed 23 Dec 14:00 + 1 working day = Mon 28 Dec 14:00', () => {
      // w = 6 h; the next working day is Mon 28: 08:00 + 6 h = 14:00.
      expect(local(regular.addWorkingDays(at('2026-12-23T14:00'), 1))).toBe('2026-12-28T14:00+01:00');
    });

    it('Wed 23 Dec 14:00 + 5 working days = Tue 5 Jan 14:00, and + 6 = Thu 7 Jan 14:00', () => {
      // working days after Wed 23: Mon 28 (1), Tue 29 (2), Wed 30 (3), Mon 4 Jan (4), Tue 5 (5),
      // Wed 6 is trettondedag jul, Thu 7 (6).
      expect(local(regular.addWorkingDays(at('2026-12-23T14:00'), 5))).toBe('2027-01-05T14:00+01:00');
      expect(local(regular.addWorkingDays(at('2026-12-23T14:00'), 6))).toBe('2027-01-07T14:00+01:00');
    });

    it('Wed 30 Dec 14:00 + 4 working hours = Mon 4 Jan 09:00 (across the year boundary)', () => {
      // Wed 30 3 h; Thu 31 nyårsafton, Fri 1 nyårsdagen, Sat 2, Sun 3 closed; Mon 4: 09:00.
      expect(local(regular.addWorkingTime(at('2026-12-30T14:00'), hours(4)))).toBe('2027-01-04T09:00+01:00');
    });

    it('Wed 30 Dec 14:00 + 1 working day = Mon 4 Jan 14:00', () => {
      // w = 6 h; next working day Mon 4 Jan: 14:00.
      expect(local(regular.addWorkingDays(at('2026-12-30T14:00'), 1))).toBe('2027-01-04T14:00+01:00');
    });

    it('the working time from Wed 23 Dec 08:00 to Mon 4 Jan 08:00 is 4 working days: 4 × 9 h', () => {
      // Wed 23, Mon 28, Tue 29, Wed 30 are the only working days in between: 4 × 9 h = 36 h.
      expect(regular.workingTimeBetween(at('2026-12-23T08:00'), at('2027-01-04T08:00'))).toBe(hours(36));
    });
  });

  describe('when the clocks change', () => {
    describe('and summer time starts (Sun 29 March 2026, 02:00 → 03:00)', () => {
      it('Fri 15:30 + 4 working hours = Mon 10:30, printed at +02:00', () => {
        // Fri 27 March 15:30–17:00 (+01:00) = 1.5 h; weekend; Mon 30: 08:00 + 2.5 h = 10:30 (+02:00).
        expect(local(regular.addWorkingTime(at('2026-03-27T15:30'), hours(4)))).toBe('2026-03-30T10:30+02:00');
      });

      it('Fri 15:30 + 1 working day = Mon 15:30 (+02:00)', () => {
        // w = 7.5 h; Mon 30: 08:00 + 7.5 h = 15:30 local, although the weekend had only 47 real hours.
        expect(local(regular.addWorkingDays(at('2026-03-27T15:30'), 1))).toBe('2026-03-30T15:30+02:00');
      });

      it('an arrival at 00:30Z on the night of the change (01:30 +01:00) + 4 working hours = Mon 12:00', () => {
        // Sun closed → Mon 30 08:00 (+02:00) + 4 h = 12:00.
        expect(local(at('2026-03-29T00:30:00Z'))).toBe('2026-03-29T01:30+01:00');
        expect(local(regular.addWorkingTime(at('2026-03-29T00:30:00Z'), hours(4)))).toBe('2026-03-30T12:00+02:00');
        expect(local(regular.addWorkingDays(at('2026-03-29T00:30:00Z'), 1))).toBe('2026-03-30T17:00+02:00');
      });

      it('the non-existent wall time 02:30 resolves to 03:30 +02:00 and counts from Monday 08:00', () => {
        // 02:30 does not exist that night; the builder (luxon) moves it forward an hour.
        const gap = at('2026-03-29T02:30');
        expect(local(gap)).toBe('2026-03-29T03:30+02:00');
        expect(local(regular.addWorkingTime(gap, hours(4)))).toBe('2026-03-30T12:00+02:00');
        expect(local(regular.addWorkingDays(gap, 1))).toBe('2026-03-30T17:00+02:00');
      });

      it('Friday and Monday each have 9 real working hours', () => {
        expect(regular.workingTimeBetween(at('2026-03-27T00:00'), at('2026-03-28T00:00'))).toBe(hours(9));
        expect(regular.workingTimeBetween(at('2026-03-30T00:00'), at('2026-03-31T00:00'))).toBe(hours(9));
        expect(regular.workingTimeBetween(at('2026-03-27T15:30'), at('2026-03-30T10:30'))).toBe(hours(4));
      });
    });

    describe('and summer time ends (Sun 25 October 2026, 03:00 → 02:00)', () => {
      it('Fri 15:30 + 4 working hours = Mon 10:30, printed at +01:00', () => {
        // Fri 23 October 15:30–17:00 (+02:00) = 1.5 h; weekend; Mon 26: 08:00 + 2.5 h = 10:30 (+01:00).
        expect(local(regular.addWorkingTime(at('2026-10-23T15:30'), hours(4)))).toBe('2026-10-26T10:30+01:00');
      });

      it('Fri 15:30 + 1 working day = Mon 15:30 (+01:00)', () => {
        // w = 7.5 h; Mon 26: 15:30 local, although the weekend had 49 real hours.
        expect(local(regular.addWorkingDays(at('2026-10-23T15:30'), 1))).toBe('2026-10-26T15:30+01:00');
      });

      it('both 02:30s of the night of the change count from Monday 08:00', () => {
        // 00:30Z = 02:30 +02:00 (first), 01:30Z = 02:30 +01:00 (second); Sunday is closed anyway.
        for (const night of ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z']) {
          expect(local(regular.addWorkingTime(at(night), hours(4)))).toBe('2026-10-26T12:00+01:00');
          expect(local(regular.addWorkingDays(at(night), 1))).toBe('2026-10-26T17:00+01:00');
        }
      });
    });
  });

  describe('when an arrival lies exactly on a boundary, carries seconds or another offset (Tue 7 April 2026)', () => {
    it('an arrival at opening counts from the opening: 08:00 + 4 h = 12:00', () => {
      expect(regular.isOpen(at('2026-04-07T08:00'))).toBe(true);
      expect(local(regular.addWorkingTime(at('2026-04-07T08:00'), hours(4)))).toBe('2026-04-07T12:00+02:00');
    });

    it('a whole day from opening ends at the close: 08:00 + 9 h = 17:00', () => {
      expect(local(regular.addWorkingTime(at('2026-04-07T08:00'), hours(9)))).toBe('2026-04-07T17:00+02:00');
    });

    it('an arrival at closing is closed time: 17:00 + 4 h = Wed 12:00', () => {
      // [08:00, 17:00) is half-open: 17:00 is closed → counting starts Wed 08:00.
      expect(regular.isOpen(at('2026-04-07T17:00'))).toBe(false);
      expect(local(regular.addWorkingTime(at('2026-04-07T17:00'), hours(4)))).toBe('2026-04-08T12:00+02:00');
    });

    it('an arrival at closing + 1 working day = the end of the next day (Wed 17:00)', () => {
      // closed → Wed 08:00, w = 0 → Wednesday's close.
      expect(local(regular.addWorkingDays(at('2026-04-07T17:00'), 1))).toBe('2026-04-08T17:00+02:00');
    });

    it('an arrival one minute before closing: 16:59 + 4 h = Wed 11:59, + 1 day = Wed 16:59', () => {
      // Tue 1 min; Wed 08:00 + 3 h 59 min = 11:59. 1 day: w = 8 h 59 min → Wed 16:59.
      expect(local(regular.addWorkingTime(at('2026-04-07T16:59'), hours(4)))).toBe('2026-04-08T11:59+02:00');
      expect(local(regular.addWorkingDays(at('2026-04-07T16:59'), 1))).toBe('2026-04-08T16:59+02:00');
    });

    it('seconds are kept: 10:15:42 + 4 h = 14:15:42', () => {
      expect(local(regular.addWorkingTime(at('2026-04-07T10:15:42'), hours(4)))).toBe('2026-04-07T14:15:42+02:00');
    });

    it('seconds across the close: 16:00:30 + 4 h = Wed 11:00:30', () => {
      // Tue 16:00:30–17:00 = 59 min 30 s; Wed 08:00 + 3 h 0 min 30 s = 11:00:30.
      expect(local(regular.addWorkingTime(at('2026-04-07T16:00:30'), hours(4)))).toBe('2026-04-08T11:00:30+02:00');
    });

    it('an arrival given in UTC: 08:00Z (10:00 +02:00) + 4 h = 14:00 +02:00', () => {
      expect(local(regular.addWorkingTime(at('2026-04-07T08:00:00Z'), hours(4)))).toBe('2026-04-07T14:00+02:00');
    });

    it('an arrival given at -04:00: 09:00-04:00 (15:00 +02:00) + 4 h = Wed 10:00', () => {
      // 13:00Z = 15:00 local; Tue 2 h; Wed 08:00 + 2 h = 10:00.
      expect(local(regular.addWorkingTime(at('2026-04-07T09:00:00-04:00'), hours(4)))).toBe('2026-04-08T10:00+02:00');
    });

    it('an arrival given at +09:00 on a winter Thursday: 23:30+09:00 (15:30 +01:00) + 4 h = Fri 10:30', () => {
      // Thu 15 January 2026 14:30Z = 15:30 local; Thu 1.5 h; Fri 16 08:00 + 2.5 h = 10:30.
      expect(local(regular.addWorkingTime(at('2026-01-15T23:30:00+09:00'), hours(4)))).toBe('2026-01-16T10:30+01:00');
    });

    it('30 working minutes from 16:45 = Wed 08:15', () => {
      // 15 min Tue; 15 min Wed.
      expect(local(regular.addWorkingTime(at('2026-04-07T16:45'), minutes(30)))).toBe('2026-04-08T08:15+02:00');
    });
  });

  describe('when the working day has a lunch break (Mon–Thu 08:00-12:00, 13:00-16:30; Fri 08:00-12:00, 13:00-15:00)', () => {
    // Mon–Thu have 4 h + 3.5 h = 7.5 h; Fri has 4 h + 2 h = 6 h. Week of Tue 7 – Mon 13 April 2026.
    const lunch = calendar({ weekdays: '08:00-12:00, 13:00-16:30', friday: '08:00-12:00, 13:00-15:00' });

    it('Tue 11:00 + 4 working hours = Tue 16:00 (the lunch hour is skipped)', () => {
      // 11:00–12:00 = 1 h; 13:00 + 3 h = 16:00.
      expect(local(lunch.addWorkingTime(at('2026-04-07T11:00'), hours(4)))).toBe('2026-04-07T16:00+02:00');
    });

    it('Tue 11:00 + 1 working hour = Tue 12:00 (the close of the morning, not 13:00)', () => {
      expect(local(lunch.addWorkingTime(at('2026-04-07T11:00'), hours(1)))).toBe('2026-04-07T12:00+02:00');
    });

    it('an arrival during lunch counts from 13:00: Tue 12:30 + 4 h = Wed 08:30', () => {
      // 13:00–16:30 = 3.5 h; Wed 08:00 + 0.5 h = 08:30.
      expect(lunch.isOpen(at('2026-04-07T12:30'))).toBe(false);
      expect(local(lunch.addWorkingTime(at('2026-04-07T12:30'), hours(4)))).toBe('2026-04-08T08:30+02:00');
    });

    it('Tue 12:30 + 1 working day = Wed 12:00 (the earliest instant with w = 4 h)', () => {
      // lunch → next opening 13:00, w = 08:00–12:00 = 4 h; on Wed, 4 h have elapsed from 12:00 until
      // 13:00; the earliest such instant is 12:00.
      expect(local(lunch.addWorkingDays(at('2026-04-07T12:30'), 1))).toBe('2026-04-08T12:00+02:00');
    });

    it('Tue 14:00 + 1 working day = Wed 14:00', () => {
      // w = 4 h + 1 h = 5 h; Wed: 4 h by 12:00, 1 h more by 14:00.
      expect(local(lunch.addWorkingDays(at('2026-04-07T14:00'), 1))).toBe('2026-04-08T14:00+02:00');
    });

    it('Thu 14:00 + 4 working hours = Fri 09:30', () => {
      // Thu 9 April 14:00–16:30 = 2.5 h; Fri 10: 08:00 + 1.5 h = 09:30.
      expect(local(lunch.addWorkingTime(at('2026-04-09T14:00'), hours(4)))).toBe('2026-04-10T09:30+02:00');
    });

    it('Fri 14:00 + 4 working hours = Mon 11:00 (Friday closes at 15:00)', () => {
      // Fri 10 April 14:00–15:00 = 1 h; Mon 13: 08:00 + 3 h = 11:00.
      expect(local(lunch.addWorkingTime(at('2026-04-10T14:00'), hours(4)))).toBe('2026-04-13T11:00+02:00');
    });

    it('Thu 16:00 + 1 working day = Fri 15:00 (Friday is shorter than w)', () => {
      // Thu 9 April w = 4 h + 3 h = 7 h; Friday has only 6 h → its close, 15:00.
      expect(local(lunch.addWorkingDays(at('2026-04-09T16:00'), 1))).toBe('2026-04-10T15:00+02:00');
    });

    it('the working time from Tue 11:00 to Tue 14:00 is 2 h', () => {
      expect(lunch.workingTimeBetween(at('2026-04-07T11:00'), at('2026-04-07T14:00'))).toBe(hours(2));
    });

    it('1 working hour before Tue 13:30 = Tue 11:30; before Tue 14:00 = Tue 13:00 (an opening, not 12:00)', () => {
      expect(local(lunch.subtractWorkingTime(at('2026-04-07T13:30'), hours(1)))).toBe('2026-04-07T11:30+02:00');
      expect(local(lunch.subtractWorkingTime(at('2026-04-07T14:00'), hours(1)))).toBe('2026-04-07T13:00+02:00');
    });
  });

  describe('when a date is shortened or closed by the organization', () => {
    describe('and 2026-12-23 is shortened to 08:00-15:00', () => {
      const shortEve = calendar({ shortened: { '2026-12-23': '08:00-15:00' } });

      it('Wed 23 Dec 14:00 + 4 working hours = Mon 28 Dec 11:00', () => {
        // Wed 14:00–15:00 = 1 h; Thu 24 – Sun 27 closed; Mon 28: 08:00 + 3 h = 11:00.
        expect(local(shortEve.addWorkingTime(at('2026-12-23T14:00'), hours(4)))).toBe('2026-12-28T11:00+01:00');
      });

      it('Wed 23 Dec 14:00 + 1 working day = Mon 28 Dec 14:00', () => {
        // w = 6 h; Mon 28: 08:00 + 6 h = 14:00.
        expect(local(shortEve.addWorkingDays(at('2026-12-23T14:00'), 1))).toBe('2026-12-28T14:00+01:00');
      });

      it('Tue 22 Dec 16:00 + 1 working day = Wed 23 Dec 15:00 (the shortened day closes before w)', () => {
        // w = 8 h; Wed 23 has only 7 h → its close, 15:00.
        expect(local(shortEve.addWorkingDays(at('2026-12-22T16:00'), 1))).toBe('2026-12-23T15:00+01:00');
      });

      it('Wed 23 Dec 15:00 is closed', () => {
        expect(shortEve.isOpen(at('2026-12-23T14:59'))).toBe(true);
        expect(shortEve.isOpen(at('2026-12-23T15:00'))).toBe(false);
      });
    });

    describe('and the lunch calendar of the example policy closes 2027-05-07 (the Friday after Kristi himmelsfärd)', () => {
      // Kristi himmelsfärd 2027 = Easter (28 March) + 39 = Thu 6 May; Fri 7 May is the closed date.
      const policy = calendar({
        weekdays: '08:00-12:00, 13:00-16:30',
        friday: '08:00-12:00, 13:00-15:00',
        shortened: { skärtorsdagen: '08:00-12:00', '2026-12-23': '08:00-15:00' },
        closedDates: ['2027-05-07'],
      });

      it('Wed 5 May 15:00 + 4 working hours = Mon 10 May 10:30', () => {
        // Wed 15:00–16:30 = 1.5 h; Thu 6 holiday, Fri 7 closed date, weekend; Mon 10: 08:00 + 2.5 h.
        expect(local(policy.addWorkingTime(at('2027-05-05T15:00'), hours(4)))).toBe('2027-05-10T10:30+02:00');
      });

      it('Wed 5 May 15:00 + 1 working day = Mon 10 May 15:00', () => {
        // w = 4 h + 2 h = 6 h; Mon 10: 4 h by 12:00, 2 h more from 13:00 = 15:00.
        expect(local(policy.addWorkingDays(at('2027-05-05T15:00'), 1))).toBe('2027-05-10T15:00+02:00');
      });

      it('lists the closed date and the shortened days', () => {
        expect(policy.specialDays(2027)).toContainEqual({ date: '2027-05-07', kind: 'closed_date', affectsWorkingDay: true });
        expect(policy.specialDays(2026)).toContainEqual({
          date: '2026-12-23',
          kind: 'shortened',
          hours: [{ start: 8 * 60, end: 15 * 60 }],
          affectsWorkingDay: true,
        });
        expect(policy.specialDays(2026)).toContainEqual({
          date: '2026-04-02',
          kind: 'shortened',
          name: 'skärtorsdagen',
          hours: [{ start: 8 * 60, end: 12 * 60 }],
          affectsWorkingDay: true,
        });
      });
    });
  });

  describe('when an answer is compared with a deadline ("on time" compares working positions)', () => {
    // Deadline Thu 16 April 2026 17:00.
    it('an answer at Thu 18:00 to a deadline of Thu 17:00 is on time: no working time passed', () => {
      expect(regular.workingTimeBetween(at('2026-04-16T17:00'), at('2026-04-16T18:00'))).toBe(0);
    });

    it('an answer at Fri 08:00 is still on time, one at Fri 08:01 is a working minute late', () => {
      expect(regular.workingTimeBetween(at('2026-04-16T17:00'), at('2026-04-17T08:00'))).toBe(0);
      expect(regular.workingTimeBetween(at('2026-04-16T17:00'), at('2026-04-17T08:01'))).toBe(minutes(1));
    });

    it('the working time between is negative when the answer lies before the deadline', () => {
      expect(regular.workingTimeBetween(at('2026-04-16T17:00'), at('2026-04-16T16:00'))).toBe(-hours(1));
    });
  });

  describe('when counting backwards and asking about openings (week of Mon 20 April 2026)', () => {
    it('1 working hour before Mon 09:00 = Mon 08:00, not Fri 17:00', () => {
      expect(local(regular.subtractWorkingTime(at('2026-04-20T09:00'), hours(1)))).toBe('2026-04-20T08:00+02:00');
    });

    it('2 working hours before Mon 09:00 = Fri 16:00', () => {
      // 1 h on Mon 08:00–09:00, 1 h on Fri 17 April 16:00–17:00.
      expect(local(regular.subtractWorkingTime(at('2026-04-20T09:00'), hours(2)))).toBe('2026-04-17T16:00+02:00');
    });

    it('1 working hour before Sat 11:00 = Fri 16:00', () => {
      expect(local(regular.subtractWorkingTime(at('2026-04-18T11:00'), hours(1)))).toBe('2026-04-17T16:00+02:00');
    });

    it('is open at 08:00 and closed at 17:00; open a millisecond before 17:00', () => {
      expect(regular.isOpen(at('2026-04-20T08:00'))).toBe(true);
      expect(regular.isOpen(at('2026-04-20T07:59:59'))).toBe(false);
      expect(regular.isOpen(at('2026-04-20T17:00') - 1)).toBe(true);
      expect(regular.isOpen(at('2026-04-20T17:00'))).toBe(false);
    });

    it('the next opening from Saturday is Monday 08:00; from an open instant it is that instant', () => {
      expect(local(regular.nextOpening(at('2026-04-18T11:00')))).toBe('2026-04-20T08:00+02:00');
      expect(local(regular.nextOpening(at('2026-04-20T10:00')))).toBe('2026-04-20T10:00+02:00');
      expect(local(regular.nextOpening(at('2026-04-20T17:00')))).toBe('2026-04-21T08:00+02:00');
    });

    it('the next close from Saturday is Monday 17:00; from Mon 10:00 it is Mon 17:00', () => {
      expect(local(regular.nextClose(at('2026-04-18T11:00')))).toBe('2026-04-20T17:00+02:00');
      expect(local(regular.nextClose(at('2026-04-20T10:00')))).toBe('2026-04-20T17:00+02:00');
    });
  });

  describe('when the year is far away or outside 1900–9999', () => {
    it('Christmas 2087: Tue 23 Dec 14:00 + 4 working hours = Mon 29 Dec 09:00', () => {
      // Tue 23 3 h; Wed 24 julafton, Thu 25, Fri 26 (public), Sat 27, Sun 28; Mon 29: 09:00.
      const fresh = calendar();
      expect(local(fresh.addWorkingTime(at('2087-12-23T14:00'), hours(4)))).toBe('2087-12-29T09:00+01:00');
      expect(local(fresh.addWorkingDays(at('2087-12-23T14:00'), 1))).toBe('2087-12-29T14:00+01:00');
    });

    it('New Year 2300: Fri 29 Dec 2299 15:00 + 4 working hours = Tue 2 Jan 2300 10:00', () => {
      // Fri 29 Dec 2299 2 h; Sat 30, Sun 31; Mon 1 Jan 2300 nyårsdagen; Tue 2: 08:00 + 2 h = 10:00.
      const fresh = calendar();
      expect(local(fresh.addWorkingTime(at('2299-12-29T15:00'), hours(4)))).toBe('2300-01-02T10:00+01:00');
      expect(local(fresh.addWorkingDays(at('2299-12-29T15:00'), 1))).toBe('2300-01-02T15:00+01:00');
    });

    it('one calendar answers 2087, then 2026 (an earlier year), then 2087 again', () => {
      // the same cases as above: a calendar that has compiled a later year still answers an earlier one
      // and the later one again.
      const c = calendar();
      expect(local(c.addWorkingTime(at('2087-12-23T14:00'), hours(4)))).toBe('2087-12-29T09:00+01:00');
      expect(local(c.addWorkingTime(at('2026-04-17T15:30'), hours(4)))).toBe('2026-04-20T10:30+02:00');
      expect(c.workingTimeBetween(at('2087-12-23T14:00'), at('2087-12-29T09:00'))).toBe(hours(4));
      expect(local(c.addWorkingDays(at('2087-12-23T14:00'), 1))).toBe('2087-12-29T14:00+01:00');
    });

    it('a long duration runs on through the years: Mon 2026-04-20 10:00 + 750 working days (about 3 years)', () => {
      // every working day is 9 h (no shortened days), so n working days from an open instant is exactly
      // n × 9 h of work, ending at the same clock time.
      const start = at('2026-04-20T10:00');
      const end = regular.addWorkingDays(start, 750);
      expect(regular.workingTimeBetween(start, end)).toBe(750 * hours(9));
      expect(local(end).slice(11, 16)).toBe('10:00');
    });

    it('an instant in 1899 or after 9999 is a RangeError', () => {
      const c = calendar();
      const in1899 = at('1899-12-29T10:00');
      const in10000 = Date.UTC(10000, 0, 4, 9);
      expect(() => c.addWorkingTime(in1899, hours(1))).toThrow(RangeError);
      expect(() => c.addWorkingDays(in1899, 1)).toThrow(RangeError);
      expect(() => c.isOpen(in1899)).toThrow(RangeError);
      expect(() => c.addWorkingTime(in10000, hours(1))).toThrow(RangeError);
      expect(() => c.workingTimeBetween(at('2026-04-20T10:00'), in10000)).toThrow(RangeError);
      expect(() => c.nextOpening(in10000)).toThrow(RangeError);
    });

    it('a result after 9999 is a RangeError', () => {
      const c = calendar();
      // Thu 30 Dec 9999 10:00: 7 h left that day; Fri 31 is nyårsafton (closed), so 9 working hours
      // or 1 working day run past 9999.
      expect(local(c.addWorkingTime(at('9999-12-30T10:00'), hours(7)))).toBe('9999-12-30T17:00+01:00');
      expect(() => c.addWorkingTime(at('9999-12-30T10:00'), hours(9))).toThrow(RangeError);
      expect(() => c.addWorkingDays(at('9999-12-30T10:00'), 1)).toThrow(RangeError);
    });

    it('a subtraction before 1900 is a RangeError', () => {
      const c = calendar();
      // Tue 2 Jan 1900 10:00: 2 h on that day; Mon 1 Jan is nyårsdagen; nothing before 1900.
      expect(local(c.subtractWorkingTime(at('1900-01-02T10:00'), hours(2)))).toBe('1900-01-02T08:00+01:00');
      expect(() => c.subtractWorkingTime(at('1900-01-02T10:00'), hours(3))).toThrow(RangeError);
    });

    it('specialDays refuses a year after 9999 instead of listing no days', () => {
      expect(() => regular.specialDays(10000)).toThrow(RangeError);
    });

    it('specialDays refuses a year before 1900', () => {
      expect(() => regular.specialDays(1899)).toThrow(RangeError);
    });
  });

  describe("when listing a year's special days (2026, default calendar)", () => {
    const days = regular.specialDays(2026);

    it('lists the public holidays with their Swedish names', () => {
      expect(days).toContainEqual({ date: '2026-12-25', kind: 'public_holiday', name: 'juldagen', affectsWorkingDay: true });
      expect(days).toContainEqual({ date: '2026-04-03', kind: 'public_holiday', name: 'långfredagen', affectsWorkingDay: true });
      expect(days).toContainEqual({ date: '2026-04-06', kind: 'public_holiday', name: 'annandag påsk', affectsWorkingDay: true });
      expect(days).toContainEqual({ date: '2026-04-05', kind: 'public_holiday', name: 'påskdagen', affectsWorkingDay: false });
      expect(days).toContainEqual({ date: '2026-10-31', kind: 'public_holiday', name: 'alla helgons dag', affectsWorkingDay: false });
      expect(days.find((d) => d.date === '2026-05-14')).toMatchObject({ kind: 'public_holiday', affectsWorkingDay: true });
    });

    it('lists the closed eves as closed days', () => {
      expect(days).toContainEqual({ date: '2026-06-19', kind: 'closed_day', name: 'midsommarafton', affectsWorkingDay: true });
      expect(days).toContainEqual({ date: '2026-12-24', kind: 'closed_day', name: 'julafton', affectsWorkingDay: true });
      expect(days).toContainEqual({ date: '2026-12-31', kind: 'closed_day', name: 'nyårsafton', affectsWorkingDay: true });
    });

    it('lists exactly the 13 public holidays and 3 closed eves of 2026, in date order', () => {
      expect(days.map((d) => `${d.date} ${d.kind}`)).toEqual([
        '2026-01-01 public_holiday', // nyårsdagen
        '2026-01-06 public_holiday', // trettondedag jul
        '2026-04-03 public_holiday', // långfredagen
        '2026-04-05 public_holiday', // påskdagen
        '2026-04-06 public_holiday', // annandag påsk
        '2026-05-01 public_holiday', // första maj
        '2026-05-14 public_holiday', // Kristi himmelsfärdsdag
        '2026-05-24 public_holiday', // pingstdagen
        '2026-06-06 public_holiday', // nationaldagen
        '2026-06-19 closed_day', // midsommarafton
        '2026-06-20 public_holiday', // midsommardagen
        '2026-10-31 public_holiday', // alla helgons dag
        '2026-12-24 closed_day', // julafton
        '2026-12-25 public_holiday', // juldagen
        '2026-12-26 public_holiday', // annandag jul
        '2026-12-31 closed_day', // nyårsafton
      ]);
    });
  });
});
