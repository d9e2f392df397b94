/**
 * Store tests run on PGlite always, and on a real PostgreSQL when TEST_DATABASE_URL is set (immich's
 * test tiers). Each PostgreSQL database is created fresh for the test and dropped after.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/connection.js';

export interface TestDatabase {
  readonly name: string;
  open(): Promise<Database>;
}

/** A new empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a drop function. */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `svarstid_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const DATABASES: TestDatabase[] = [
  { name: 'PGlite', open: () => openDatabase({ memory: true }) },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          open: async (): Promise<Database> => {
            const { url, drop } = await freshPostgresUrl();
            const db = await openDatabase({ url });
            return { ...db, close: async () => { await db.close(); await drop(); } };
          },
        },
      ]
    : []),
];
