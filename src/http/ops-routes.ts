/**
 * Operations endpoints beside the liveness ones (/healthz, /health):
 *   GET /readyz   readiness: the database answers (`select 1` within 2 s) and the process is not
 *                 shutting down → 200; else 503 with Retry-After (a load balancer stops sending).
 *   GET /metrics  Prometheus text, with `Authorization: Bearer <SVARSTID_METRICS_TOKEN>`; 404 while no
 *                 token is configured (metrics are off), 401 with a wrong or missing one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { metricsText } from '../metrics.js';
import { json, problem, type Route } from './routes.js';

export interface OpsDeps {
  readonly kind: string;
  /** resolves when the database answers a trivial query; rejects otherwise */
  readonly ping: () => Promise<unknown>;
  /** true from the moment shutdown begins */
  readonly draining: () => boolean;
  readonly metricsToken?: string;
  readonly pingTimeoutMs?: number;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function opsRoutes(deps: OpsDeps): Route[] {
  const expected = deps.metricsToken ? digest(deps.metricsToken) : undefined;
  const unavailable = (message: string) => ({ ...problem(503, 'not_ready', message), headers: { 'retry-after': '5' } });
  return [
    {
      method: 'GET',
      path: '/readyz',
      async handle() {
        if (deps.draining()) return unavailable('svarstid is shutting down');
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            deps.ping(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timeout')), deps.pingTimeoutMs ?? 2_000);
            }),
          ]);
        } catch {
          return unavailable('the database does not answer');
        } finally {
          clearTimeout(timer);
        }
        return json(200, { status: 'ready', database: deps.kind });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      async handle(req) {
        if (!expected) return problem(404, 'not_found', 'metrics are off: set SVARSTID_METRICS_TOKEN and scrape /metrics with it as a bearer token');
        const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
        if (!given || !timingSafeEqual(digest(given), expected)) return { ...problem(401, 'unauthorized', 'send Authorization: Bearer <SVARSTID_METRICS_TOKEN>'), headers: { 'www-authenticate': 'Bearer' } };
        return { status: 200, text: await metricsText() };
      },
    },
  ];
}
