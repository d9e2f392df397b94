/** One builder for the command specs: a fixed Stockholm "now" (Wednesday 25 November 2026, 10:00). */
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { parseCommand } from '../../src/commands/parse.js';
import type { ChatCommand, ParseError } from '../../src/commands/types.js';

export const ZONE = 'Europe/Stockholm';

/** A literal Stockholm wall-clock time ("2026-11-25T10:00") as epoch ms. */
export function at(local: string, zone = ZONE): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

export const NOW = at('2026-11-25T10:00');

/** The command the text parses to (fails the test if it is an error). */
export function command(text: string, now = NOW, timezone = ZONE): ChatCommand {
  const r = parseCommand(text, { now, timezone });
  if (!r.ok) expect.fail(`"${text}" did not parse: ${JSON.stringify(r.error)}`);
  return r.command;
}

/** The error the text gives (fails the test if it parses). */
export function error(text: string, now = NOW, timezone = ZONE): ParseError {
  const r = parseCommand(text, { now, timezone });
  if (r.ok) expect.fail(`"${text}" parsed as ${JSON.stringify(r.command)}`);
  return r.error;
}

/** An absence command's period as Stockholm ISO instants with offsets, and its substitute. */
export function period(text: string, now = NOW, timezone = ZONE): { from: string; to: string; substitute?: unknown } {
  const c = command(text, now, timezone);
  if (c.type !== 'away') expect.fail(`"${text}" is ${c.type}, not away`);
  const iso = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toISO({ suppressMilliseconds: true, suppressSeconds: true })!;
  return { from: iso(c.from), to: iso(c.to), ...(c.substitute && { substitute: c.substitute }) };
}
