/**
 * A failed Slack Web API call as the reminder tick understands it: a rate limit carries Slack's
 * Retry-After; an error that says the person cannot be reached at all (deactivated, unknown user)
 * is permanent, so the manager is told at once; anything else is retried with the tick's backoff.
 */
import { webApi } from '@slack/bolt';
import { NotifyError } from '../../src/reminders/model.js';

/** Slack errors that no retry can fix for this person. */
export const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'user_not_found',
  'users_not_found',
  'account_inactive',
  'user_disabled',
  'user_is_bot',
  'cannot_dm_bot',
  'messages_tab_disabled',
  'is_archived',
  'channel_not_found',
]);

/** The platform's error code of a Web API failure ("user_not_found"), if it is one. */
export function slackErrorCode(e: unknown): string | undefined {
  const err = e as { code?: string; data?: { error?: unknown } };
  return err?.code === webApi.ErrorCode.PlatformError && typeof err.data?.error === 'string' ? err.data.error : undefined;
}

export function toNotifyError(e: unknown, what: string): NotifyError {
  if (e instanceof NotifyError) return e;
  const err = e as { code?: string; retryAfter?: number; message?: string };
  if (err?.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = typeof err.retryAfter === 'number' && err.retryAfter >= 0 ? err.retryAfter : 60;
    return new NotifyError(`Slack rate-limited ${what}; retry after ${seconds} s`, seconds * 1000);
  }
  const code = slackErrorCode(e);
  if (code !== undefined) return new NotifyError(`Slack refused ${what}: ${code}`, undefined, PERMANENT_ERRORS.has(code));
  return new NotifyError(`Slack call failed (${what}): ${err?.message ?? String(e)}`);
}
