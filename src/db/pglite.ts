/**
 * The embedded database: PGlite in a data directory (locked to this process, private to its user)
 * or in memory. As with PostgreSQL (src/db/postgres.ts), every bound string parameter is made
 * storable and every error PGlite passes on is marked (src/db/unavailable.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { lockDirectory } from './directory-lock.js';
import { makePrivateDirectory } from './private-directory.js';
import * as schema from './schema.js';
import { storableParam } from './storable.js';
import { markDatabaseError } from './unavailable.js';
import type { Database, Db } from './connection.js';

const params = (p: unknown[] | undefined) => p?.map(storableParam);
const marked = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    throw markDatabaseError(e);
  }
};

/** PGlite whose queries (in transactions too) bind storable parameters and throw marked errors. */
class StorablePGlite extends PGlite {
  override query<T>(query: string, p?: unknown[], options?: Parameters<PGlite['query']>[2]) {
    return marked(() => super.query<T>(query, params(p), options));
  }

  override transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return marked(() =>
      super.transaction((tx) => {
        const safe: Transaction = Object.create(tx);
        safe.query = (q, p, o) => marked(() => tx.query(q, params(p), o));
        return callback(safe);
      }),
    );
  }
}

/**
 * Postgres settings for one embedded user (PGlite runs Postgres in single-user mode, one connection).
 * PGlite's own defaults are a server's: shared_buffers 128 MB, 100 connections' worth of shared
 * state. svarstid's working set is a few MB of inquiries and reminders; 16 MB of buffers hold it,
 * and the shared memory for 4 backends is the least Postgres accepts comfortably. Written to the
 * data directory's postgresql.conf at every start (PGlite's `postgresqlconf` option).
 * `initialMemory` stays at the WebAssembly module's minimum, 128 MiB (2048 pages: a smaller one is
 * refused with a LinkError); that memory is reserved, and only what Postgres touches is resident.
 * Measured (docs/operations.md): idle RSS of `svarstid serve` 921 MB → under 300 MB.
 */
export const EMBEDDED_SETTINGS: readonly string[] = [
  'shared_buffers = 16MB',
  'max_connections = 4',
  'work_mem = 4MB',
  'maintenance_work_mem = 16MB',
  'temp_buffers = 4MB',
  'wal_buffers = 1MB',
];

/**
 * initdb (a new data directory) runs in a short-lived child process: it leaves ~500 MB resident in
 * the process that ran it, which a long-running `serve` would keep for its lifetime.
 */
async function initDataDir(dataDir: string): Promise<boolean> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return false;
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); const db = new PGlite(process.argv[1], { postgresqlconf: JSON.parse(process.argv[2]) }); await db.waitReady; await db.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dataDir, JSON.stringify(EMBEDDED_SETTINGS)], { timeout: 120_000 });
  return true;
}

/**
 * A fresh PGlite runs initdb, about 3 s. An in-memory database (tests, trials) starts instead from
 * an image of an empty, migrated one, made once per process (about 0.7 s to load).
 */
let memoryImage: Promise<File | Blob> | undefined;

async function migratedImage(migrationsFolder: string): Promise<File | Blob> {
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder });
  const image = await client.dumpDataDir('none');
  await client.close();
  return image;
}

export async function openPglite(where: { dataDir: string } | { memory: true }, migrationsFolder: string): Promise<Database> {
  let options: PGliteOptions;
  let release = (): void => {};
  if ('dataDir' in where) {
    makePrivateDirectory(where.dataDir);
    release = lockDirectory(where.dataDir).release;
    try {
      // the child's PGlite sets its files' modes itself (0666): made private again here
      if (await initDataDir(where.dataDir)) makePrivateDirectory(where.dataDir);
    } catch (e) {
      release();
      throw e;
    }
    options = { dataDir: where.dataDir, postgresqlconf: [...EMBEDDED_SETTINGS] };
  } else {
    memoryImage ??= migratedImage(migrationsFolder).catch((e: unknown) => {
      memoryImage = undefined;
      throw e;
    });
    options = { loadDataDir: await memoryImage, postgresqlconf: [...EMBEDDED_SETTINGS] };
  }
  try {
    const client = new StorablePGlite(options);
    await migrate(drizzle(client), { migrationsFolder });
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
