/**
 * What a log line may say about an error: its class, its code, its stack frames and its causes' the
 * same way — never its message, which may quote a request body, a bound parameter or a platform's
 * answer (a Bot Connector 400 quotes the activity it refused). Log every error as
 * `{ error: summarizeError(e) }`, never `{ err: e }` or `err: e.message` (the `err` serializer keeps a
 * message without query parameters, which is not enough).
 */
export interface ErrorSummary {
  readonly type: string;
  readonly code?: string;
  readonly frames?: readonly string[];
  readonly cause?: ErrorSummary;
}

/** The class, code and stack frames of an error and its causes; no message, no data. */
export function summarizeError(e: unknown, depth = 0): ErrorSummary {
  if (typeof e !== 'object' || e === null) return { type: typeof e };
  const err = e as { name?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const ctor = (e as object).constructor?.name;
  const type = typeof err.name === 'string' && /^\w{1,60}$/.test(err.name) ? err.name : typeof ctor === 'string' ? ctor : 'Object';
  const code = (typeof err.code === 'string' || typeof err.code === 'number') && /^[\w.-]{1,40}$/.test(String(err.code)) ? String(err.code) : undefined;
  // frames only: the stack's first lines repeat the message
  const frames = typeof err.stack === 'string' ? err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).map((l) => l.trim()) : undefined;
  const cause = depth < 3 && err.cause !== undefined ? summarizeError(err.cause, depth + 1) : undefined;
  return { type, ...(code !== undefined && { code }), ...(frames?.length && { frames }), ...(cause && { cause }) };
}

