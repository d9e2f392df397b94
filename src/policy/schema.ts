/**
 * The policy file format, version 1 (DESIGN.md "Policy file"), as a zod schema.
 * Every object is strict: an unknown key is an error (with a "did you mean" hint added by errors.ts).
 * Field values are parsed into their typed forms here; cross-field rules live in rules.ts.
 */
import { IANAZone } from 'luxon';
import * as z from 'zod';
import { DEFAULT_CLOSED_DAYS, NAMED_DAYS, parseClock, parseIntervals, type LocalInterval } from '../calendar/index.js';
import { didYouMean } from './did-you-mean.js';
import { parseDuration, type Duration } from './duration.js';
import { parseRetentionPeriod, type RetentionPeriod } from './retention.js';
import { answerSchema } from './answer.js';
import { moderationSchema } from './moderation.js';
import { CHANNEL_ALIASES, CHANNEL_KINDS, RECIPIENTS, type ChannelKind, type Recipient } from './vocabulary.js';
import { expandWeekdayKey, WEEKDAY_WORDS, weekdayIndex } from './weekdays.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A string field parsed by `parse`; its exception message becomes the issue message. */
function parsed<T>(parse: (s: string) => T) {
  return z.string().transform((s, ctx): T => {
    try {
      return parse(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  });
}

const duration = parsed<Duration>(parseDuration);
const intervals = parsed<LocalInterval[]>(parseIntervals);
const clock = parsed<number>((s) => {
  const m = parseClock(s);
  if (m >= 1440) throw new Error(`"${s}" must be before 24:00`);
  return m;
});
const isoDate = z.string().superRefine((s, ctx) => {
  if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: `"${s}" is not a date (YYYY-MM-DD)` });
});

const namedDay = z.string().superRefine((s, ctx) => {
  if (!(NAMED_DAYS as readonly string[]).includes(s)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a day that can be closed or shortened${didYouMean(s, NAMED_DAYS)}; known: ${NAMED_DAYS.join(', ')} (public holidays are always closed)` });
  }
});

const hours = z.record(z.string(), intervals).transform((byKey, ctx) => {
  const week: LocalInterval[][] = [[], [], [], [], [], [], []];
  const seen = new Map<number, string>();
  for (const [key, value] of Object.entries(byKey)) {
    let days: number[];
    try {
      days = expandWeekdayKey(key);
    } catch (e) {
      const word = key.split('-').find((p) => weekdayIndex(p) < 0) ?? key;
      ctx.addIssue({ code: 'custom', path: [key], message: `${(e as Error).message}${didYouMean(word, WEEKDAY_WORDS)}` });
      continue;
    }
    for (const d of days) {
      const earlier = seen.get(d);
      if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `${WEEKDAY_WORDS[d]} is already given by "${earlier}"` });
      seen.set(d, key);
      week[d] = value;
    }
  }
  if (week.every((d) => d.length === 0)) ctx.addIssue({ code: 'custom', message: 'at least one weekday needs working hours' });
  return week;
});

const shortened = z.record(z.string(), intervals).superRefine((byKey, ctx) => {
  for (const key of Object.keys(byKey)) {
    if (ISO_DATE.test(key) ? !isRealDate(key) : !(NAMED_DAYS as readonly string[]).includes(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: ISO_DATE.test(key)
          ? `"${key}" is not a real date`
          : `"${key}" is neither a date (YYYY-MM-DD) nor a day that can be shortened${didYouMean(key, NAMED_DAYS)}; known: ${NAMED_DAYS.join(', ')}`,
      });
    }
  }
});

const calendar = z.strictObject({
  hours,
  closed: z.array(namedDay).default([...DEFAULT_CLOSED_DAYS]),
  shortened: shortened.default({}),
  closed_dates: z.array(isoDate).default([]),
});

const channels = z
  .record(z.string(), z.strictObject({ respond_within: duration }))
  .superRefine((byKind, ctx) => {
    for (const kind of Object.keys(byKind)) {
      if (!(CHANNEL_KINDS as readonly string[]).includes(kind)) {
        const alias = CHANNEL_ALIASES[kind.toLowerCase()];
        const hint = alias ? ` (did you mean "${alias}"?)` : didYouMean(kind, CHANNEL_KINDS);
        ctx.addIssue({ code: 'custom', path: [kind], message: `"${kind}" is not a channel kind${hint}; known: ${CHANNEL_KINDS.join(', ')}` });
      }
    }
    if (Object.keys(byKind).length === 0) ctx.addIssue({ code: 'custom', message: 'at least one channel is needed' });
  })
  .transform((byKind) => new Map(Object.entries(byKind).map(([k, v]) => [k as ChannelKind, v.respond_within])));

const recipient = z.string().superRefine((s, ctx) => {
  if (!(RECIPIENTS as readonly string[]).includes(s)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a recipient${didYouMean(s, RECIPIENTS)}; use ${RECIPIENTS.join(', ')}` });
  }
});
const recipients = z.union([recipient, z.array(recipient).min(1)]).transform((r) => [...new Set(Array.isArray(r) ? r : [r])] as Recipient[]);

const atPoint = z.string().transform((s, ctx): number => {
  if (s.trim() === 'deadline') return 100;
  const m = /^(\d{1,3})\s*%$/.exec(s.trim());
  const pct = m ? Number(m[1]) : NaN;
  if (!(pct > 0 && pct <= 100)) {
    ctx.addIssue({ code: 'custom', message: `"${s}" must be "deadline" or a share of the response window from 1% to 100%, e.g. "50%"` });
    return z.NEVER;
  }
  return pct;
});

export type ReminderRule =
  | { readonly when: 'share'; readonly percent: number; readonly to: readonly Recipient[] }
  | { readonly when: 'before_deadline' | 'after_deadline'; readonly offset: Duration; readonly to: readonly Recipient[] };

const reminder = z
  .strictObject({ at: atPoint.optional(), before_deadline: duration.optional(), after_deadline: duration.optional(), to: recipients })
  .transform((r, ctx): ReminderRule => {
    const given = (['at', 'before_deadline', 'after_deadline'] as const).filter((k) => r[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `a reminder needs exactly one of at, before_deadline, after_deadline${given.length ? ` (got ${given.join(' and ')})` : ''}` });
      return z.NEVER;
    }
    if (r.at !== undefined) return { when: 'share', percent: r.at, to: r.to };
    if (r.before_deadline) {
      if (r.before_deadline.unit === 'days') {
        ctx.addIssue({ code: 'custom', path: ['before_deadline'], message: 'before_deadline must be in working minutes or hours (a reminder days before a deadline is not supported)' });
        return z.NEVER;
      }
      return { when: 'before_deadline', offset: r.before_deadline, to: r.to };
    }
    return { when: 'after_deadline', offset: r.after_deadline!, to: r.to };
  });

const weekly = parsed<{ weekday: number; minutes: number }>((s) => {
  const m = /^(\S+)\s+(\S+)$/.exec(s.trim());
  const weekday = m ? weekdayIndex(m[1]!) : -1;
  if (!m || weekday < 0) throw new Error(`"${s}" must be a weekday and a time, e.g. "monday 08:00" or "måndag 08:00"${m ? didYouMean(m[1]!, WEEKDAY_WORDS) : ''}`);
  const minutes = parseClock(m[2]!);
  if (minutes >= 1440) throw new Error(`"${m[2]}" must be before 24:00`);
  return { weekday, minutes };
});

const retentionPeriod = parsed<RetentionPeriod>(parseRetentionPeriod);

/** `summary.yearly: false`, as the schema sees it (not a key anyone writes) */
export const YEARLY_OFF = '(off)';
const WORKING_DAY = 'summary.yearly.working_day must be a whole number from 1 to 10';

export const policySchema = z.strictObject({
  organization: z.string().trim().min(1, 'the organization needs a name'),
  timezone: z
    .string()
    .superRefine((tz, ctx) => {
      if (!IANAZone.isValidZone(tz)) ctx.addIssue({ code: 'custom', message: `"${tz}" is not an IANA time zone (e.g. Europe/Stockholm)` });
    })
    .default('Europe/Stockholm'),
  language: z.enum(['sv', 'en'], { message: 'language must be sv or en' }).default('sv'),
  calendar,
  channels,
  reminders: z.array(reminder).optional(),
  digest: z.strictObject({ daily_at: clock }).optional(),
  summary: z
    .strictObject({
      weekly_at: weekly,
      to: z.literal('managers', { message: 'summary.to must be managers' }).default('managers'),
      /**
       * the yearly follow-up (Nässjö 4): the last year's key figures to the managers on the given working
       * day of January (1 = the first), at `at`; default: the first working day at weekly_at's time; false: none
       */
      yearly: z
        .preprocess(
          // false turns it off; the marker keeps the object's own messages (a union would hide them)
          (v) => (v === false ? { [YEARLY_OFF]: true } : v),
          z.strictObject({
            [YEARLY_OFF]: z.literal(true).optional(),
            working_day: z.number().int(WORKING_DAY).min(1, WORKING_DAY).max(10, WORKING_DAY).default(1),
            at: clock.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  /** gallring: without it nothing is erased (erasure needs the organization's own gallringsbeslut) */
  retention: z.strictObject({ text_after: retentionPeriod }).optional(),
  /** how answers posted from chat are signed and limited, and what a registered citizen is told (src/policy/answer.ts) */
  answer: answerSchema.optional(),
  /** per reason: must removed material be registered, should a police report be considered (src/policy/moderation.ts) */
  moderation: moderationSchema.optional(),
});

export type PolicyInput = z.input<typeof policySchema>;
export type PolicyData = z.output<typeof policySchema>;
