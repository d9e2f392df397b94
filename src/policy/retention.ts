/**
 * Retention (gallring) periods in policies, in calendar time, English and Swedish:
 * "90 days" / "90 dagar", "6 months" / "6 månader", "2 years" / "2 år" (singular forms too).
 * Calendar time, not working time: a gallringsbeslut counts days as the calendar does (Hofors:
 * "handlingar av tillfällig eller ringa karaktär får gallras när de inte längre är aktuella";
 * Hultsfred: "Gallringsfristen bör vara mycket kort").
 */
export interface RetentionPeriod {
  readonly amount: number;
  readonly unit: 'days' | 'months' | 'years';
  /** as written in the policy, for messages and the erased event */
  readonly text: string;
}

const UNITS: ReadonlyArray<{ unit: RetentionPeriod['unit']; words: readonly string[] }> = [
  { unit: 'days', words: ['day', 'days', 'dag', 'dagar'] },
  { unit: 'months', words: ['month', 'months', 'månad', 'månader'] },
  { unit: 'years', words: ['year', 'years', 'år'] },
];
const ALL_WORDS = UNITS.flatMap((u) => u.words);

export function parseRetentionPeriod(input: string): RetentionPeriod {
  const text = input.trim().replace(/\s+/g, ' ');
  const m = /^(\d+) (.+)$/.exec(text);
  if (!m) throw new Error(`"${input}" is not a period: write a whole number and a unit, e.g. "90 days" or "90 dagar"`);
  const word = m[2]!.toLowerCase();
  if (/^(working|arbets)/.test(word)) throw new Error(`"${input}": retention is counted in calendar time (days, months, years), not working time`);
  const unit = UNITS.find((u) => u.words.includes(word))?.unit;
  if (!unit) throw new Error(`"${m[2]}" is not a unit of calendar time; use one of: ${ALL_WORDS.join(', ')}`);
  const amount = Number(m[1]);
  if (amount <= 0) throw new Error(`"${input}": the period must be greater than zero`);
  return { amount, unit, text };
}
