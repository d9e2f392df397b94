/** svarstid policy check FILE...: validates policies and summarizes each; exit 1 if any is invalid. */
import { formatClock, formatIntervals } from '../calendar/index.js';
import { loadPolicyFile, type Policy, type ReminderRule } from '../policy/index.js';
import { WEEKDAYS_EN } from '../policy/weekdays.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

function hoursLines(policy: Policy): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < 7) {
    const text = formatIntervals(policy.week[i] ?? []);
    let j = i;
    while (j + 1 < 7 && formatIntervals(policy.week[j + 1] ?? []) === text) j++;
    const days = i === j ? WEEKDAYS_EN[i] : `${WEEKDAYS_EN[i]}-${WEEKDAYS_EN[j]}`;
    lines.push(`    ${days!.padEnd(18)} ${text || 'closed'}`);
    i = j + 1;
  }
  return lines;
}

function reminderText(r: ReminderRule): string {
  const when = r.when === 'share' ? (r.percent === 100 ? 'at the deadline' : `at ${r.percent}% of the window`) : `${r.offset.text} ${r.when === 'before_deadline' ? 'before' : 'after'} the deadline`;
  return `${when} -> ${r.to.join(', ')}`;
}

export function summarize(file: string, p: Policy): string {
  const spec = p.calendar.spec;
  const shortened = [...Object.entries(spec.shortenedNamed), ...Object.entries(spec.shortenedDates)];
  return [
    `${file}: OK`,
    `  organization: ${p.organization} (time zone ${p.timezone}, language ${p.language})`,
    '  hours:',
    ...hoursLines(p),
    `  closed: public holidays${spec.closedNamedDays.length ? `, ${spec.closedNamedDays.join(', ')}` : ''}${spec.closedDates.length ? `; dates ${spec.closedDates.join(', ')}` : ''}`,
    ...(shortened.length ? [`  shortened: ${shortened.map(([k, v]) => `${k} ${formatIntervals(v)}`).join('; ')}`] : []),
    '  channels:',
    ...[...p.channels].map(([kind, rule]) => `    ${kind.padEnd(18)} respond within ${rule.text}`),
    `  reminders${p.remindersAreDefaults ? ' (defaults)' : ''}:`,
    ...p.reminders.map((r) => `    ${reminderText(r)}`),
    ...(p.digest ? [`  daily digest: ${formatClock(p.digest.dailyAt)} on working days`] : []),
    ...(p.summary ? [`  weekly summary: ${WEEKDAYS_EN[p.summary.weekday]} ${formatClock(p.summary.minutes)} to ${p.summary.to}`] : []),
    ...(p.summary ? [`  yearly follow-up: ${p.summary.yearly ? `working day ${p.summary.yearly.workingDay} of January ${formatClock(p.summary.yearly.minutes)} to ${p.summary.to}` : 'none (summary.yearly: false)'}`] : []),
    `  retention: ${p.retention ? `text of finished, unregistered inquiries erased ${p.retention.textAfter.amount} ${p.retention.textAfter.unit} after they were finished` : 'nothing is erased (no retention in the policy)'}`,
  ].join('\n');
}

export function policyCheckCommand(files: string[], io: CliIo): void {
  const failures: string[] = [];
  for (const file of files) {
    try {
      io.stdout.write(summarize(file, loadPolicyFile(file)) + '\n');
    } catch (e) {
      if (!(e instanceof Error) || (e as { code?: string }).code !== 'policy_invalid') throw e;
      failures.push(e.message);
    }
  }
  if (failures.length > 0) throw new CliError(failures.join('\n'));
}
