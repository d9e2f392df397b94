/** Errors the CLI reports as one clear message on stderr with exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Errors from the core with a stable code are user errors: print the message, not a stack trace. */
export function isUserError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && !('errno' in e);
}
