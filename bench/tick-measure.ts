/** The tick benchmark's two measurements: an idle tick, and dispatching N due reminders. */
import type { Sql } from './sql.js';
import type { App } from '../src/app.js';
import type { TickResult } from '../src/reminders/tick.js';
import type { Platform } from './tick-platform.js';

export interface IdleResult {
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  /** the claim statement's scan of reminders and its execution time, from EXPLAIN ANALYZE */
  readonly plan: string;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Times `n` ticks at `now` (after 3 warm-up ticks); each must claim nothing. */
export async function idleTicks(app: App, sql: Sql, now: number, n: number): Promise<IdleResult> {
  const times: number[] = [];
  for (let i = 0; i < n + 3; i++) {
    const t = performance.now();
    const r = await app.tick(now);
    const ms = performance.now() - t;
    if (r.claimed !== 0) throw new Error(`an idle tick claimed ${r.claimed} reminders: the setup left some due`);
    if (i >= 3) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p90: quantile(times, 0.9), min: times[0]!, max: times[times.length - 1]!, plan: await claimPlan(sql, now) };
}

/** EXPLAIN ANALYZE of the claim statement (the one in src/db/reminder-queue.ts claimDue), rolled back. */
async function claimPlan(sql: Sql, now: number): Promise<string> {
  const at = new Date(now).toISOString();
  const until = new Date(now + 5 * 60_000).toISOString();
  let lines: string[] = [];
  await sql
    .begin(async (tx) => {
      const rows = await tx.unsafe(
        `explain (analyze, costs off)
         update reminders set claimed_by = 'bench-explain', claimed_until = $2::timestamptz, attempts = attempts + 1
         where id in (
           select id from reminders
           where status = 'pending' and next_attempt_at <= $1::timestamptz
             and (claimed_until is null or claimed_until < $1::timestamptz)
           order by next_attempt_at
           limit 200
           for update skip locked)
         returning id, inquiry_id, org_id, kind, role, due_at, attempts, delivered_to`,
        [at, until],
      );
      lines = rows.map((r) => String(Object.values(r)[0]));
      throw new RollbackSignal();
    })
    .catch((e) => {
      if (!(e instanceof RollbackSignal)) throw e;
    });
  const scan = lines.find((l) => /Scan.* on reminders/.test(l) && !/reminders_pkey/.test(l))?.trim().replace(/^->\s*/, '') ?? '?';
  const exec = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
  return `${scan.replace(/\s+\(actual.*$/, '')}; executes in ${exec}`;
}

class RollbackSignal extends Error {}

export interface DispatchOptions {
  readonly sql: Sql;
  readonly platform: Platform;
  /** nothing is due at `now` (the setup's state) */
  readonly now: number;
  readonly n: number;
  readonly delayMs: number;
  /** whether sends go to `platform` (then its counts are checked) */
  readonly http: boolean;
  readonly tick: (now: number) => Promise<TickResult>;
}

export interface DispatchResult {
  readonly sent: number;
  readonly seconds: number;
  readonly rate: number;
  readonly check: string;
}

/**
 * Makes exactly `n` reminders due at `now` — the next n pending ones, as if the instances had been
 * down while they fell due — and ticks at `now` until a tick claims nothing. Checks that every one
 * was sent, and (over HTTP) delivered once.
 */
export async function dispatchRun(o: DispatchOptions): Promise<DispatchResult> {
  const at = new Date(o.now);
  const moved = await o.sql`
    update reminders set next_attempt_at = ${new Date(o.now - 60_000)}
    where id in (select id from reminders where status = 'pending' and next_attempt_at > ${at} order by next_attempt_at, id limit ${o.n})
    returning id`;
  if (moved.length < o.n) throw new Error(`only ${moved.length} pending reminders left to make due (wanted ${o.n})`);
  const dueNow = async () => (await o.sql<{ n: number }>`select count(*)::int as n from reminders where status = 'pending' and next_attempt_at <= ${at}`)[0]!.n;
  const due = await dueNow();
  await o.platform.control({ reset: true, delayMs: o.delayMs });
  const total: TickResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0, superseded: 0, postponed: 0 };
  const started = performance.now();
  for (;;) {
    const r = await o.tick(o.now);
    for (const k of Object.keys(total) as Array<keyof TickResult>) total[k] += r[k];
    if (r.claimed === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  await o.platform.control({ delayMs: 0 });
  const left = await dueNow();
  const stats = await o.platform.stats();
  const problems = [
    due !== o.n ? `${due} due, not ${o.n}` : '',
    total.sent !== due ? `sent ${total.sent} of ${due}` : '',
    left ? `${left} still due` : '',
    total.retried || total.failed ? `${total.retried} retried, ${total.failed} failed` : '',
    o.http && stats.total !== total.sent ? `platform got ${stats.total}` : '',
    o.http && stats.duplicates ? `${stats.duplicates} keys twice` : '',
  ].filter(Boolean);
  const check = problems.length ? `PROBLEM: ${problems.join(', ')}` : o.http ? `ok: ${stats.total} delivered, each key once` : 'ok: all sent';
  return { sent: total.sent, seconds, rate: total.sent / seconds, check };
}
