/**
 * The AnswerPoster of the deployment (src/answers/ports.ts): one per platform behind one port,
 * chosen by the inquiry's channel and source. Each finds the account's credential itself (the
 * directory's reference, resolved by App.credentials), so nothing else ever holds a token.
 */
import type { AnswerPoster, AnswerRoute, AnswerTarget, Availability } from '../../../src/answers/ports.js';
import type { AccountCredentials, CredentialedAccount } from '../../../src/platform/account-credentials.js';
import { PlatformError } from '../../../src/platform/errors.js';
import { platformOf } from '../../../src/policy/vocabulary.js';
import { genericAvailability, postGenericAnswer, type GenericCallbackOptions } from '../generic/answer-callback.js';
import { MetaAnswerPoster, metaRoute } from '../meta/answer-poster.js';
import type { PlatformClients } from '../platform-clients.js';
import { accountAuth, type AccountAuth } from '../account-auth.js';
import { XAnswerPoster, isXDm } from '../x/answer-poster.js';

export interface AnswerPostersOptions {
  readonly platforms: PlatformClients;
  readonly credentials: AccountCredentials;
  /** the account's channel and credential reference, by id */
  readonly account: (accountId: number) => Promise<CredentialedAccount | undefined>;
  readonly generic: Omit<GenericCallbackOptions, 'now'>;
  readonly now: () => number;
}

export function answerPosters(o: AnswerPostersOptions): AnswerPoster {
  const meta = new MetaAnswerPoster(o.platforms.graph, o.now);
  const x = new XAnswerPoster(o.platforms.x, o.now);
  const generic: GenericCallbackOptions = { ...o.generic, now: o.now };

  const resolve = (t: AnswerTarget): Promise<AccountAuth> => accountAuth(o, t.accountId);

  const refuse = (platform: 'meta' | 'x', message: string): never => {
    throw new PlatformError(platform, 'no_credentials', message);
  };

  return {
    route(t): AnswerRoute {
      const p = platformOf(t.channel);
      if (p === 'meta') return metaRoute(t);
      if (p === 'x') return isXDm(t) ? 'x_dm' : 'x_post';
      return 'generic';
    },
    async availability(t): Promise<Availability> {
      const p = platformOf(t.channel);
      if (!p) {
        const problem = genericAvailability(generic, t);
        return problem ? { ok: false, code: 'no_credentials', message: problem } : { ok: true };
      }
      const r = await resolve(t);
      return r.ok ? { ok: true } : { ok: false, code: 'no_credentials', message: r.message };
    },
    async post(t, text, answerId, now) {
      const p = platformOf(t.channel);
      if (!p) return postGenericAnswer(generic, t, text, answerId);
      const r = await resolve(t);
      if (!r.ok) return refuse(p, r.message);
      if ('meta' in r) return meta.post(t, text, r.meta, now);
      if ('x' in r) return x.post(t, text, r.x);
      return refuse(p, 'no credential');
    },
    async find(t, text, since) {
      const p = platformOf(t.channel);
      if (!p) return undefined; // a generic source deduplicates by X-Svarstid-Answer-Id
      const r = await resolve(t);
      if (!r.ok) return undefined;
      if ('meta' in r) return meta.find(t, text, since, r.meta, t.accountExternalId);
      if ('x' in r) return x.find(t, text, since, r.x);
      return undefined;
    },
  };
}
