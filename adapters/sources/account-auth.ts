/**
 * The credential an officer's action on the platform uses (answer, hide, remove): the account's own,
 * found from the directory's reference (App.credentials) at the moment of the call, so nothing else
 * ever holds a token. Shared by the answer posters and the moderation platforms.
 */
import type { AccountCredentials, CredentialedAccount } from '../../src/platform/account-credentials.js';
import type { Secret } from '../../src/platform/secret.js';
import type { PlatformClients } from './platform-clients.js';
import type { XAuth } from './x/x-client.js';

export type AccountAuth = { ok: true; meta: Secret } | { ok: true; x: XAuth } | { ok: false; message: string };

export interface AccountAuthOptions {
  readonly platforms: PlatformClients;
  readonly credentials: AccountCredentials;
  /** the account's channel and credential reference, by id */
  readonly account: (accountId: number) => Promise<CredentialedAccount | undefined>;
}

/** The page token (Meta) or user auth (X) of the account a message reached, or why there is none (names a variable, never a value). */
export async function accountAuth(o: AccountAuthOptions, accountId: number | null): Promise<AccountAuth> {
  if (accountId === null) return { ok: false, message: 'the message reached no account of the directory' };
  const account = await o.account(accountId);
  if (!account) return { ok: false, message: 'the account is no longer in the directory' };
  const c = o.credentials.lookup(account);
  if (!c.ok) return { ok: false, message: c.message };
  if (c.credential.kind === 'meta') return { ok: true, meta: c.credential.pageToken };
  const auth = o.platforms.xUserAuth(c.credential);
  return auth ? { ok: true, x: auth } : { ok: false, message: "X_CONSUMER_KEY and X_CONSUMER_SECRET (the X app's keys) are not set" };
}
