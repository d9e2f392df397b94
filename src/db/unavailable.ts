/**
 * Is this error the database being away (connection refused, terminated, restarting, no connection
 * to be had in time), as opposed to a bad query or bad data? The HTTP edge answers such errors 503
 * with Retry-After (platforms redeliver), the scheduled jobs wait for the next minute. Anything else
 * is a bug or bad input and is handled where it arises.
 *
 * Exact both ways: the drivers' wrappers (src/db/postgres.ts for node-postgres, src/db/pglite.ts)
 * mark every error they pass on, and only a marked error (or one whose `cause` chain holds a marked
 * one, as drizzle's DrizzleQueryError does) of an outage's shape counts. A Slack or Teams call that
 * fails with ECONNREFUSED is not the database being away.
 *
 * This is the one place that knows the drivers' error shapes; callers only ask the question.
 */

/** Errors that came out of a database driver (marked by the driver wrappers). */
const fromDatabase = new WeakSet<object>();

/** Marks an error as thrown by the database driver; returns it. */
export function markDatabaseError<T>(e: T): T {
  if (typeof e === 'object' && e !== null) fromDatabase.add(e);
  return e;
}

/** SQLSTATEs that mean "the server is not there for you right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast or smart shutdown
  '57P02', // crash_shutdown: another backend crashed, the server restarts
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '53300', // too_many_connections
  '08000', '08001', '08003', '08004', '08006', '08007', // connection_exception (08P01, a protocol violation, is a bug)
]);

/** Node's socket and DNS error codes for a server that is gone or cannot be reached. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND']);

/** node-postgres and PGlite throw plain Errors, without a code, for these. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout", "Connection terminated" (pool ended)
  /^timeout exceeded when trying to connect$/, // the pool's connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Cannot use a pool after calling end on the pool$/, // shutting down
  /^PGlite is closed$/, // shutting down
];

function hasOutageShape(e: object, depth: number): boolean {
  const err = e as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof err.code === 'string' && (UNAVAILABLE_SQLSTATES.has(err.code) || UNAVAILABLE_ERRNOS.has(err.code))) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.some((r) => r.test(err.message as string))) return true;
  // a host with several addresses refuses on each: AggregateError lists them
  return depth < 3 && Array.isArray(err.errors) && err.errors.length > 0 && err.errors.every((x) => typeof x === 'object' && x !== null && hasOutageShape(x, depth + 1));
}

export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; typeof x === 'object' && x !== null && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    if (fromDatabase.has(x) && hasOutageShape(x, 0)) return true;
  }
  return false;
}

/** A transaction that lost a deadlock or a serialization check: running it again is the remedy. */
export function isTransactionConflict(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; typeof x === 'object' && x !== null && depth < 8; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (fromDatabase.has(x) && (code === '40P01' || code === '40001')) return true;
  }
  return false;
}

/** Seconds a client should wait before redelivering while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;
