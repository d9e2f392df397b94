/**
 * The app's side of the metrics (src/metrics.ts): webhook deliveries counted by source and outcome
 * from the answer each got, and the reminder queue's figures read at scrape time.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './db/connection.js';
import { isDatabaseUnavailable } from './db/unavailable.js';
import type { HttpResponse, Route } from './http/routes.js';
import { metrics, type QueueFigures } from './metrics.js';

/** accepted, duplicate (nothing new in it), invalid, unauthorized, refused, unavailable, error */
export function deliveryOutcome(r: HttpResponse): string {
  if (r.status >= 200 && r.status < 300) {
    const b = r.body as { received?: number; duplicates?: number; answered?: number } | undefined;
    return b && b.received === 0 && b.answered === 0 && (b.duplicates ?? 0) > 0 ? 'duplicate' : 'accepted';
  }
  if (r.status === 401) return 'unauthorized';
  if (r.status === 403) return 'refused';
  if (r.status === 503) return 'unavailable';
  if (r.status >= 400 && r.status < 500) return 'invalid';
  return 'error';
}

/** The source routes' POST handlers, each answer counted in svarstid_deliveries_total (source: the path's last segment). */
export function countedSourceRoutes(routes: readonly Route[]): Route[] {
  return routes.map((route) => {
    if (route.method !== 'POST') return route;
    const source = route.path.split('/').filter(Boolean).pop() ?? route.path;
    return {
      ...route,
      async handle(req) {
        try {
          const r = await route.handle(req);
          metrics.deliveries.inc({ source, outcome: deliveryOutcome(r) });
          return r;
        } catch (e) {
          metrics.deliveries.inc({ source, outcome: isDatabaseUnavailable(e) ? 'unavailable' : 'error' });
          throw e;
        }
      },
    };
  });
}

/** Due and pending reminders, and how late the oldest due one is, at `now`. One query. */
export async function queueFigures(db: Db, now: number): Promise<QueueFigures> {
  const at = new Date(now).toISOString();
  const result = (await db.execute(sql`
    select count(*) filter (where next_attempt_at <= ${at}::timestamptz)::int as due,
           count(*)::int as pending,
           coalesce(extract(epoch from (${at}::timestamptz - min(due_at) filter (where next_attempt_at <= ${at}::timestamptz))), 0)::float8 as lag
      from reminders where status = 'pending'`)) as unknown as { rows: Array<{ due: number; pending: number; lag: number }> };
  const row = result.rows[0];
  return { due: Number(row?.due ?? 0), pending: Number(row?.pending ?? 0), lagSeconds: Math.max(0, Number(row?.lag ?? 0)) };
}
