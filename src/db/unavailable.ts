/**
 * Is this error the database being away (connection refused, terminated, restarting, pool timed
 * out), as opposed to a bad query or bad data? The HTTP edge answers such errors 503 with
 * Retry-After (platforms redeliver), the tick waits and tries again next minute. Anything else is a
 * bug or bad input and is handled where it arises.
 *
 * This is the one place that knows the drivers' error shapes (node-postgres `pg`, postgres-js,
 * PGlite); callers only ask the question.
 */

/** SQLSTATE classes and codes that mean "the server is not there for you right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  '08000', '08003', '08006', '08001', '08004', '08007', // connection_exception class
]);

/** Node's socket error codes for a peer that is gone or unreachable. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/** Driver messages without a code (node-postgres throws plain Errors for these). */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /connection (?:is )?closed/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (depth > 5 || typeof e !== 'object' || e === null) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof err.code === 'string' && (UNAVAILABLE_SQLSTATES.has(err.code) || UNAVAILABLE_ERRNOS.has(err.code))) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.some((r) => r.test(err.message as string))) return true;
  // drizzle wraps driver errors (DrizzleQueryError.cause); AggregateError lists several
  if (err.cause !== undefined && isDatabaseUnavailable(err.cause, depth + 1)) return true;
  if (Array.isArray(err.errors)) return err.errors.some((x) => isDatabaseUnavailable(x, depth + 1));
  return false;
}

/** Seconds a client should wait before redelivering while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;
