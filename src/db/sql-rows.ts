/** Raw SQL results on both drivers: { rows } (PGlite and node-postgres; an array from drivers that return one). */
import type { SQL } from 'drizzle-orm';
import type { Db } from './connection.js';

export type SqlRow = Record<string, unknown>;

export async function query(db: Db, statement: SQL): Promise<SqlRow[]> {
  const r = (await db.execute(statement)) as unknown as SqlRow[] | { rows: SqlRow[] };
  return Array.isArray(r) ? r : r.rows;
}

/** A timestamptz bound as text (the drivers differ in how they bind Dates). */
export const ts = (ms: number): string => new Date(ms).toISOString();

/** count/bigint come back as string (node-postgres) or number/bigint (PGlite). */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const instant = (v: unknown): number => (v instanceof Date ? v.getTime() : new Date(String(v)).getTime());
