/**
 * The error serializer of svarstid's log: what an error may say in a log line. Drivers and clients
 * put data on their errors — drizzle's DrizzleQueryError lists every bound parameter (a citizen's
 * text, author, raw payload) in its message, `params` and stack; PostgreSQL's `detail` and `where`
 * quote the row; HTTP clients' errors carry the request they failed to send. So an error is logged
 * as a new object holding only what cannot carry data: its type, a message without parameters, the
 * codes (SQLSTATE, errno, constraint, table, column), the stack's frames, and its `cause` chain the
 * same way. Everything else is left out.
 */

/** Fields kept as they are (strings, numbers, booleans): codes and names, never values. */
const KEEP = ['code', 'errno', 'syscall', 'severity', 'routine', 'constraint', 'table', 'column', 'schema', 'dataType', 'address', 'port', 'status', 'statusCode', 'permanent', 'retryAfterMs'] as const;
const MAX_DEPTH = 5;
const MAX_QUERY = 2000;

/** Drops the parameter list drizzle appends to a failed query's message ("…\nparams: a,b,c"). */
export function withoutParams(s: string): string {
  const at = s.search(/\n?params: /);
  return at < 0 ? s : `${s.slice(0, at)} (parameters not logged)`;
}

/** PostgreSQL quotes the offending value in data and constraint errors (22…, 23…) and raises (P0…): drop what is quoted. */
const QUOTES_VALUES = /^(22|23|P0)/;
const quotedDropped = (s: string) => s.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '"…"');

function messageOf(err: Record<string, unknown>): string {
  const m = typeof err.message === 'string' ? err.message : '';
  if (typeof err.query === 'string' && 'params' in err) return `Failed query: ${err.query.slice(0, MAX_QUERY)} (parameters not logged)`;
  if (typeof err.code === 'string' && QUOTES_VALUES.test(err.code) && typeof err.severity === 'string') return quotedDropped(m);
  return withoutParams(m);
}

export function safeError(e: unknown, depth = 0): unknown {
  if (e === null || e === undefined || typeof e === 'number' || typeof e === 'boolean') return e;
  if (typeof e === 'string') return withoutParams(e);
  if (typeof e !== 'object') return typeof e;
  const err = e as Record<string, unknown>;
  // not an error but a summary of one (src/http/failure.ts summarizeError: type, code, frames, cause): its safe fields
  if (!(e instanceof Error) && typeof err.stack !== 'string') return summaryOf(err, depth);
  // the class (DrizzleQueryError, DatabaseError) says more than `name`, which is often just "Error"
  const cls = e.constructor?.name;
  const type = cls && cls !== 'Error' && cls !== 'Object' ? cls : typeof err.name === 'string' ? err.name : 'Error';
  const message = messageOf(err);
  const out: Record<string, unknown> = { type, message };
  for (const k of KEEP) {
    const v = err[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  if (typeof err.stack === 'string') out.stack = [`${type}: ${message}`, ...err.stack.split('\n').filter((l) => /^\s+at /.test(l))].join('\n');
  if (depth < MAX_DEPTH) {
    if (err.cause !== undefined) out.cause = safeError(err.cause, depth + 1);
    if (Array.isArray(err.errors)) out.errors = err.errors.slice(0, 5).map((x) => safeError(x, depth + 1));
  }
  return out;
}

function summaryOf(o: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof o.type === 'string') out.type = o.type;
  for (const k of KEEP) {
    const v = o[k];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  if (Array.isArray(o.frames)) out.frames = o.frames.filter((f): f is string => typeof f === 'string' && /^at /.test(f.trim()));
  if (depth < MAX_DEPTH && o.cause !== undefined) out.cause = safeError(o.cause, depth + 1);
  return out;
}
