/** The parsed policies of all organizations, by organization key; re-parsed only when the text changes. */
import { parsePolicy } from './parse.js';
import type { Policy } from './policy.js';

export class PolicyRegistry {
  private readonly byOrg = new Map<string, { yaml: string; policy: Policy }>();

  /** Sets an organization's policy from its YAML text (throws PolicyError when invalid). */
  set(orgId: string, yaml: string, source = `organization ${orgId}`): Policy {
    const hit = this.byOrg.get(orgId);
    if (hit && hit.yaml === yaml) return hit.policy;
    const policy = parsePolicy(yaml, source);
    this.byOrg.set(orgId, { yaml, policy });
    return policy;
  }

  get(orgId: string): Policy | undefined {
    return this.byOrg.get(orgId)?.policy;
  }

  all(): ReadonlyMap<string, Policy> {
    return new Map([...this.byOrg].map(([k, v]) => [k, v.policy]));
  }
}
