/**
 * The ModerationPlatform of the deployment (src/moderation/ports.ts): Meta and X behind one port,
 * chosen by the inquiry's channel; each finds the account's credential itself (as the answer posters
 * do), so nothing else ever holds a token. A generic source (blog, web chat) gets no platform call:
 * svarstid archives and closes, and the source's own moderation stays with the source.
 */
import type { ArchiveContext, Capability, ModerationPlatform, ModerationTarget } from '../../../src/moderation/ports.js';
import type { AccountCredentials, CredentialedAccount } from '../../../src/platform/account-credentials.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { platformOf } from '../../../src/policy/vocabulary.js';
import type { PlatformClients } from '../platform-clients.js';
import { accountAuth, type AccountAuth } from '../account-auth.js';
import { metaCapability, MetaModeration } from './meta-moderation.js';
import { xCapability, XModeration } from './x-moderation.js';

export interface ModerationPlatformsOptions {
  readonly platforms: PlatformClients;
  readonly credentials: AccountCredentials;
  readonly account: (accountId: number) => Promise<CredentialedAccount | undefined>;
  readonly now: () => number;
}

export function moderationPlatforms(o: ModerationPlatformsOptions): ModerationPlatform {
  const meta = new MetaModeration(o.platforms.graph, o.now);
  const x = new XModeration(o.platforms.x, o.now);

  const resolve = (t: ModerationTarget): Promise<AccountAuth> => accountAuth(o, t.accountId);

  return {
    async capability(t, action): Promise<Capability> {
      const p = platformOf(t.channel);
      if (!p) return { ok: true, platform: false };
      const allowed = p === 'meta' ? metaCapability(t, action) : xCapability(t, action);
      if (!allowed.ok) return allowed;
      const r = await resolve(t);
      return r.ok ? allowed : { ok: false, code: 'no_credentials', message: r.message };
    },
    async context(t, now): Promise<ArchiveContext> {
      if (!platformOf(t.channel)) return { fetchedAt: now };
      const r = await resolve(t);
      if (!r.ok) return { error: 'no_credentials', fetchedAt: now };
      return 'meta' in r ? meta.context(t, r.meta, now) : x.context(t, r.x, now);
    },
    async apply(t, action) {
      const p = platformOf(t.channel);
      if (!p) throw new PlatformError('generic', 'not_allowed', 'a generic source has no moderation call');
      const r = await resolve(t);
      if (!r.ok) throw new PlatformError(p, 'no_credentials', r.message);
      return 'meta' in r ? meta.apply(t, action, r.meta) : x.apply(t, r.x);
    },
  };
}
