/**
 * svarstid token create --org KEY | --admin [--name NAME]   a new REST API token, printed once on stdout
 * svarstid token list [--org KEY] [--format text|json]      tokens (never the tokens themselves)
 * svarstid token rotate ID                                  a new token in place of ID (which stops working at once)
 * svarstid token revoke ID                                  ID stops working at once
 * Tokens are kept only as their SHA-256 (src/admin/api-tokens.ts); what is printed on stdout is the
 * token alone, so `TOKEN=$(svarstid token create --org hofors)` works; the rest goes to stderr. A
 * TokenError (unknown id or organization, already revoked) is printed by the CLI with exit code 1.
 */
import { TokenStore, type ApiTokenInfo } from '../db/token-store.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { formatOption, withDatabase, type CliContext } from './report-command.js';

const scope = (t: ApiTokenInfo): string => t.orgId ?? '(admin)';
const describe = (t: ApiTokenInfo): string => `token ${t.id} (${t.orgId === null ? 'deployment admin' : `organization ${t.orgId}`}, "${t.name}")`;

export function tokenId(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new CliError(`"${value}" is not a token id; svarstid token list shows them`);
  return Number(value);
}

export async function tokenCreateCommand(opts: { org?: string; admin?: boolean; name?: string }, io: CliIo, ctx: CliContext = {}): Promise<void> {
  if ((opts.org === undefined) === !opts.admin) throw new CliError('give either --org KEY (a token of that organization) or --admin (a deployment-admin token: every organization and the unrouted messages)');
  const name = opts.name ?? (opts.admin ? 'admin' : 'api');
  const made = await withDatabase(ctx, (db) => new TokenStore(db.db).create(opts.org ?? null, name, (ctx.now ?? Date.now)()));
  io.stdout.write(`${made.token}\n`);
  io.stderr.write(`created ${describe(made.info)}; the token is shown only now: keep it in a password manager\n`);
}

export async function tokenListCommand(opts: { org?: string; format?: string }, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const format = formatOption(opts.format, ['text', 'json']);
  const tokens = await withDatabase(ctx, (db) => new TokenStore(db.db).list(opts.org));
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(tokens.map((t) => ({ id: t.id, organization: t.orgId, admin: t.orgId === null, name: t.name, created_at: iso(t.createdAt), revoked_at: iso(t.revokedAt) })), null, 2)}\n`);
    return;
  }
  if (tokens.length === 0) {
    io.stdout.write(`no tokens${opts.org ? ` for ${opts.org}` : ''}; create one with svarstid token create --org KEY\n`);
    return;
  }
  const rows = tokens.map((t) => [String(t.id), scope(t), t.name, iso(t.createdAt)!, t.revokedAt === null ? 'active' : `revoked ${iso(t.revokedAt)}`]);
  const header = ['id', 'organization', 'name', 'created', 'state'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [header, ...rows]) io.stdout.write(`${r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
}

export async function tokenRotateCommand(id: string, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const n = tokenId(id);
  const r = await withDatabase(ctx, (db) => new TokenStore(db.db).rotate(n, (ctx.now ?? Date.now)()));
  io.stdout.write(`${r.token}\n`);
  io.stderr.write(`created ${describe(r.info)} in place of token ${r.replaced.id}, which no longer works; the token is shown only now\n`);
}

export async function tokenRevokeCommand(id: string, io: CliIo, ctx: CliContext = {}): Promise<void> {
  const n = tokenId(id);
  const r = await withDatabase(ctx, (db) => new TokenStore(db.db).revoke(n, (ctx.now ?? Date.now)()));
  io.stdout.write(`revoked ${describe(r)}\n`);
}
