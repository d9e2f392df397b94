import { describe, expect, it } from 'vitest';
import { platformClientsFromEnv } from '../../../adapters/sources/platform-clients.js';
import { Secret } from '../../../src/platform/secret.js';
import { DEFAULT_GRAPH_API_URL } from '../../../adapters/sources/meta/graph-client.js';
import { DEFAULT_X_API_URL } from '../../../adapters/sources/x/x-client.js';

const user = { kind: 'x' as const, accessToken: new Secret('at'), accessTokenSecret: new Secret('ats') };

describe('platform clients from the environment', () => {
  it('defaults to the platforms’ public hosts and has no X app keys', () => {
    const p = platformClientsFromEnv({});
    expect(p.graph.baseUrl).toBe(DEFAULT_GRAPH_API_URL);
    expect(p.x.baseUrl).toBe(DEFAULT_X_API_URL);
    expect(p.xUserAuth(user)).toBeUndefined();
    expect(p.xBearer).toBeUndefined();
  });

  it('takes the base URLs and the X app’s keys, which never print themselves', () => {
    const p = platformClientsFromEnv({ META_GRAPH_API_URL: 'http://127.0.0.1:1/v26.0/', X_API_URL: 'http://127.0.0.1:2', X_CONSUMER_KEY: 'ck', X_CONSUMER_SECRET: 'cs', X_BEARER_TOKEN: 'bt' });
    expect(p.graph.baseUrl).toBe('http://127.0.0.1:1/v26.0');
    expect(p.x.baseUrl).toBe('http://127.0.0.1:2');
    const auth = p.xUserAuth(user);
    expect(auth?.kind).toBe('oauth1');
    if (auth?.kind !== 'oauth1') throw new Error('oauth1 expected');
    expect([auth.consumerKey.reveal(), auth.consumerSecret.reveal(), auth.accessToken.reveal()]).toEqual(['ck', 'cs', 'at']);
    expect(JSON.stringify(p.xBearer)).not.toContain('bt');
  });
});
