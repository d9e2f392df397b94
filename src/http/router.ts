/** Matches a request to a route: "/api/inquiries/:id" against the decoded path segments. */
import type { Route } from './routes.js';

export type Match = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrong_method'; allowed: string[] } | { kind: 'none' };

/** a route's pattern split into its parts, once per pattern */
const PARTS = new Map<string, readonly string[]>();

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  let parts = PARTS.get(pattern);
  if (parts === undefined) PARTS.set(pattern, (parts = pattern.split('/').slice(1)));
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = segments[i]!;
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/** HEAD is served by the GET route (Node sends the headers only). */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): Match {
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.path, segments);
    if (params === undefined) continue;
    if (route.method === wanted) return { kind: 'found', route, params };
    allowed.push(route.method, ...(route.method === 'GET' ? ['HEAD'] : []));
  }
  return allowed.length > 0 ? { kind: 'wrong_method', allowed: [...new Set(allowed)] } : { kind: 'none' };
}
