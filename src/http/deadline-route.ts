/**
 * GET /api/deadline?organization=&channel=&at= : the deadline a message would get. No token: a
 * policy is a public rule. An unknown organization is 404 without naming the known ones (the list of
 * organizations a deployment serves is for its administrators).
 */
import { deadlineFor, UnknownChannelError, type Policy } from '../policy/index.js';
import { InstantFormatError, InstantFormatter, parseInstant } from '../time/iso.js';
import { json, problem, type Route } from './routes.js';

export function deadlineRoute(policies: () => ReadonlyMap<string, Policy>): Route {
  return {
    method: 'GET',
    path: '/api/deadline',
    handle(req) {
      const q = req.query;
      const missing = ['organization', 'channel', 'at'].filter((k) => !q.get(k));
      if (missing.length) return problem(400, 'missing_parameter', `missing query parameter(s): ${missing.join(', ')}`);
      const all = policies();
      const policy = all.get(q.get('organization')!);
      if (!policy) return problem(404, 'unknown_organization', `no organization "${q.get('organization')}"; the organization key is its policy file's name without .yaml`);
      try {
        const d = deadlineFor(policy, q.get('channel')!, parseInstant(q.get('at')!, policy.timezone));
        const fmt = new InstantFormatter(policy.timezone);
        return json(200, { arrival: fmt.format(d.arrival), deadline: fmt.format(d.deadline), allowed_working_minutes: d.allowed / 60_000 });
      } catch (e) {
        if (e instanceof UnknownChannelError || e instanceof InstantFormatError) return problem(400, e.code, e.message);
        throw e;
      }
    },
  };
}
