/**
 * Officers' actions on an inquiry (claim, forward, answer, close, register, reopen): checks that the
 * actor (and the forwardee) belong to the inquiry's organization, decides with the state machine, and
 * stores the change with its event atomically. One retry on a concurrent change.
 *
 * Another organization's inquiry is "not found" for the actor, exactly like a missing one (its
 * existence is not confirmed). An unrouted message belongs to no organization: only in a
 * one-organization deployment may that organization's people act on it (close it as spam); in a
 * multi-organization deployment it is for the administrators (`svarstid route`).
 */
import { InquiryError } from './errors.js';
import type { Inquiry } from './model.js';
import type { InquiryStore, PersonOrgLookup, PolicyLookup, ReminderPlanner, StoredPatch } from './ports.js';
import { decide, type Command } from './state-machine.js';
import { answerMetrics } from '../reports/metrics.js';

export interface ActDeps {
  readonly store: Pick<InquiryStore, 'get' | 'apply'>;
  readonly personOrg: PersonOrgLookup;
  /** the organization when the deployment has exactly one, else undefined (then unrouted messages are the administrators') */
  readonly soleOrganization: () => Promise<string | undefined>;
  /** re-plans reminders after each change (optional: without it reminders are left as they are) */
  readonly plan?: ReminderPlanner;
  /** the organization's policy, for the answer metrics (without it they are filled in by the reports) */
  readonly policyOf?: PolicyLookup;
}

/** The patch with the answer metrics when the change answers the inquiry (src/reports/metrics.ts). */
export function withAnswerMetrics(inquiry: Inquiry, patch: StoredPatch, policyOf: PolicyLookup | undefined): StoredPatch {
  if (patch.answeredAt === undefined || patch.answeredAt === null) return patch;
  const policy = inquiry.orgId !== null ? policyOf?.(inquiry.orgId) : undefined;
  return policy ? { ...patch, answerMetrics: answerMetrics(policy, inquiry, patch.answeredAt) } : patch;
}

/** The organization whose people may act on the inquiry: its own, or for an unrouted one the deployment's only organization. */
async function ownerOf(deps: ActDeps, inquiry: Inquiry): Promise<string | undefined> {
  return inquiry.orgId ?? (await deps.soleOrganization());
}

async function checkActor(deps: ActDeps, inquiry: Inquiry, personId: number): Promise<void> {
  const org = await deps.personOrg(personId);
  if (org === undefined) throw new InquiryError('unknown_person', `no active person ${personId}`);
  if (org !== (await ownerOf(deps, inquiry))) throw new InquiryError('not_found', `no inquiry ${inquiry.id}`);
}

async function checkForwardee(deps: ActDeps, inquiry: Inquiry, personId: number): Promise<void> {
  const org = await deps.personOrg(personId);
  if (org === undefined) throw new InquiryError('unknown_person', `no active person ${personId}`);
  if (org !== (await ownerOf(deps, inquiry))) throw new InquiryError('wrong_organization', `person ${personId} does not belong to the organization of inquiry ${inquiry.id}`);
}

export async function act(deps: ActDeps, inquiryId: number, command: Command, now: number): Promise<Inquiry> {
  for (let attempt = 0; ; attempt++) {
    const inquiry = await deps.store.get(inquiryId);
    if (!inquiry) throw new InquiryError('not_found', `no inquiry ${inquiryId}`);
    if (typeof command.by === 'number') await checkActor(deps, inquiry, command.by);
    if (command.type === 'forward') await checkForwardee(deps, inquiry, command.to);
    const { patch, event } = decide(inquiry, command, now);
    try {
      return await deps.store.apply(inquiry.id, inquiry.version, withAnswerMetrics(inquiry, patch, deps.policyOf), event, now, deps.plan);
    } catch (e) {
      if (!(e instanceof InquiryError && e.code === 'concurrent_change') || attempt >= 1) throw e;
    }
  }
}
