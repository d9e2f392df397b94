/**
 * Who is calling the REST API, from `Authorization: Bearer <token>`:
 *   - an organization's token (svarstid token create --org KEY): that organization only;
 *   - a deployment-admin token (svarstid token create --admin, or SVARSTID_API_TOKEN / the legacy
 *     data/api-token from the composition root): every organization and the unrouted messages.
 * Tokens are compared by their SHA-256, in constant time; a revoked token is no token.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../admin/api-tokens.js';
import type { HttpRequest } from './routes.js';

export type ApiPrincipal =
  | { readonly kind: 'admin'; readonly actor: string }
  | { readonly kind: 'organization'; readonly orgId: string; readonly actor: string };

export interface ApiAuthDeps {
  /** the active stored token with this hash */
  readonly byHash: (hash: string) => Promise<{ id: number; orgId: string | null; hash: string } | undefined>;
  /** deployment-admin tokens given by configuration (SVARSTID_API_TOKEN), not stored */
  readonly adminTokens: readonly string[];
}

const MAX_TOKEN_LENGTH = 512;

function bearer(req: HttpRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || header.length > MAX_TOKEN_LENGTH + 10) return undefined;
  return /^Bearer +(\S+) *$/i.exec(header)?.[1];
}

const equalHashes = (a: string, b: string): boolean => timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export function apiAuthenticator(deps: ApiAuthDeps): (req: HttpRequest) => Promise<ApiPrincipal | undefined> {
  const configured = deps.adminTokens.filter((t) => t !== '').map(hashToken);
  return async (req) => {
    const token = bearer(req);
    if (token === undefined) return undefined;
    const hash = hashToken(token);
    // every configured token is compared, so the time taken does not say which (or whether one) matched
    const env = configured.reduce((hit, h) => equalHashes(h, hash) || hit, false);
    if (env) return { kind: 'admin', actor: 'api:admin' };
    const stored = await deps.byHash(hash);
    if (!stored || !equalHashes(stored.hash, hash)) return undefined;
    return stored.orgId === null ? { kind: 'admin', actor: `api:token:${stored.id}` } : { kind: 'organization', orgId: stored.orgId, actor: `api:token:${stored.id}` };
  };
}

/**
 * Whether a principal may see an inquiry of `orgId` (null: unrouted). Unrouted messages belong to no
 * organization: administrators see them, and so does the only organization of a one-organization
 * deployment (`sole`).
 */
export function maySee(p: ApiPrincipal, orgId: string | null, sole: string | undefined): boolean {
  if (p.kind === 'admin') return true;
  return orgId === null ? sole === p.orgId : orgId === p.orgId;
}
