/**
 * GET /api/deadline?organization=&channel=&at= : the deadline a message would get. No token: a
 * policy is a public rule. An unknown organization is 404 without naming the known ones (the list of
 * organizations a deployment serves is for its administrators). `at` must lie in
 * DEADLINE_ARRIVAL_RANGE (the years 1901–9989), where every rule lands inside the compiled calendars;
 * a deadline the calendar still cannot compute is a 400 naming `at`, never a 500.
 */
import { CalendarRangeError } from '../calendar/index.js';
import { deadlineFor, UnknownChannelError, type Policy } from '../policy/index.js';
import { DEADLINE_ARRIVAL_RANGE, rangeProblem } from '../time/accepted-range.js';
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
      if (!policy) return problem(404, 'unknown_organization', `no organization ${JSON.stringify(q.get('organization')!.slice(0, 100))}; the organization key is its policy file's name without .yaml`);
      try {
        const arrival = parseInstant(q.get('at')!, policy.timezone);
        const outside = rangeProblem(arrival, DEADLINE_ARRIVAL_RANGE);
        if (outside) return problem(400, 'instant_out_of_range', `at: ${outside}`);
        const d = deadlineFor(policy, q.get('channel')!, arrival);
        const fmt = new InstantFormatter(policy.timezone);
        return json(200, { arrival: fmt.format(d.arrival), deadline: fmt.format(d.deadline), allowed_working_minutes: d.allowed / 60_000 });
      } catch (e) {
        if (e instanceof UnknownChannelError || e instanceof InstantFormatError) return problem(400, e.code, e.message);
        if (e instanceof CalendarRangeError) return problem(400, 'instant_out_of_range', `at: the deadline cannot be computed (${e.message})`);
        throw e;
      }
    },
  };
}
