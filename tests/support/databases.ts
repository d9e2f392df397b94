/**
 * Store tests run on PGlite always, and on a real PostgreSQL when TEST_DATABASE_URL is set (immich's
 * test tiers). Each PostgreSQL database is created fresh for the test and dropped after.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connection.js';

export interface TestDatabase {
  readonly name: string;
  open(): Promise<Database>;
}

/** Runs one statement on its own connection to `url` and returns the rows (tests' checks and admin). */
export async function sqlOnce<R extends Record<string, unknown> = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL, its name and a drop function. */
export async function freshPostgresUrl(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `svarstid_test_${randomBytes(6).toString('hex')}`;
  await sqlOnce(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: async () => void (await sqlOnce(base, `drop database if exists ${name} with (force)`)) };
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
