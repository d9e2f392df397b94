/**
 * A cheap look at the Authorization header before botbuilder verifies it: the Bot Connector signs
 * its tokens as JWTs with RS256 and names the key (`kid`), so anything else — not "Bearer", not three
 * base64url parts, a header that is not JSON, `alg: none`, HS256, no `kid` — can be refused with 401
 * at once, without botbuilder first fetching the Bot Framework's OpenID metadata over the network
 * (which, when the network is away, would turn a forged token into a 5xx).
 */

/** The algorithms botframework-connector accepts (ToBotFromChannelTokenValidationParameters). */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/** undefined when the header could be a Bot Connector token; else why it cannot. */
export function tokenShapeProblem(header: string): string | undefined {
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header.trim());
  if (!m) return 'the Authorization header must be "Bearer" and a signed JWT';
  let head: unknown;
  try {
    head = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
  } catch {
    return 'the JWT header is not JSON';
  }
  const { alg, kid } = (typeof head === 'object' && head !== null ? head : {}) as { alg?: unknown; kid?: unknown };
  if (typeof alg !== 'string' || !ALGORITHMS.has(alg)) return 'the JWT is not signed with RS256';
  if (typeof kid !== 'string' || kid === '') return 'the JWT names no signing key (kid)';
  return undefined;
}
