/**
 * The Meta catch-up reader (src/catchup): what one account's run reads, by its channel.
 *   facebook   the page's feed with comments (reconcile-feed.ts), and whether the app is still subscribed
 *   messenger  the page's Messenger conversations (reconcile-messages.ts), and the subscription
 *   instagram  comments on the account's recent media (reconcile-instagram.ts), and its Instagram Direct
 *              conversations (reconcile-messages.ts, `platform=instagram`, channel instagram_dm)
 * An instagram_dm or instagram_mention account of its own is not read: the instagram account's run reads the DMs,
 * and Instagram mentions are not read by catch-up (docs/catch-up.md).
 * Every call carries the account's page token (Authorization header, never a URL or a log); the
 * usage headers stop a run before Meta throttles (reconcile-support.ts).
 */
import type { AccountReader } from '../../../src/catchup/model.js';
import type { GraphClient } from './graph-client.js';
import { isSubscribed, readFeed } from './reconcile-feed.js';
import { readInstagramComments } from './reconcile-instagram.js';
import { readConversations } from './reconcile-messages.js';
import { pageToken } from './reconcile-support.js';

export interface MetaReaderOptions {
  /** META_APP_ID: the app whose subscription is checked (without it, any subscribed app counts) */
  readonly appId?: string;
}

export function metaReader(graph: GraphClient, channel: string, o: MetaReaderOptions = {}): AccountReader | undefined {
  if (channel === 'facebook') {
    return async (account, credential, _cursor, window, emit) => {
      const token = pageToken(credential);
      const subscribed = await isSubscribed(graph, account.externalId, token, o.appId);
      await readFeed(graph, account.externalId, token, window, emit);
      return { subscribed };
    };
  }
  if (channel === 'messenger') {
    return async (account, credential, _cursor, window, emit) => {
      const token = pageToken(credential);
      const subscribed = await isSubscribed(graph, account.externalId, token, o.appId);
      const own = new Set([account.externalId]);
      await readConversations(graph, { pageId: account.externalId, platform: 'messenger', channel: 'messenger', accountId: account.externalId, ownIds: own }, token, window, emit);
      return { subscribed };
    };
  }
  if (channel === 'instagram') {
    return async (account, credential, _cursor, window, emit) => {
      const token = pageToken(credential);
      await readInstagramComments(graph, account.externalId, token, window, emit);
      // Instagram Direct: the conversations of the Facebook page the account is connected to (its page token's `me`)
      const page = await graph.get<{ id?: string }>('me', { fields: 'id' }, token);
      if (typeof page.body.id === 'string') {
        const own = new Set([page.body.id, account.externalId]);
        await readConversations(graph, { pageId: page.body.id, platform: 'instagram', channel: 'instagram_dm', accountId: account.externalId, ownIds: own }, token, window, emit);
      }
      return {};
    };
  }
  return undefined;
}
