/**
 * Opens the database: PGlite in a directory (the embedded default) or PostgreSQL over the `postgres`
 * driver, and applies the committed migrations. On PostgreSQL, migrations run under an advisory lock,
 * so several instances starting at once apply them once.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
/** pg_advisory_lock key for migrations: "svarstid" as a number */
const MIGRATION_LOCK = 0x73766172;

export type DatabaseTarget =
  | { readonly url: string }
  | { readonly dataDir: string }
  | { readonly memory: true }
  /** a database already open (tests: two instances sharing one in-process PGlite) */
  | { readonly open: Database };

/**
 * A fresh PGlite runs initdb, about 3 s. An in-memory database (tests, trials) starts instead from
 * an image of an empty, migrated one, made once per process (about 0.7 s to load).
 */
let memoryImage: Promise<File | Blob> | undefined;

async function migratedImage(): Promise<File | Blob> {
  const client = new PGlite();
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
  const image = await client.dumpDataDir('none');
  await client.close();
  return image;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('open' in target) return target.open;
  if ('url' in target) return openPostgres(target.url);
  let client: PGlite;
  if ('dataDir' in target) client = new PGlite(target.dataDir);
  else {
    memoryImage ??= migratedImage().catch((e: unknown) => {
      memoryImage = undefined;
      throw e;
    });
    client = new PGlite({ loadDataDir: await memoryImage });
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS });
  return { db, kind: 'pglite', close: () => client.close() };
}

async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(sql, { schema }) as unknown as Db;
  const lock = await sql.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder: MIGRATIONS });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    lock.release();
  }
  return { db, kind: 'postgres', close: () => sql.end({ timeout: 5 }) };
}
