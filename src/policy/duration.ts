/**
 * Working-time durations in policies, in English and Swedish:
 * "4 working hours" / "4 arbetstimmar", "1 working day" / "1 arbetsdag",
 * "30 working minutes" / "30 arbetsminuter".
 */
export type Duration =
  | { readonly unit: 'time'; readonly ms: number; readonly text: string }
  | { readonly unit: 'days'; readonly days: number; readonly text: string };

const MINUTE_MS = 60_000;
const UNITS: ReadonlyArray<{ words: readonly string[]; unit: 'minutes' | 'hours' | 'days' }> = [
  { unit: 'minutes', words: ['working minute', 'working minutes', 'arbetsminut', 'arbetsminuter'] },
  { unit: 'hours', words: ['working hour', 'working hours', 'arbetstimme', 'arbetstimmar', 'arbetstimma'] },
  { unit: 'days', words: ['working day', 'working days', 'arbetsdag', 'arbetsdagar'] },
];
const ALL_WORDS = UNITS.flatMap((u) => u.words);

export class DurationFormatError extends Error {
  override readonly name = 'DurationFormatError';
}

export function parseDuration(input: string): Duration {
  const text = input.trim().replace(/\s+/g, ' ');
  const m = /^(\d+) (.+)$/.exec(text);
  if (!m) {
    throw new DurationFormatError(`"${input}" is not a duration: write a whole number and a unit, e.g. "4 working hours" or "1 arbetsdag"`);
  }
  const amount = Number(m[1]);
  const word = m[2]!.toLowerCase();
  const unit = UNITS.find((u) => u.words.includes(word))?.unit;
  if (!unit) {
    throw new DurationFormatError(`"${m[2]}" is not a unit of working time; use one of: ${ALL_WORDS.filter((w) => !w.endsWith('ma')).join(', ')}`);
  }
  if (amount <= 0) throw new DurationFormatError(`"${input}": the duration must be greater than zero`);
  if (unit === 'days') return { unit: 'days', days: amount, text };
  return { unit: 'time', ms: amount * (unit === 'hours' ? 60 : 1) * MINUTE_MS, text };
}
