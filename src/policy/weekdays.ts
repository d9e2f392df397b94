/** Weekday keys in policies: "monday", "måndag", ranges "monday-thursday", "måndag-fredag". */
export const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const WEEKDAYS_SV = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;
export const WEEKDAY_WORDS: readonly string[] = [...WEEKDAYS_EN, ...WEEKDAYS_SV];

/** Index 0 = Monday, or -1. */
export function weekdayIndex(word: string): number {
  const w = word.trim().toLowerCase();
  const en = (WEEKDAYS_EN as readonly string[]).indexOf(w);
  return en >= 0 ? en : (WEEKDAYS_SV as readonly string[]).indexOf(w);
}

/** "monday-thursday" -> [0,1,2,3]; "friday" -> [4]; throws with a readable message. */
export function expandWeekdayKey(key: string): number[] {
  const parts = key.split('-');
  if (parts.length > 2) throw new Error(`"${key}" is not a weekday or a range of weekdays`);
  const idx = parts.map(weekdayIndex);
  const bad = parts.find((p, i) => idx[i]! < 0);
  if (bad !== undefined) throw new Error(`"${bad.trim()}" is not a weekday`);
  const [from, to = from] = idx as [number, number?];
  if (to! < from) throw new Error(`"${key}": a range runs forward from Monday to Sunday`);
  return Array.from({ length: to! - from + 1 }, (_, i) => from + i);
}
