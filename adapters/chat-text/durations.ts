/**
 * Working time as a person reads it: "2 tim 15 min kvar i arbetstid", "försenad med 1 tim 5 min
 * arbetstid"; English "2 h 15 min of working time left", "overdue by 1 h 5 min of working time".
 * Whole minutes, truncated toward zero: the text never promises more time than there is, and an
 * answer 59 seconds late reads "mindre än 1 min".
 */
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

const MINUTE = 60_000;

/** "2 tim 15 min", "2 tim", "45 min", "mindre än 1 min" (the sign is ignored). */
export function formatDuration(ms: number, lang: Language): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const u = texts(lang).durations;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0 && m === 0) return u.lessThanAMinute;
  return [h > 0 ? `${h} ${u.hours}` : '', m > 0 ? `${m} ${u.minutes}` : ''].filter(Boolean).join(' ');
}

/** Working time left until a deadline; negative means overdue. */
export function formatWorkingTimeLeft(ms: number, lang: Language): string {
  const d = formatDuration(ms, lang);
  const t = texts(lang).durations;
  return ms > 0 ? t.left(d) : ms < 0 ? t.overdueBy(d) : t.noneLeft;
}
