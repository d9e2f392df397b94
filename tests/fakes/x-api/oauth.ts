/**
 * Checks an OAuth 1.0a `Authorization: OAuth …` header as X does: the consumer key is the app's, the
 * token one of a known account's, and the HMAC-SHA1 signature over the method, URL and parameters
 * (query and oauth_*, not a JSON body) matches. Returns the account's user id, or undefined.
 */
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

export interface OAuthKeys {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  tokenSecret(token: string): string | undefined;
}

export function parseOAuthHeader(header: string): Record<string, string> | undefined {
  if (!header.startsWith('OAuth ')) return undefined;
  const out: Record<string, string> = {};
  for (const m of header.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!);
  return out;
}

export function verifyOAuth(header: string, method: string, url: URL, keys: OAuthKeys): string | undefined {
  const p = parseOAuthHeader(header);
  if (!p || p.oauth_consumer_key !== keys.consumerKey || !p.oauth_token) return undefined;
  const secret = keys.tokenSecret(p.oauth_token);
  if (secret === undefined) return undefined;
  const oauth = new OAuth({ consumer: { key: keys.consumerKey, secret: keys.consumerSecret }, signature_method: 'HMAC-SHA1', hash_function: (b, k) => createHmac('sha1', k).update(b).digest('base64') });
  const data = Object.fromEntries(Object.entries(p).filter(([k]) => k !== 'oauth_signature'));
  const expected = oauth.getSignature({ url: url.toString(), method }, secret, data as unknown as OAuth.Data);
  return expected === p.oauth_signature ? p.oauth_token : undefined;
}
