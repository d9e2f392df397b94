/** API tokens in the database (table api_tokens): created, listed, rotated and revoked by the CLI; looked up by hash on every API request. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { generateToken, hashToken, TOKEN_NAME, TokenError } from '../admin/api-tokens.js';
import type { Db } from './connection.js';
import { apiTokens, organizations } from './schema.js';

export interface ApiTokenInfo {
  readonly id: number;
  /** null: a deployment-admin token */
  readonly orgId: string | null;
  readonly name: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
}

type Row = typeof apiTokens.$inferSelect;
const info = (r: Row): ApiTokenInfo => ({ id: r.id, orgId: r.orgId, name: r.name, createdAt: r.createdAt.getTime(), revokedAt: r.revokedAt?.getTime() ?? null });

export class TokenStore {
  constructor(private readonly db: Db) {}

  /** A new token for an organization (or, with null, a deployment-admin token); the token itself is returned only here. */
  async create(orgId: string | null, name: string, now: number): Promise<{ info: ApiTokenInfo; token: string }> {
    if (!TOKEN_NAME.test(name)) throw new TokenError('bad_name', `--name: "${name}" is not a token name (1 to 64 letters, digits, spaces, ".", "_" and "-")`);
    if (orgId !== null) await this.requireOrganization(orgId);
    return this.insert(this.db, orgId, name, now);
  }

  /** Tokens, oldest first: every one, or one organization's (admin tokens are listed without an organization filter). */
  async list(orgId?: string): Promise<ApiTokenInfo[]> {
    const rows = await this.db.select().from(apiTokens).where(orgId !== undefined ? eq(apiTokens.orgId, orgId) : undefined).orderBy(asc(apiTokens.id));
    return rows.map(info);
  }

  /** Replaces an active token with a new one of the same organization and name, in one transaction: the old one stops working at once. */
  async rotate(id: number, now: number): Promise<{ info: ApiTokenInfo; token: string; replaced: ApiTokenInfo }> {
    return this.db.transaction(async (tx) => {
      const old = await this.revokeIn(tx as unknown as Db, id, now);
      const made = await this.insert(tx as unknown as Db, old.orgId, old.name, now);
      return { ...made, replaced: old };
    });
  }

  async revoke(id: number, now: number): Promise<ApiTokenInfo> {
    return this.revokeIn(this.db, id, now);
  }

  /** The active token with this hash, if any. */
  async byHash(hash: string): Promise<{ id: number; orgId: string | null; hash: string } | undefined> {
    const rows = await this.db
      .select({ id: apiTokens.id, orgId: apiTokens.orgId, hash: apiTokens.hash })
      .from(apiTokens)
      .where(and(eq(apiTokens.hash, hash), isNull(apiTokens.revokedAt)));
    return rows[0];
  }

  private async insert(db: Db, orgId: string | null, name: string, now: number): Promise<{ info: ApiTokenInfo; token: string }> {
    const token = generateToken();
    const rows = await db.insert(apiTokens).values({ orgId, name, hash: hashToken(token), createdAt: new Date(now) }).returning();
    return { info: info(rows[0]!), token };
  }

  private async revokeIn(db: Db, id: number, now: number): Promise<ApiTokenInfo> {
    const rows = await db.update(apiTokens).set({ revokedAt: new Date(now) }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).returning();
    if (rows[0]) return info(rows[0]);
    const exists = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (exists[0]) throw new TokenError('revoked_token', `token ${id} was already revoked at ${exists[0].revokedAt!.toISOString()}`);
    throw new TokenError('unknown_token', `no token ${id}; svarstid token list shows them`);
  }

  private async requireOrganization(orgId: string): Promise<void> {
    const all = (await this.db.select({ id: organizations.id }).from(organizations).orderBy(organizations.id)).map((r) => r.id);
    if (!all.includes(orgId)) {
      throw new TokenError('unknown_organization', `--org: no organization "${orgId}"; ${all.length ? `known: ${all.join(', ')}` : 'none is applied yet (svarstid org apply POLICY)'}`);
    }
  }
}
