import { describe, expect, it } from 'vitest';
import { parseDuration, parsePolicy, DEFAULT_REMINDERS } from '../../src/policy/index.js';
import { BASE, policy, policyError, policyYaml } from '../support/policy-builder.js';
import { at, local } from '../support/calendar-builder.js';

describe('a policy file', () => {
  describe('when it is minimal and valid', () => {
    const p = policy();
    it('gets the defaults: Stockholm, Swedish, the three eves closed, the default reminders', () => {
      expect(p.timezone).toBe('Europe/Stockholm');
      expect(p.language).toBe('sv');
      expect(p.calendar.spec.closedNamedDays).toEqual(['midsommarafton', 'julafton', 'nyårsafton']);
      expect(p.reminders).toEqual(DEFAULT_REMINDERS);
      expect(p.remindersAreDefaults).toBe(true);
    });
    it('compiles its calendar: Mon–Fri 08:00–17:00, weekends closed', () => {
      expect(p.week.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
      expect(p.calendar.isOpen(at('2026-11-27T16:59'))).toBe(true);
      expect(p.calendar.isOpen(at('2026-11-28T12:00'))).toBe(false);
    });
  });

  describe('when hours use Swedish weekdays, ranges and several intervals a day', () => {
    const p = policy({ calendar: { hours: { 'måndag-torsdag': '08:00-12:00, 13:00-16:30', fredag: '08:00-12:00, 13:00-15:00' } } });
    it('expands them per weekday', () => {
      expect(p.week[0]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 990 }]);
      expect(p.week[3]).toEqual(p.week[0]);
      expect(p.week[4]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 900 }]);
      expect(p.week[5]).toEqual([]);
    });
  });

  describe('when durations are written in Swedish', () => {
    it('accepts arbetstimmar, arbetsdag and arbetsminuter', () => {
      expect(parseDuration('4 arbetstimmar')).toEqual({ unit: 'time', ms: 4 * 3_600_000, text: '4 arbetstimmar' });
      expect(parseDuration('1 arbetsdag')).toEqual({ unit: 'days', days: 1, text: '1 arbetsdag' });
      expect(parseDuration('30 arbetsminuter')).toEqual({ unit: 'time', ms: 30 * 60_000, text: '30 arbetsminuter' });
      expect(parseDuration('1 arbetstimme')).toMatchObject({ ms: 3_600_000 });
    });
    it('accepts the English forms, singular and plural', () => {
      expect(parseDuration('1 working hour')).toMatchObject({ ms: 3_600_000 });
      expect(parseDuration('2 working days')).toMatchObject({ unit: 'days', days: 2 });
      expect(parseDuration('30 working minutes')).toMatchObject({ ms: 1_800_000 });
    });
    it('rejects clock time, zero and unknown units', () => {
      expect(() => parseDuration('4 hours')).toThrow(/"hours" is not a unit of working time/);
      expect(() => parseDuration('0 working days')).toThrow(/greater than zero/);
      expect(() => parseDuration('soon')).toThrow(/is not a duration/);
    });
  });

  describe('when it shortens and closes days', () => {
    const p = policy({
      calendar: {
        hours: { 'monday-friday': '08:00-17:00' },
        closed: ['julafton'],
        shortened: { skärtorsdagen: '08:00-12:00', '2026-12-23': '08:00-15:00' },
        closed_dates: ['2026-05-15'],
      },
    });
    it('applies each: midsommarafton is open, skärtorsdagen ends at noon, the klämdag is closed', () => {
      expect(p.calendar.isOpen(at('2026-06-19T10:00'))).toBe(true);
      expect(p.calendar.isOpen(at('2026-04-02T11:59'))).toBe(true);
      expect(p.calendar.isOpen(at('2026-04-02T12:00'))).toBe(false);
      expect(p.calendar.isOpen(at('2026-12-23T15:00'))).toBe(false);
      expect(p.calendar.isOpen(at('2026-05-15T10:00'))).toBe(false);
    });
    it('computes deadlines through them: Wed 2026-12-23 14:00 + 4 working hours', () => {
      // 23rd: 14:00–15:00 (1 h, shortened); 24th julafton closed; 25th juldagen; 26–27 weekend;
      // Mon 28th: 08:00 + 3 h = 11:00.
      const d = p.calendar.addWorkingTime(at('2026-12-23T14:00'), 4 * 3_600_000);
      expect(local(d)).toBe('2026-12-28T11:00+01:00');
    });
  });

  describe('when reminders are given', () => {
    const p = policy({
      reminders: [
        { at: '50%', to: 'assignee' },
        { before_deadline: '30 arbetsminuter', to: ['assignee', 'assignee'] },
        { at: 'deadline', to: ['assignee', 'substitute'] },
        { after_deadline: '1 working day', to: 'managers' },
      ],
    });
    it('parses each kind, and removes duplicate recipients', () => {
      expect(p.remindersAreDefaults).toBe(false);
      expect(p.reminders).toEqual([
        { when: 'share', percent: 50, to: ['assignee'] },
        { when: 'before_deadline', offset: { unit: 'time', ms: 1_800_000, text: '30 arbetsminuter' }, to: ['assignee'] },
        { when: 'share', percent: 100, to: ['assignee', 'substitute'] },
        { when: 'after_deadline', offset: { unit: 'days', days: 1, text: '1 working day' }, to: ['managers'] },
      ]);
    });
  });

  describe('when digest and summary are given', () => {
    it('parses the times, with Swedish weekdays too', () => {
      const p = policy({ digest: { daily_at: '08:15' }, summary: { weekly_at: 'måndag 08:00' } });
      expect(p.digest).toEqual({ dailyAt: 495 });
      expect(p.summary).toEqual({ weekday: 0, minutes: 480, to: 'managers', yearly: { workingDay: 1, minutes: 480 } });
    });

    it('the yearly follow-up defaults to the first working day of January at the weekly time; it can be moved or turned off', () => {
      expect(policy({ summary: { weekly_at: 'friday 13:00', yearly: { working_day: 3, at: '09:30' } } }).summary?.yearly).toEqual({ workingDay: 3, minutes: 570 });
      expect(policy({ summary: { weekly_at: 'friday 13:00', yearly: { at: '10:00' } } }).summary?.yearly).toEqual({ workingDay: 1, minutes: 600 });
      expect(policy({ summary: { weekly_at: 'friday 13:00', yearly: false } }).summary?.yearly).toBeNull();
    });
  });
});

describe('an invalid policy', () => {
  const problems = (text: string) => policyError(text).problems.map((p) => `${p.path}: ${p.message}`);

  it('names the file in the message', () => {
    const e = policyError(policyYaml({ organization: '' }), 'policies/testby.yaml');
    expect(e.message.split('\n')[0]).toBe('policies/testby.yaml: invalid policy');
    expect(e.code).toBe('policy_invalid');
  });

  it('rejects an unknown top-level key with a did-you-mean', () => {
    expect(problems(policyYaml({ chanels: {} }))).toEqual([
      'chanels: unknown key "chanels" (did you mean "channels"?); allowed here: organization, timezone, language, calendar, channels, reminders, digest, summary, retention, answer, moderation',
    ]);
  });

  it('rejects a yearly follow-up on a working day that is not 1 to 10, true, and an unknown key in it', () => {
    expect(problems(policyYaml({ summary: { weekly_at: 'monday 08:00', yearly: { working_day: 0 } } }))).toEqual(['summary.yearly.working_day: summary.yearly.working_day must be a whole number from 1 to 10']);
    expect(problems(policyYaml({ summary: { weekly_at: 'monday 08:00', yearly: { working_day: 2.5 } } }))).toEqual(['summary.yearly.working_day: must be a whole number, not number 2.5']);
    expect(problems(policyYaml({ summary: { weekly_at: 'monday 08:00', yearly: true } })).join('\n')).toContain('summary.yearly');
    expect(problems(policyYaml({ summary: { weekly_at: 'monday 08:00', yearly: { working_days: 2 } } }))).toContain(
      'summary.yearly.working_days: unknown key "working_days" (did you mean "working_day"?); allowed here: working_day, at',
    );
  });

  it('rejects an unknown key inside a channel and inside the calendar', () => {
    const text = policyYaml({ channels: { x: { respond_whitin: '4 working hours' } }, calendar: { hours: BASE.calendar.hours, closed_date: [] } });
    const found = problems(text);
    expect(found).toContain('channels.x.respond_whitin: unknown key "respond_whitin" (did you mean "respond_within"?); allowed here: respond_within');
    expect(found).toContain('channels.x.respond_within: is required (text)');
    expect(found).toContain('calendar.closed_date: unknown key "closed_date" (did you mean "closed_dates"?); allowed here: hours, closed, shortened, closed_dates');
  });

  it('names a misspelt weekday, channel kind, named day and recipient', () => {
    const text = policyYaml({
      calendar: { hours: { mondy: '08:00-17:00', tuesday: '08:00-17:00' }, closed: ['midsomarafton'], shortened: { skärtorsdag: '08:00-12:00' } },
      channels: { twitter: { respond_within: '4 working hours' }, facebok: { respond_within: '1 working day' } },
      reminders: [{ at: '50%', to: 'asignee' }],
    });
    const found = problems(text);
    expect(found).toContain('calendar.hours.mondy: "mondy" is not a weekday (did you mean "monday"?)');
    expect(found.find((f) => f.startsWith('calendar.closed[0]:'))).toMatch(/"midsomarafton" is not a day that can be closed or shortened \(did you mean "midsommarafton"\?\)/);
    expect(found.find((f) => f.startsWith('calendar.shortened.skärtorsdag:'))).toMatch(/did you mean "skärtorsdagen"\?/);
    expect(found.find((f) => f.startsWith('channels.twitter:'))).toMatch(/"twitter" is not a channel kind \(did you mean "x"\?\)/);
    expect(found.find((f) => f.startsWith('channels.facebok:'))).toMatch(/did you mean "facebook"\?/);
    expect(found.find((f) => f.startsWith('reminders[0].to:'))).toMatch(/"asignee" is not a recipient \(did you mean "assignee"\?\)/);
  });

  it('explains bad hours, durations, times, dates and zones with their paths', () => {
    const text = policyYaml({
      timezone: 'Europe/Stokholm',
      calendar: { hours: { monday: '08:00-12:00, 11:00-16:00', tuesday: '17:00-08:00', wednesday: '8-17' }, closed_dates: ['2026-02-30'] },
      channels: { x: { respond_within: '4 hours' } },
      digest: { daily_at: '25:00' },
    });
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        'timezone: "Europe/Stokholm" is not an IANA time zone (e.g. Europe/Stockholm)',
        'calendar.hours.monday: "08:00-12:00, 11:00-16:00": intervals must be in order and must not overlap',
        'calendar.hours.tuesday: "17:00-08:00" ends before it starts',
        'calendar.hours.wednesday: "8" is not a time of day (HH:MM, e.g. 08:00)',
        'calendar.closed_dates[0]: "2026-02-30" is not a date (YYYY-MM-DD)',
        expect.stringMatching(/^channels\.x\.respond_within: "hours" is not a unit of working time/),
        'digest.daily_at: "25:00" is not a time of day (HH:MM, e.g. 08:00)',
      ]),
    );
  });

  it('says what is missing', () => {
    expect(problems('organization: X\n')).toEqual(['calendar: is required (a mapping)', 'channels: is required (a mapping)']);
  });

  it('needs at least one channel and one working weekday', () => {
    expect(problems(policyYaml({ channels: {} }))).toEqual(['channels: at least one channel is needed']);
    expect(problems(policyYaml({ calendar: { hours: {} } }))).toEqual(['calendar.hours: at least one weekday needs working hours']);
  });

  it('rejects a reminder with no or two points in time', () => {
    expect(problems(policyYaml({ reminders: [{ to: 'assignee' }, { at: '50%', after_deadline: '1 working hour', to: 'manager' }] }))).toEqual([
      'reminders[0]: a reminder needs exactly one of at, before_deadline, after_deadline',
      'reminders[1]: a reminder needs exactly one of at, before_deadline, after_deadline (got at and after_deadline)',
    ]);
  });

  it('rejects contradictions between fields (named rules)', () => {
    const text = policyYaml({
      calendar: {
        hours: BASE.calendar.hours,
        closed: ['julafton'],
        shortened: { julafton: '08:00-12:00', '2026-12-25': '08:00-12:00', '2026-11-28': '10:00-14:00' },
      },
    });
    expect(problems(text)).toEqual([
      'calendar.shortened.julafton: "julafton" is both shortened and closed; choose one',
      'calendar.shortened.2026-12-25: 2026-12-25 is juldagen, a public holiday: it is always closed',
      'calendar.shortened.2026-11-28: 2026-11-28 is a saturday, which has no working hours; shortened only shortens working days',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with a line number', () => {
    const e = policyError('organization: X\ncalendar:\n  hours:\n    monday: "08:00-17:00"\n    monday: "09:00-17:00"\n');
    expect(e.problems[0]).toMatchObject({ line: 5 });
    expect(e.problems[0]!.message).toMatch(/^YAML syntax: .*unique/i);
    expect(policyError('organization: [unclosed\n').problems[0]!.message).toMatch(/^YAML syntax/);
  });

  it('rejects an empty file and a file that is not a mapping', () => {
    expect(problems('')).toEqual([': the file is empty']);
    expect(problems('- a\n- b\n')).toEqual([': a policy is a YAML mapping (organization:, calendar:, channels:, …)']);
  });

  it('never yields a policy: parsePolicy throws instead of returning a partial one', () => {
    expect(() => parsePolicy(policyYaml({ language: 'de' }), 'x.yaml')).toThrow(/language: language must be sv or en/);
  });
});
