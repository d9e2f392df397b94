/**
 * A small tagged-template SQL client for the benchmarks on node-postgres: `sql\`… ${value} …\``
 * binds each value as a parameter; `sql(rows)` inside an insert expands to `(columns) values (…), …`;
 * `sql.unsafe(text, values)` runs text as given; `sql.begin(fn)` runs fn in a transaction. One
 * connection, kept open (session settings hold), so statements run one after another.
 */
import pg from 'pg';

class Rows {
  constructor(readonly rows: ReadonlyArray<Record<string, unknown>>) {}
}

export interface Sql {
  <R = Record<string, any>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<R[]>;
  (rows: ReadonlyArray<Record<string, unknown>>): Rows;
  unsafe<R = Record<string, any>>(text: string, values?: unknown[]): Promise<R[]>;
  begin<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

function build(strings: TemplateStringsArray, values: unknown[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  let text = strings[0]!;
  values.forEach((v, i) => {
    if (v instanceof Rows) {
      const columns = Object.keys(v.rows[0] ?? {});
      const tuples = v.rows.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
      text += `(${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
    } else text += `$${params.push(v)}`;
    text += strings[i + 1]!;
  });
  return { text, params };
}

export function connectSql(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', () => {});
  const make = (run: (text: string, params: unknown[]) => Promise<pg.QueryResult>): Sql => {
    const sql = ((first: TemplateStringsArray | ReadonlyArray<Record<string, unknown>>, ...values: unknown[]) => {
      if (!('raw' in first)) return new Rows(first);
      const { text, params } = build(first, values);
      return run(text, params).then((r) => r.rows);
    }) as Sql;
    sql.unsafe = (text, values = []) => run(text, values).then((r) => r.rows);
    sql.begin = async (fn) => {
      await run('begin', []);
      try {
        const result = await fn(sql);
        await run('commit', []);
        return result;
      } catch (e) {
        await run('rollback', []);
        throw e;
      }
    };
    sql.end = () => pool.end();
    return sql;
  };
  return make((text, params) => pool.query(text, params));
}
