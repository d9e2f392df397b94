/**
 * What a request that threw is answered, and what the log says about it:
 *   - the database is away (isDatabaseUnavailable): 503 database_unavailable with Retry-After, so
 *     Meta, X, Slack and generic senders deliver again later;
 *   - a calendar asked about an instant it cannot compute (CalendarRangeError): 400 — it came from
 *     the request (the date checks at the edges should catch it first);
 *   - anything else: a logged 500 internal_error.
 * The log line carries the error's class and code, the causes' classes and codes, the stack frames
 * and the path — never the error's message, which may quote the request body or a bound parameter
 * (a driver error lists every value of a failed insert: the citizen's text, author, payload).
 */
import type { Logger } from 'pino';
import { CalendarRangeError } from '../calendar/index.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.js';
import { summarizeError } from '../log/summary.js';
import { problem, type HttpResponse } from './routes.js';

export { summarizeError, type ErrorSummary } from '../log/summary.js';

/** 503 while the database is away: nothing was acknowledged, deliver again after Retry-After seconds. */
export function databaseUnavailable(): HttpResponse {
  const seconds = UNAVAILABLE_RETRY_AFTER_SECONDS;
  return {
    status: 503,
    headers: { 'retry-after': String(seconds) },
    body: { error: 'database_unavailable', message: `the database is not reachable right now; the request was not carried out, send it again in ${seconds} seconds`, retry_after: seconds },
  };
}

export function failureResponse(e: unknown, path: string, logger: Logger): HttpResponse {
  if (isDatabaseUnavailable(e)) {
    logger.warn({ error: summarizeError(e), path }, 'database unavailable: answered 503');
    return databaseUnavailable();
  }
  if (e instanceof CalendarRangeError) return problem(400, e.code, e.message);
  logger.error({ error: summarizeError(e), path }, 'request failed');
  return problem(500, 'internal_error', 'internal error (logged); the request was not carried out');
}
