/**
 * The deployment's clients of the platforms' APIs (Meta's Graph API, the X API v2), built once from
 * the environment and shared by the catch-up reads and the officers' actions (answer, hide, remove).
 *
 *   META_GRAPH_API_URL   default https://graph.facebook.com/v26.0 (version pinned)
 *   X_API_URL            default https://api.x.com
 *   X_CONSUMER_KEY, X_CONSUMER_SECRET   the X app's OAuth 1.0a consumer pair (with an account's user tokens)
 *   X_BEARER_TOKEN       the X app's Bearer token, for public reads
 *
 * An account's own credential (page token, X user tokens) comes from App.credentials.lookup().
 */
import type { XCredential } from '../../src/platform/credentials.js';
import { Secret } from '../../src/platform/secret.js';
import { GraphClient } from './meta/graph-client.js';
import { XClient, type XAuth } from './x/x-client.js';

export interface PlatformClients {
  readonly graph: GraphClient;
  readonly x: XClient;
  /** OAuth 1.0a user context for an X account, or undefined when the app's consumer pair is not configured */
  xUserAuth(credential: XCredential): XAuth | undefined;
  /** the app's Bearer token for public reads, when configured */
  readonly xBearer: XAuth | undefined;
}

export interface PlatformClientOptions {
  readonly graphApiUrl?: string;
  readonly xApiUrl?: string;
  readonly xConsumerKey?: string;
  readonly xConsumerSecret?: string;
  readonly xBearerToken?: string;
  readonly timeoutMs?: number;
  /** the clock, for waits computed from absolute reset times */
  readonly now?: () => number;
}

export function platformClients(o: PlatformClientOptions = {}): PlatformClients {
  const graph = new GraphClient({ ...(o.graphApiUrl && { baseUrl: o.graphApiUrl }), ...(o.timeoutMs && { timeoutMs: o.timeoutMs }) });
  const x = new XClient({ ...(o.xApiUrl && { baseUrl: o.xApiUrl }), ...(o.timeoutMs && { timeoutMs: o.timeoutMs }), ...(o.now && { now: o.now }) });
  const consumerKey = o.xConsumerKey ? new Secret(o.xConsumerKey) : undefined;
  const consumerSecret = o.xConsumerSecret ? new Secret(o.xConsumerSecret) : undefined;
  return {
    graph,
    x,
    xUserAuth: (c) =>
      consumerKey && consumerSecret ? { kind: 'oauth1', consumerKey, consumerSecret, accessToken: c.accessToken, accessTokenSecret: c.accessTokenSecret } : undefined,
    xBearer: o.xBearerToken ? { kind: 'bearer', token: new Secret(o.xBearerToken) } : undefined,
  };
}

export function platformClientsFromEnv(env: Readonly<Record<string, string | undefined>>, now?: () => number): PlatformClients {
  return platformClients({
    ...(env.META_GRAPH_API_URL && { graphApiUrl: env.META_GRAPH_API_URL }),
    ...(env.X_API_URL && { xApiUrl: env.X_API_URL }),
    ...(env.X_CONSUMER_KEY && { xConsumerKey: env.X_CONSUMER_KEY }),
    ...(env.X_CONSUMER_SECRET && { xConsumerSecret: env.X_CONSUMER_SECRET }),
    ...(env.X_BEARER_TOKEN && { xBearerToken: env.X_BEARER_TOKEN }),
    ...(now && { now }),
  });
}
