/**
 * svarstid deadline --policy FILE --channel NAME [--at ISO] [--json]
 * Without --at: reads instants from stdin, one per line, and prints one deadline per line in the
 * same order. All input is checked before anything is printed: a bad line prints nothing to stdout.
 */
import { deadlineByRule, loadPolicyFile, ruleFor, type Policy } from '../policy/index.js';
import { InstantFormatter, parseInstant } from '../time/iso.js';
import { CliError } from './errors.js';
import { readAll, writeLines, type CliIo } from './io.js';

export interface DeadlineOptions {
  policy: string;
  channel: string;
  at?: string;
  json?: boolean;
}

const MAX_REPORTED = 20;

export async function deadlineCommand(opts: DeadlineOptions, io: CliIo): Promise<void> {
  const policy = loadPolicyFile(opts.policy);
  const rule = ruleFor(policy, opts.channel);
  const fmt = new InstantFormatter(policy.timezone);
  const render = (arrival: number): string => {
    const d = deadlineByRule(policy, rule, arrival);
    if (!opts.json) return fmt.format(d.deadline);
    return JSON.stringify({
      arrival: fmt.format(d.arrival),
      channel: opts.channel,
      deadline: fmt.format(d.deadline),
      allowed_working_minutes: d.allowed / 60_000,
    });
  };

  if (opts.at !== undefined) {
    io.stdout.write(render(parseInstant(opts.at, policy.timezone)) + '\n');
    return;
  }
  if (io.stdin.isTTY) throw new CliError('give --at ISO, or pipe instants on stdin, one per line');
  const arrivals = parseLines(await readAll(io.stdin), policy);
  await writeLines(io.stdout, map(arrivals, render));
}

function parseLines(text: string, policy: Policy): Float64Array {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const arrivals = new Float64Array(lines.length);
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    try {
      arrivals[i] = parseInstant(line, policy.timezone);
    } catch (e) {
      if (problems.length < MAX_REPORTED) problems.push(`stdin line ${i + 1}: ${(e as Error).message}`);
      else if (problems.length === MAX_REPORTED) problems.push('… (more lines with errors not shown)');
    }
  }
  if (problems.length > 0) throw new CliError(`no deadlines printed, the input has errors:\n${problems.join('\n')}`);
  return arrivals;
}

function* map(values: Float64Array, f: (v: number) => string): Generator<string> {
  for (const v of values) yield f(v);
}
