/**
 * The embedded database: PGlite in a data directory (locked to this process, private to its user)
 * or in memory. As with PostgreSQL (src/db/postgres.ts), every bound string parameter is made
 * storable and every error PGlite passes on is marked (src/db/unavailable.ts).
 */
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
    options = { dataDir: where.dataDir };
  } else {
    memoryImage ??= migratedImage(migrationsFolder).catch((e: unknown) => {
      memoryImage = undefined;
      throw e;
    });
    options = { loadDataDir: await memoryImage };
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
