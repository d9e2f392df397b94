/**
 * PostgreSQL through node-postgres (`pg`): a Pool, made safe for a database that goes away.
 *
 *   - A connection that dies is an event, never an uncaught exception: the pool's `error` (an idle
 *     client) is reported, and every client gets an `error` listener when it connects (node-postgres
 *     emits `error` on a checked-out client whose socket dies between two queries, e.g. inside a
 *     transaction, and nothing else listens then). The query in flight fails; the pool drops the
 *     client and opens a new one when next asked.
 *   - Getting a connection takes at most CONNECT_TIMEOUT_MS (waiting for a free one included), so
 *     a request fails fast — 503 at the edge — instead of hanging while the server is away.
 *   - Every error the driver passes on is marked (src/db/unavailable.ts), and every bound string
 *     parameter is made storable (src/db/storable.ts: NUL and lone surrogates → U+FFFD).
 *   - Migrations run on one connection under an advisory lock, so instances starting together apply
 *     them once.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import { storableParam } from './storable.js';
import { markDatabaseError } from './unavailable.js';
import { MAX_IN_FLIGHT } from './insert-batcher.js';
import type { Database, Db } from './connection.js';

/** Longest wait for a connection (a free one from the pool, or a new one to the server). */
export const CONNECT_TIMEOUT_MS = 5_000;
export const POOL_SIZE = 10;
/** connections for the batched insert: one per statement the batcher runs at once */
export const GENERIC_PLAN_POOL_SIZE = MAX_IN_FLIGHT;
/** pg_advisory_lock key for migrations: "svar" as a number */
const MIGRATION_LOCK = 0x73766172;

export interface PostgresOptions {
  readonly migrationsFolder: string;
  /** told of each connection that died while idle (the pool has dropped it) */
  readonly onConnectionLost?: (e: Error) => void;
  readonly poolSize?: number;
  /** default CONNECT_TIMEOUT_MS */
  readonly connectTimeoutMs?: number;
}

type Callback = (err: Error | null, ...rest: unknown[]) => void;
type Method = (...args: unknown[]) => unknown;

/** Marks what a driver method throws, rejects with or calls back with; both calling styles. */
function marking(original: Method, prepare: (args: unknown[]) => unknown[] = (a) => a): Method {
  return (...raw: unknown[]) => {
    const args = prepare(raw);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as Callback;
      args[args.length - 1] = (err: Error | null, ...rest: unknown[]) => cb(err ? markDatabaseError(err) : err, ...rest);
      return original(...args);
    }
    let result: unknown;
    try {
      result = original(...args);
    } catch (e) {
      throw markDatabaseError(e);
    }
    return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(markDatabaseError(e))) : result;
  };
}

/** query(text | config, values?, callback?) with every bound string made storable. */
function storableArgs(args: unknown[]): unknown[] {
  const out = [...args];
  const config = out[0] as { values?: unknown; submit?: unknown } | undefined;
  if (config && typeof config === 'object' && typeof config.submit !== 'function' && Array.isArray(config.values)) out[0] = { ...config, values: config.values.map(storableParam) };
  if (Array.isArray(out[1])) out[1] = out[1].map(storableParam);
  return out;
}

function guardClient(client: pg.PoolClient | pg.Client, lost: (e: Error) => void): void {
  // a checked-out client's socket can die between queries; its next query fails, and this keeps the
  // event from being an uncaught exception
  client.on('error', (e) => lost(markDatabaseError(e)));
  const c = client as unknown as { query: Method };
  c.query = marking(c.query.bind(client) as Method, storableArgs);
}

export function createPool(url: string, o: Pick<PostgresOptions, 'onConnectionLost' | 'poolSize' | 'connectTimeoutMs'> & { readonly options?: string } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: o.poolSize ?? POOL_SIZE, connectionTimeoutMillis: o.connectTimeoutMs ?? CONNECT_TIMEOUT_MS, idleTimeoutMillis: 30_000, keepAlive: true, application_name: 'svarstid', ...(o.options !== undefined ? { options: o.options } : {}) });
  const quiet = () => {};
  pool.on('error', (e) => (o.onConnectionLost ?? quiet)(markDatabaseError(e)));
  pool.on('connect', (client) => guardClient(client, quiet));
  const p = pool as unknown as { connect: Method; query: Method };
  p.connect = marking(p.connect.bind(pool) as Method);
  p.query = marking(p.query.bind(pool) as Method);
  return pool;
}

export async function openPostgres(url: string, o: PostgresOptions): Promise<Database> {
  const pool = createPool(url, o);
  try {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client), { migrationsFolder: o.migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  // the batched insert's statement (src/db/new-inquiries-batch.ts) on connections that plan it once:
  // with the default plan_cache_mode PostgreSQL re-plans it at every execution (its arrays' lengths
  // change the estimate), which measured 2.9 ms of server CPU for one message against 1.3–1.6 ms
  const generic = createPool(url, { ...o, poolSize: GENERIC_PLAN_POOL_SIZE, options: '-c plan_cache_mode=force_generic_plan -c statement_timeout=30000' });
  // a connection of its own that cannot be had (max_connections reached, a pooler refusing the option)
  // must not fail what the main pool can do: the statement then runs there, with the default planning
  const genericPlans = async (name: string, text: string, params: unknown[]): Promise<Record<string, unknown>[]> => {
    let client: pg.PoolClient;
    try {
      client = await generic.connect();
    } catch {
      return (await pool.query({ name, text, values: params })).rows as Record<string, unknown>[];
    }
    try {
      const rows = (await client.query({ name, text, values: params })).rows as Record<string, unknown>[];
      client.release();
      return rows;
    } catch (e) {
      // a connection that failed mid-statement is dropped, not reused
      client.release(e instanceof Error ? e : true);
      throw e;
    }
  };
  return {
    db,
    kind: 'postgres',
    genericPlans,
    pool: () => ({ total: pool.totalCount + generic.totalCount, idle: pool.idleCount + generic.idleCount, waiting: pool.waitingCount + generic.waitingCount }),
    close: async () => {
      await Promise.all([pool.end(), generic.end()]);
    },
  };
}
