/**
 * Opens the database: PGlite in a directory (the embedded default, src/db/pglite.ts) or PostgreSQL
 * through node-postgres (src/db/postgres.ts: a pool that survives connections dying and servers
 * restarting), and applies the committed migrations (on PostgreSQL under an advisory lock, so several
 * instances starting at once apply them once).
 */
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type * as schema from './schema.js';
import { PACKAGE_ROOT } from '../package-root.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** the PostgreSQL pool's connections (metrics); absent on PGlite */
  readonly pool?: () => { total: number; idle: number; waiting: number };
  /**
   * runs a named prepared statement on connections of its own that always use the statement's
   * generic plan (PostgreSQL; src/db/insert-batcher.ts): absent on PGlite, where the statement runs
   * on the database itself
   */
  readonly genericPlans?: (name: string, text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export const MIGRATIONS = join(PACKAGE_ROOT, 'migrations');

export type DatabaseTarget =
  | { readonly url: string }
  | { readonly dataDir: string }
  | { readonly memory: true }
  /** a database already open (tests: two instances sharing one in-process PGlite) */
  | { readonly open: Database };

export interface OpenOptions {
  /** where a PostgreSQL connection that died while idle is reported (warn) */
  readonly logger?: Pick<Logger, 'warn'>;
}

export async function openDatabase(target: DatabaseTarget, o: OpenOptions = {}): Promise<Database> {
  if ('open' in target) return target.open;
  if ('url' in target) {
    // a server going away takes every idle connection with it: one line a minute says so
    let quietUntil = 0;
    let lost = 0;
    // each driver is loaded only when used: a PostgreSQL deployment never loads PGlite's WebAssembly, nor PGlite node-postgres
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(target.url, {
      migrationsFolder: MIGRATIONS,
      onConnectionLost: (err) => {
        lost++;
        if (Date.now() < quietUntil) return;
        quietUntil = Date.now() + 60_000;
        o.logger?.warn({ err, lost }, 'database connections were lost; the pool opens new ones when needed');
        lost = 0;
      },
    });
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(target, MIGRATIONS);
}
