/** YAML text -> validated, compiled Policy. Pure (the caller reads the file). */
import { LineCounter, parseDocument } from 'yaml';
import { compileCalendar } from '../calendar/index.js';
import { DEFAULT_REMINDERS } from './defaults.js';
import { PolicyError, problemsFromZod } from './errors.js';
import type { Policy } from './policy.js';
import { checkRules } from './rules.js';
import { policySchema, YEARLY_OFF } from './schema.js';
import { compileAnswer } from './answer.js';
import { compileModeration } from './moderation.js';
import { yamlData } from '../yaml-data.js';

export function parsePolicy(text: string, source: string): Policy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter: lines });
  if (doc.errors.length > 0) {
    throw new PolicyError(
      source,
      doc.errors.map((e) => ({ path: '', message: `YAML syntax: ${e.message.split('\n')[0]}`, line: lines.linePos(e.pos[0]).line })),
    );
  }
  const converted = yamlData(doc);
  if (!converted.ok) throw new PolicyError(source, [{ path: '', message: converted.message }]);
  const data: unknown = converted.data;
  if (data === null || data === undefined) throw new PolicyError(source, [{ path: '', message: 'the file is empty' }]);
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PolicyError(source, [{ path: '', message: 'a policy is a YAML mapping (organization:, calendar:, channels:, …)' }]);
  }
  const result = policySchema.safeParse(data);
  if (!result.success) throw new PolicyError(source, problemsFromZod(result.error.issues, data));
  const p = result.data;
  const problems = checkRules(p);
  if (problems.length > 0) throw new PolicyError(source, problems);

  const shortenedNamed: Record<string, (typeof p.calendar.hours)[number]> = {};
  const shortenedDates: Record<string, (typeof p.calendar.hours)[number]> = {};
  for (const [k, v] of Object.entries(p.calendar.shortened)) (/^\d{4}-/.test(k) ? shortenedDates : shortenedNamed)[k] = v;

  return {
    source,
    organization: p.organization,
    timezone: p.timezone,
    language: p.language,
    week: p.calendar.hours,
    calendar: compileCalendar({
      timezone: p.timezone,
      week: p.calendar.hours,
      closedNamedDays: p.calendar.closed,
      shortenedNamed,
      shortenedDates,
      closedDates: p.calendar.closed_dates,
    }),
    channels: p.channels,
    reminders: p.reminders ?? DEFAULT_REMINDERS,
    remindersAreDefaults: p.reminders === undefined,
    ...(p.digest ? { digest: { dailyAt: p.digest.daily_at } } : {}),
    ...(p.summary ? { summary: { ...p.summary.weekly_at, to: p.summary.to, yearly: p.summary.yearly?.[YEARLY_OFF] ? null : { workingDay: p.summary.yearly?.working_day ?? 1, minutes: p.summary.yearly?.at ?? p.summary.weekly_at.minutes } } } : {}),
    ...(p.retention ? { retention: { textAfter: p.retention.text_after } } : {}),
    answer: compileAnswer(p.answer, p.language),
    moderation: compileModeration(p.moderation, p.language),
  };
}
