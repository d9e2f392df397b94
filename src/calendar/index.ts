export { BusinessCalendar, compileCalendar } from './calendar.js';
export { CalendarRangeError } from './timeline.js';
export { parseIntervals, formatIntervals, parseClock, formatClock, HoursFormatError } from './hours.js';
export { swedishDays, publicHolidayOn, NAMED_DAYS, DEFAULT_CLOSED_DAYS, type NamedDay, type SwedishDay } from './swedish-days.js';
export * from './types.js';
