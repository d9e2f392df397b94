/**
 * GET /health: the service and its database are up. Without a token it names no organization; with
 * an organization's token it names that one, with a deployment-admin token every one.
 */
import type { ApiPrincipal } from './api-auth.js';
import { json, type HttpRequest, type Route } from './routes.js';

export interface HealthDeps {
  readonly kind: string;
  readonly chat: readonly string[];
  readonly authenticate: (req: HttpRequest) => Promise<ApiPrincipal | undefined>;
  readonly organizations: () => Promise<string[]>;
}

export function healthRoute(deps: HealthDeps): Route {
  return {
    method: 'GET',
    path: '/health',
    async handle(req) {
      const base = { status: 'ok', database: deps.kind, chat: deps.chat };
      const who = req.headers.authorization ? await deps.authenticate(req) : undefined;
      if (!who) return json(200, base);
      return json(200, { ...base, organizations: who.kind === 'admin' ? await deps.organizations() : [who.orgId] });
    },
  };
}
