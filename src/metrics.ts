/**
 * svarstid's Prometheus metrics (prom-client), in one registry per process. Counters and histograms
 * are module-level so that any part of the code can count what it does: import `metrics` and call
 * e.g. `metrics.reconciliation.inc({ source: 'meta', result: 'answered' })`. What must be read when
 * scraped (the reminder queue, the database pool) is given by the running app as a gauge source
 * (`addGaugeSource`). Served at GET /metrics behind SVARSTID_METRICS_TOKEN (src/http/metrics-route.ts,
 * docs/operations.md). Label values are source and outcome names, never ids, text or people.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'svarstid_' });

export interface QueueFigures {
  /** pending reminders whose time has come */
  readonly due: number;
  /** every pending reminder */
  readonly pending: number;
  /** seconds since the oldest due, pending reminder fell due (0 when none is due) */
  readonly lagSeconds: number;
}

export interface PoolFigures {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export interface GaugeSource {
  queue?(): Promise<QueueFigures>;
  pool?(): PoolFigures | undefined;
}

const sources = new Set<GaugeSource>();

/** Adds what the gauges read when scraped; returns the function that removes it (app.close). */
export function addGaugeSource(s: GaugeSource): () => void {
  sources.add(s);
  return () => void sources.delete(s);
}

async function sumQueues(): Promise<QueueFigures | undefined> {
  let sum: QueueFigures | undefined;
  for (const s of sources) {
    const q = await s.queue?.().catch(() => undefined);
    if (q) sum = sum ? { due: sum.due + q.due, pending: sum.pending + q.pending, lagSeconds: Math.max(sum.lagSeconds, q.lagSeconds) } : q;
  }
  return sum;
}

/** one query for the three queue gauges of a scrape (prom-client collects them side by side) */
let inFlight: Promise<QueueFigures | undefined> | undefined;
function queueFigures(): Promise<QueueFigures | undefined> {
  inFlight ??= sumQueues().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

export const metrics = {
  deliveries: new Counter({ name: 'svarstid_deliveries_total', help: 'Webhook deliveries by source and outcome (accepted, duplicate, refused, invalid, unauthorized, unavailable, error)', labelNames: ['source', 'outcome'] as const, registers: [registry] }),
  inquiriesReceived: new Counter({ name: 'svarstid_inquiries_received_total', help: 'New inquiries stored, by channel', labelNames: ['channel'] as const, registers: [registry] }),
  reminders: new Counter({ name: 'svarstid_reminders_total', help: 'Reminder sends by outcome (sent, failed, retried, cancelled)', labelNames: ['outcome'] as const, registers: [registry] }),
  tickDuration: new Histogram({ name: 'svarstid_tick_duration_seconds', help: 'Duration of the scheduler\'s minute tick (reminders, digests, summaries, retention)', buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [registry] }),
  tickFailures: new Counter({ name: 'svarstid_tick_failures_total', help: 'Ticks that failed (database unavailable or an error)', registers: [registry] }),
  reconciliation: new Counter({ name: 'svarstid_reconciliation_total', help: 'Reconciliation (catch-up) results by source and result', labelNames: ['source', 'result'] as const, registers: [registry] }),
  queueDue: new Gauge({
    name: 'svarstid_reminder_queue_due',
    help: 'Pending reminders whose time has come (queue depth)',
    registers: [registry],
    async collect() {
      const q = await queueFigures();
      if (q) this.set(q.due);
    },
  }),
  queuePending: new Gauge({
    name: 'svarstid_reminder_queue_pending',
    help: 'Pending reminders, due or not',
    registers: [registry],
    async collect() {
      const q = await queueFigures();
      if (q) this.set(q.pending);
    },
  }),
  reminderLag: new Gauge({
    name: 'svarstid_reminder_lag_seconds',
    help: 'Seconds since the oldest pending reminder fell due (0: none waiting)',
    registers: [registry],
    async collect() {
      const q = await queueFigures();
      if (q) this.set(q.lagSeconds);
    },
  }),
  pool: new Gauge({
    name: 'svarstid_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting = requests waiting for one); absent on the embedded database',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      let any = false;
      for (const s of sources) {
        const p = s.pool?.();
        if (!p) continue;
        any = true;
        total += p.total;
        idle += p.idle;
        waiting += p.waiting;
      }
      if (!any) return;
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
    },
  }),
};

/** The text Prometheus scrapes. */
export function metricsText(): Promise<string> {
  return registry.metrics();
}

export const METRICS_CONTENT_TYPE = registry.contentType;
