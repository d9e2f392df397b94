/**
 * svarstid's logger (pino), built once for `serve` and the CLI. Logs never carry citizens' text,
 * authors, raw payloads, tokens or personal data (issue 11, item 11):
 *
 *   - errors, under `err` or `error`, are serialized by src/log/errors.ts: type, codes, a message
 *     without query parameters, frames, the cause chain; nothing a driver or client attached;
 *   - known fields that hold data (text, author, raw, body, payload, params, tokens, secrets,
 *     authorization headers) are redacted wherever they appear at the top or one level down;
 *   - every line, as written, is checked last: a query's parameter list and anything shaped like a
 *     personnummer, samordningsnummer, phone number or e-mail address is replaced.
 */
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { detectPersonalData } from '../inquiries/personal-data/index.js';
import { safeError } from './errors.js';

const FIELDS = ['text', 'author', 'authorName', 'author_name', 'authorHandle', 'author_handle', 'raw', 'body', 'payload', 'params', 'note', 'token', 'apiToken', 'secret', 'password', 'authorization', 'cookie'];
export const REDACTED_PATHS = [...FIELDS, ...FIELDS.map((f) => `*.${f}`), 'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie', 'request.headers.authorization'];

/** The last check of a line: no parameter list, nothing shaped like personal data. */
export function scrubLine(line: string): string {
  const text = line.replace(/\\nparams: (?:[^"\\]|\\.)*/g, ' (parameters not logged)');
  const { matches } = detectPersonalData(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue; // overlapping: already covered
    out += `${text.slice(at, m.start)}[${m.kind} removed]`;
    at = m.end;
  }
  return out + text.slice(at);
}

export interface LogOptions {
  readonly level?: LevelWithSilent;
  readonly name?: string;
}

export function createLogger(o: LogOptions = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      name: o.name ?? 'svarstid',
      level: o.level ?? 'info',
      serializers: { err: safeError, error: safeError },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrubLine },
    },
    destination,
  );
}
