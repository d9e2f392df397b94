/**
 * The tick benchmark's database: a throwaway PostgreSQL database on the TEST_DATABASE_URL (or
 * DATABASE_URL) server, and a bulk load of open X inquiries with their reminders.
 *
 * The load is realistic without planning a million inquiries one by one: arrivals fall on whole
 * minutes over the four weeks before `now`; each distinct minute is planned once with the real
 * deadline rule and reminder planner (src/policy deadlineFor, src/reminders/plan planReminders), into
 * two small tables; then one INSERT … SELECT from generate_series makes the inquiries and one makes
 * their reminders. Reminders due before `now` are 'sent' (the inquiries are open: nobody answered),
 * the rest are 'pending' — the state a long-running installation is in. The reminder indexes are
 * dropped during the load and rebuilt after, with the definitions the migrations gave them.
 */
import { randomBytes } from 'node:crypto';
import { connectSql, type Sql } from './sql.js';
import { deadlineFor, type Policy } from '../src/policy/index.js';
import { planReminders } from '../src/reminders/plan.js';

export interface BenchDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A new empty database next to the one TEST_DATABASE_URL or DATABASE_URL names. */
export async function benchDatabase(): Promise<BenchDatabase> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base) throw new Error('bench/tick.ts needs TEST_DATABASE_URL or DATABASE_URL (a PostgreSQL server where it may create a database)');
  const name = `svarstid_bench_${randomBytes(6).toString('hex')}`;
  const admin = connectSql(base);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      const a = connectSql(base);
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export interface LoadOptions {
  readonly count: number;
  readonly now: number;
  /** arrivals over this many days before now */
  readonly days: number;
  readonly orgId: string;
  readonly accountId: number;
  readonly accountExternalId: string;
  readonly policy: Policy;
  readonly log: (line: string) => void;
}

export interface Loaded {
  readonly inquiries: number;
  readonly reminders: number;
  readonly pending: number;
  readonly seconds: number;
}

/** The index definitions of a table, as pg_indexes gives them (to drop and rebuild). */
async function indexes(sql: Sql, table: string, except: string[]): Promise<Array<{ name: string; def: string }>> {
  const rows = await sql<{ indexname: string; indexdef: string }>`select indexname, indexdef from pg_indexes where tablename = ${table}`;
  return rows.filter((r) => !except.includes(r.indexname)).map((r) => ({ name: r.indexname, def: r.indexdef }));
}

export async function loadInquiries(url: string, o: LoadOptions): Promise<Loaded> {
  const started = performance.now();
  const step = (label: string, since: number) => o.log(`  ${label} (${((performance.now() - since) / 1000).toFixed(1)} s)`);
  const sql = connectSql(url);
  try {
    await sql`set maintenance_work_mem = '1GB'`;
    await sql`set synchronous_commit = off`;
    await sql`set max_parallel_maintenance_workers = 2`;

    let t = performance.now();
    const minutes = o.days * 24 * 60;
    const from = o.now - minutes * 60_000;
    const slots: Array<{ m: number; received_at: Date; deadline: Date; allowed_minutes: number }> = [];
    const plans: Array<{ m: number; kind: string; role: string; due_at: Date }> = [];
    for (let m = 0; m < minutes; m++) {
      const receivedAt = from + m * 60_000;
      const d = deadlineFor(o.policy, 'x', receivedAt);
      const allowedMinutes = Math.round(d.allowed / 60_000);
      slots.push({ m, received_at: new Date(receivedAt), deadline: new Date(d.deadline), allowed_minutes: allowedMinutes });
      for (const p of planReminders({ state: 'open', receivedAt, deadline: d.deadline, allowedMinutes }, o.policy)) plans.push({ m, kind: p.kind, role: p.role, due_at: new Date(p.dueAt) });
    }
    await sql`create table bench_slot (m int primary key, received_at timestamptz not null, deadline timestamptz not null, allowed_minutes int not null)`;
    await sql`create table bench_plan (m int not null, kind text not null, role text not null, due_at timestamptz not null)`;
    for (let i = 0; i < slots.length; i += 5000) await sql`insert into bench_slot ${sql(slots.slice(i, i + 5000))}`;
    for (let i = 0; i < plans.length; i += 5000) await sql`insert into bench_plan ${sql(plans.slice(i, i + 5000))}`;
    await sql`create index on bench_plan (m)`;
    step(`planned ${minutes.toLocaleString('en-US')} arrival minutes with the real planner: ${plans.length.toLocaleString('en-US')} reminder slots`, t);

    t = performance.now();
    await sql`
      insert into inquiries (org_id, account_id, source, channel, account_external_id, external_id, author_id, author_name, text,
                             received_at, deadline, allowed_minutes, state, personal_data, raw, created_at, updated_at)
      select ${o.orgId}, ${o.accountId}, 'x', 'x', ${o.accountExternalId}, 'bench-' || g, 'citizen-' || (g % 50000), 'Medborgare ' || (g % 50000),
             'Hej! Vad gäller för fråga nummer ' || g || '?', s.received_at, s.deadline, s.allowed_minutes, 'open', '[]'::jsonb,
             jsonb_build_object('id_str', 'bench-' || g), s.received_at, s.received_at
      from generate_series(0, ${o.count - 1}::int) g
      join bench_slot s on s.m = (g::bigint * ${minutes} / ${o.count})::int
      order by g`;
    step(`inserted ${o.count.toLocaleString('en-US')} inquiries`, t);

    t = performance.now();
    const rebuild = await indexes(sql, 'reminders', ['reminders_pkey']);
    for (const ix of rebuild) await sql.unsafe(`drop index ${ix.name}`);
    await sql`alter table reminders drop constraint reminders_inquiry_id_inquiries_id_fk`;
    await sql`
      insert into reminders (inquiry_id, org_id, kind, role, due_at, next_attempt_at, status, attempts, claimed_by, sent_at)
      select i.id, i.org_id, p.kind, p.role, p.due_at, p.due_at,
             case when p.due_at <= ${new Date(o.now)} then 'sent' else 'pending' end,
             case when p.due_at <= ${new Date(o.now)} then 1 else 0 end,
             case when p.due_at <= ${new Date(o.now)} then 'bench-history' end,
             case when p.due_at <= ${new Date(o.now)} then p.due_at end
      from inquiries i
      join bench_slot s on s.received_at = i.received_at
      join bench_plan p on p.m = s.m
      order by i.id, p.due_at`;
    step('inserted the reminders', t);
    t = performance.now();
    for (const ix of rebuild) await sql.unsafe(ix.def);
    await sql`alter table reminders add constraint reminders_inquiry_id_inquiries_id_fk foreign key (inquiry_id) references inquiries(id)`;
    step(`rebuilt ${rebuild.map((r) => r.name).join(', ')} and the foreign key`, t);
    t = performance.now();
    await sql`drop table bench_plan`;
    await sql`drop table bench_slot`;
    await sql`vacuum analyze inquiries`;
    await sql`vacuum analyze reminders`;
    step('vacuum analyze', t);

    const [c] = await sql<{ reminders: number; pending: number }>`
      select count(*)::int as reminders, (count(*) filter (where status = 'pending'))::int as pending from reminders`;
    return { inquiries: o.count, reminders: c!.reminders, pending: c!.pending, seconds: (performance.now() - started) / 1000 };
  } finally {
    await sql.end();
  }
}
