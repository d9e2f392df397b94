/**
 * Why an answer was not posted, by a stable code (DESIGN.md convention 8). The officer's words are
 * looked up by code in src/texts; `detail` carries what the words need (limits, waits), never a token.
 */
import type { PlatformErrorCode } from '../platform/errors.js';

export type AnswerErrorCode =
  | 'empty'
  | 'too_long'
  | 'signature_missing'
  | 'no_credentials'
  | 'not_supported'
  | 'in_progress'
  | 'window_closed'
  | 'human_agent_unavailable'
  | `platform_${PlatformErrorCode}`;

export interface AnswerErrorDetail {
  readonly limit?: number;
  readonly length?: number;
  readonly signature?: string;
  /** how long to wait before trying again (rate limits), ms */
  readonly retryAfterMs?: number;
  /** the configuration problem, for the card and the log (names a variable, never a value) */
  readonly message?: string;
}

export class AnswerError extends Error {
  override readonly name = 'AnswerError';
  constructor(
    readonly code: AnswerErrorCode,
    message: string,
    readonly detail: AnswerErrorDetail = {},
  ) {
    super(message);
  }
}
