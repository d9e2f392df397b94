/**
 * What the Meta catch-up readers share: the Graph API's times, the usage guard (stop before Meta
 * throttles: at 90 % of any usage figure in `X-App-Usage` / `X-Business-Use-Case-Usage`, wait as long
 * as the Business Use Case header says, at least a minute), and the page token of the account.
 */
import type { AccountCredential } from '../../../src/platform/credentials.js';
import { PlatformError } from '../../../src/platform/errors.js';
import type { Secret } from '../../../src/platform/secret.js';
import { instantOrUndefined } from '../../../src/time/iso.js';
import { DEFAULT_THROTTLE_MS, type GraphUsage } from './graph-errors.js';

/** Stop reading at this share of any usage figure (Meta throttles at 100). */
export const USAGE_STOP_PERCENT = 90;

export function guardUsage(usage: GraphUsage): void {
  if (usage.percent >= USAGE_STOP_PERCENT) {
    throw new PlatformError('meta', 'rate_limited', `Graph API usage at ${usage.percent} %: catch-up waits`, { retryAfterMs: Math.max(usage.regainMs, DEFAULT_THROTTLE_MS) });
  }
}

/** "2017-05-19T23:27:28+0000" → epoch ms; undefined when it is not a Graph API time. */
export const graphInstant = (text: unknown): number | undefined => instantOrUndefined(text, 'UTC');

export function pageToken(credential: AccountCredential): Secret {
  if (credential.kind !== 'meta') throw new PlatformError('meta', 'no_credentials', 'the account credential is not a Meta page token');
  return credential.pageToken;
}

export interface GraphPerson {
  readonly id?: string;
  readonly name?: string;
  readonly username?: string;
}
