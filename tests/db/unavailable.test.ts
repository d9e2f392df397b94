/**
 * isDatabaseUnavailable answers true for every error the drivers throw while the database is away,
 * and for nothing else — not a bad query, not bad data, not another service's connection failing.
 * Real errors from the real drivers.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { createPool } from '../../src/db/postgres.js';
import { isDatabaseUnavailable, isTransactionConflict } from '../../src/db/unavailable.js';
import { freshPostgresUrl, sqlOnce } from '../support/databases.js';

const caught = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);

describe('isDatabaseUnavailable', () => {
  it('is true when the server refuses connections (through the pool and through drizzle)', async () => {
    const pool = createPool('postgres://postgres@127.0.0.1:1/none');
    try {
      const direct = await caught(pool.query('select 1'));
      const viaDrizzle = await caught(drizzle(pool).execute(sql`select ${'x'}`));
      const transaction = await caught(drizzle(pool).transaction(async () => {}));
      for (const e of [direct, viaDrizzle, transaction]) expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('is false for the same connection failure outside the database (a chat platform, a fetch)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const fetchError = await caught(fetch(`http://127.0.0.1:${port}/`));
    expect((fetchError as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(fetchError)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('is true for the embedded database once closed (shutting down), false for its bad queries', async () => {
    const database = await openDatabase({ memory: true });
    const bad = await caught(database.db.execute(sql`select nope from nowhere`));
    expect(isDatabaseUnavailable(bad)).toBe(false);
    await database.close();
    expect(isDatabaseUnavailable(await caught(database.db.execute(sql`select 1`)))).toBe(true);
  });

  if (process.env.TEST_DATABASE_URL)
    describe('on PostgreSQL', () => {
      it('is true for a terminated connection, a pool that cannot give one in time and a pool shut down; false for bad SQL, bad data and a conflict', async () => {
        const db = await freshPostgresUrl();
        const pool = createPool(db.url, { poolSize: 1, connectTimeoutMs: 300 });
        try {
          const orm = drizzle(pool);
          // terminated while a query runs
          const running = caught(orm.execute(sql`select pg_sleep(5)`));
          await new Promise((r) => setTimeout(r, 300));
          await sqlOnce(process.env.TEST_DATABASE_URL!, 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [db.name]);
          expect(isDatabaseUnavailable(await running)).toBe(true);
          // the only connection is held: the next one times out
          const held = await pool.connect();
          expect(isDatabaseUnavailable(await caught(orm.execute(sql`select 1`)))).toBe(true);
          held.release();
          // not outages
          const syntax = await caught(orm.execute(sql`selec 1`));
          const data = await caught(orm.execute(sql`select ${'abc'}::int`));
          const division = await caught(orm.execute(sql`select 1/0`));
          for (const e of [syntax, data, division]) expect(isDatabaseUnavailable(e), String(e)).toBe(false);
          await orm.execute(sql`create table t (id int primary key)`);
          await orm.execute(sql`insert into t values (1)`);
          const duplicate = await caught(orm.execute(sql`insert into t values (1)`));
          expect(isDatabaseUnavailable(duplicate)).toBe(false);
          expect(isTransactionConflict(duplicate)).toBe(false);
        } finally {
          await pool.end();
        }
        expect(isDatabaseUnavailable(await caught(pool.query('select 1')))).toBe(true);
        await db.drop();
      });
    });
});
