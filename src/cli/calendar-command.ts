/** svarstid calendar --policy FILE --year YYYY [--json]: the year's closed and shortened days. */
import { formatIntervals, type SpecialDay } from '../calendar/index.js';
import { loadPolicyFile } from '../policy/index.js';
import { WEEKDAYS_SV } from '../policy/weekdays.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

export interface CalendarOptions {
  policy: string;
  year: string;
  json?: boolean;
}

const KIND_LABEL: Record<SpecialDay['kind'], string> = {
  public_holiday: 'helgdag',
  closed_day: 'stängt',
  closed_date: 'stängt datum',
  shortened: 'förkortad',
};

function weekdayOf(date: string): string {
  return WEEKDAYS_SV[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

export function calendarCommand(opts: CalendarOptions, io: CliIo): void {
  if (!/^\d{4}$/.test(opts.year)) throw new CliError(`--year: "${opts.year}" is not a year (YYYY)`);
  const year = Number(opts.year);
  const policy = loadPolicyFile(opts.policy);
  const days = policy.calendar.specialDays(year);
  if (opts.json) {
    const rows = days.map((d) => ({
      date: d.date,
      weekday: weekdayOf(d.date),
      kind: d.kind,
      name: d.name ?? null,
      hours: d.hours ? formatIntervals(d.hours) : null,
      working_day_otherwise: d.affectsWorkingDay,
    }));
    io.stdout.write(JSON.stringify({ organization: policy.organization, year, timezone: policy.timezone, days: rows }, null, 2) + '\n');
    return;
  }
  const lines = [`${policy.organization} ${year} (${policy.timezone}): stängda och förkortade dagar`];
  for (const d of days) {
    const what = d.kind === 'shortened' ? `${KIND_LABEL[d.kind]} ${formatIntervals(d.hours ?? [])}` : KIND_LABEL[d.kind];
    const note = d.affectsWorkingDay ? '' : ' (ingen arbetsdag ändå)';
    lines.push(`${d.date}  ${weekdayOf(d.date).padEnd(7)}  ${what.padEnd(26)}  ${d.name ?? ''}${note}`.trimEnd());
  }
  io.stdout.write(lines.join('\n') + '\n');
}
