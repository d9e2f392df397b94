/**
 * What a social platform (Meta's Graph API, the X API, a generic source's callback) answered when it
 * refused or failed a call, in svarstid's own terms. Adapters map the platform's error bodies to these
 * stable codes; the core decides what follows (retry, tell the officer, tell the manager), and the chat
 * text is looked up by code. Messages are English, for logs: never a token, never citizen text.
 */
export type PlatformName = 'meta' | 'x' | 'generic';

export const PLATFORM_ERROR_CODES = [
  /** the token is expired, revoked or invalid (Meta OAuthException 190, X 401): IT must renew it */
  'token_invalid',
  /** the token lacks a permission, scope or task the call needs (Meta 10, 200–299, 283; X client-forbidden) */
  'permission',
  /** the platform does not allow this action on this object (X reply without being summoned, hiding a comment that cannot be hidden) */
  'not_allowed',
  /** Messenger/Instagram: outside the messaging window (24 h, or 7 days with HUMAN_AGENT) */
  'window_closed',
  /** the person cannot be reached (Meta 551: blocked the page or turned messages off; X DM settings) */
  'recipient_unavailable',
  /** the object is gone (deleted, or never existed: Meta 100/33, X 404 resource-not-found) */
  'not_found',
  /** throttled: wait `retryAfterMs` (Meta 4, 17, 32, 613, 800xx; X 429) */
  'rate_limited',
  /** the platform or the network failed (5xx, timeout, refused connection, Meta is_transient) */
  'unavailable',
  /** the platform refused the request as malformed (a bug on our side, or text it will not take) */
  'invalid_request',
  /** no credentials are configured for the account */
  'no_credentials',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

export interface PlatformErrorDetail {
  /** the HTTP status, when there was a response */
  readonly status?: number;
  /** the platform's own code and subcode (Meta `code`/`error_subcode`, X problem `type`), for the log */
  readonly platformCode?: string | number;
  readonly subcode?: number;
  /** how long to wait before trying again, when the platform says (rate limits) */
  readonly retryAfterMs?: number;
}

export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly platform: PlatformName,
    readonly code: PlatformErrorCode,
    message: string,
    readonly detail: PlatformErrorDetail = {},
  ) {
    super(message);
  }

  /** worth trying again later, unchanged */
  get transient(): boolean {
    return this.code === 'rate_limited' || this.code === 'unavailable';
  }
}

export const isPlatformError = (e: unknown): e is PlatformError => e instanceof PlatformError;
