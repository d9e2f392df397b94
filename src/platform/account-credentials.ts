/**
 * An account's platform credential, resolved from the reference its directory entry names
 * (accounts.credentials_ref) through the deployment's CredentialSource (environment, secrets file).
 * The platform follows from the account's channel (CHANNEL_PLATFORM). Nothing here is stored or logged.
 */
import { platformOf } from '../policy/vocabulary.js';
import { CredentialError, credentialSource, describeRef, metaCredential, xCredential, type AccountCredential, type CredentialRef, type CredentialSource } from './credentials.js';

export interface CredentialedAccount {
  readonly channel: string;
  readonly credentialsRef: CredentialRef | null;
}

export type CredentialLookup =
  | { readonly ok: true; readonly credential: AccountCredential }
  /** why there is none, for the officer's card and the log (names the reference, never a value) */
  | { readonly ok: false; readonly reason: 'no_reference' | 'not_set' | 'invalid' | 'no_platform'; readonly message: string };

export interface AccountCredentials {
  lookup(account: CredentialedAccount): CredentialLookup;
}

export function accountCredentials(source: CredentialSource): AccountCredentials {
  return {
    lookup(account) {
      const platform = platformOf(account.channel);
      if (!platform) return { ok: false, reason: 'no_platform', message: `a ${account.channel} account has no platform API` };
      const ref = account.credentialsRef;
      if (!ref) return { ok: false, reason: 'no_reference', message: 'the directory names no credentials for this account' };
      const raw = source.raw(ref);
      if (raw === undefined) return { ok: false, reason: 'not_set', message: `${describeRef(ref)} is not set` };
      try {
        return { ok: true, credential: platform === 'meta' ? metaCredential(raw, ref) : xCredential(raw, ref) };
      } catch (e) {
        if (e instanceof CredentialError) return { ok: false, reason: 'invalid', message: e.message };
        throw e;
      }
    },
  };
}

/** No credentials at all (tests and deployments that do not talk to the platforms' APIs). */
export const noCredentials: AccountCredentials = accountCredentials(credentialSource({}));
