/** A working interval on a local day, in minutes after local midnight, half-open: [start, end). */
export interface LocalInterval {
  readonly start: number;
  readonly end: number;
}

/**
 * The input of `compileCalendar`: a calendar as the policy describes it, already validated.
 * `week` has seven entries, Monday first (ISO weekday 1 at index 0).
 */
export interface CalendarSpec {
  readonly timezone: string;
  readonly week: ReadonlyArray<readonly LocalInterval[]>;
  /** named days closed in addition to the public holidays (default: the three eves) */
  readonly closedNamedDays: readonly string[];
  /** named day -> intervals replacing that day's regular hours */
  readonly shortenedNamed: Readonly<Record<string, readonly LocalInterval[]>>;
  /** ISO date -> intervals replacing that day's regular hours */
  readonly shortenedDates: Readonly<Record<string, readonly LocalInterval[]>>;
  /** extra closed ISO dates (klämdagar) */
  readonly closedDates: readonly string[];
}

/** Why a day deviates from the regular week, as listed by `specialDays`. */
export type SpecialDayKind = 'public_holiday' | 'closed_day' | 'closed_date' | 'shortened';

export interface SpecialDay {
  readonly date: string;
  readonly kind: SpecialDayKind;
  /** Swedish name of the day, when it has one */
  readonly name?: string;
  /** the day's hours, for a shortened day */
  readonly hours?: readonly LocalInterval[];
  /** true when the regular week would have had working hours that day */
  readonly affectsWorkingDay: boolean;
}

/** Durations are in milliseconds of working time. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The years a calendar covers; a query outside them is a RangeError, never a silent wrong answer. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;
