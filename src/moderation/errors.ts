/**
 * Why a hide or remove was not done, by a stable code; the officer's words are looked up by code in
 * src/texts (`moderation`). `detail` carries what the words need, never a token.
 */
import type { PlatformErrorCode } from '../platform/errors.js';
import type { UnsupportedCode } from './ports.js';

export type ModerationErrorCode = UnsupportedCode | `platform_${PlatformErrorCode}`;

export interface ModerationErrorDetail {
  /** the archive record that stays (a refusal after archiving) */
  readonly archiveId?: number;
  readonly retryAfterMs?: number;
  /** the configuration problem (names a variable, never a value) */
  readonly message?: string;
}

export class ModerationError extends Error {
  override readonly name = 'ModerationError';
  constructor(
    readonly code: ModerationErrorCode,
    message: string,
    readonly detail: ModerationErrorDetail = {},
  ) {
    super(message);
  }
}
