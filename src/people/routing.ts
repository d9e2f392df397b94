/**
 * Routing: to whom a reminder for a role goes, resolved at send time (not at planning time). Pure:
 * the organization's people and absences and `now` are passed in; nothing is read or written.
 *
 * Guidelines: Hofors 2.6 "En person ska utses som kan sköta kommunikationen vid kontoansvarigs
 * frånvaro"; Arvidsjaur 7: the account belongs to the position, not the person; Region Gotland "Se
 * till att en ersättare tar vid under ledighet eller annan frånvaro".
 *
 * Who is intended, per role:
 * - 'assignee':   the inquiry's assignee (claimed or forwarded), else the account's responsible
 *                 officer. An assignee id that is not a person of the organization is warned about
 *                 and the responsible officer is intended instead.
 * - 'substitute': the account's substitute. No fallback when the account names none: nobody, with
 *                 a warning (sending the substitute's reminder to the manager would turn a reminder
 *                 into an escalation, and the assignee already gets their own).
 * - 'manager':    the account's manager.
 * - 'managers':   every active person of the organization with role 'manager', each resolved for
 *                 absence on their own.
 * An inquiry without an account (unrouted) reaches only its assignee; other roles get nobody, with
 * a warning.
 *
 * Availability (see routing-absence.ts): a person is unavailable when an absence covers `now`
 * ([startsAt, endsAt)) or when they are inactive. RoutedVia.reason only knows 'absent', so an
 * inactive intended person is reported as 'absent' with `until` = `now` (no end known: they left).
 * An inactive person's covering absence, if any, still names who covers for them.
 *
 * When the intended person is unavailable, in order:
 * 1. their absence's substitute for that period; if that one is unavailable too, theirs, and so on
 *    (routing-chain.ts). A cycle (A → B → A), a chain of more than MAX_CHAIN (10) hops or an
 *    unknown id ends the chain with a warning naming it, and routing falls through;
 * 2. for 'assignee' and 'substitute' only: the account's substitute, then the account's manager,
 *    each if not already tried and available now. These fallbacks are taken as they are: their own
 *    absence substitutes are not followed (the guidelines name them as the cover; a cover of a
 *    cover is the chain's business). 'manager' and 'managers' stay on the management line: an
 *    escalation handed to an officer would defeat its purpose, so they only follow the chain;
 * 3. nobody: no delivery and a warning listing everyone tried.
 * A delivery to anyone but the intended person carries routedVia: the intended person and the end
 * of their absence (`until`), so the message can say it was routed and why.
 *
 * Never two deliveries to the same person in one call ('managers': a manager who gets it in their
 * own right is not sent it again on behalf of an absent colleague, and two absent managers with
 * the same substitute yield one delivery, routed via the first). Only people in `ctx.people` (the
 * organization's) are ever delivered to. Warnings are English log lines.
 */
import type { Recipient } from '../policy/vocabulary.js';
import type { Person, RoutedVia } from '../reminders/model.js';
import { availability, type Absence } from './routing-absence.js';
import { Attempt, followChain, label } from './routing-chain.js';

export type { Absence } from './routing-absence.js';
export { MAX_CHAIN } from './routing-chain.js';

export interface RoutingContext {
  /** the inquiry's assignee (claimed/forwarded), or null */
  readonly assigneeId: number | null;
  /** null for an unrouted inquiry */
  readonly account: { readonly responsibleId: number | null; readonly substituteId: number | null; readonly managerId: number | null } | null;
  /** everyone of the organization */
  readonly people: ReadonlyMap<number, Person>;
  /** the organization's absences (any period) */
  readonly absences: readonly Absence[];
}

export interface Delivery {
  readonly person: Person;
  readonly role: Recipient;
  readonly routedVia?: RoutedVia;
}

export interface RoutingResult {
  readonly deliveries: Delivery[];
  /** English log lines: cycles, broken chains, nobody reachable, missing configuration */
  readonly warnings: string[];
}

export function route(role: Recipient, ctx: RoutingContext, now: number): RoutingResult {
  const warnings: string[] = [];
  if (role === 'managers') return { deliveries: toManagers(ctx, now, warnings), warnings };
  const intended = intendedFor(role, ctx, warnings);
  if (!intended) return { deliveries: [], warnings };
  const a = ctx.account;
  const fallbacks: Fallback[] = role === 'manager' || !a ? [] : [{ id: a.substituteId, what: "the account's substitute" }, { id: a.managerId, what: "the account's manager" }];
  const delivery = resolve(intended, role, fallbacks, ctx, now, warnings);
  return { deliveries: delivery ? [delivery] : [], warnings };
}

/** A person of the organization by id, or null with a warning naming what the id was for. */
function known(id: number, what: string, ctx: RoutingContext, warnings: string[]): Person | null {
  const p = ctx.people.get(id);
  if (!p) warnings.push(`${what} #${id} is not a person of this organization`);
  return p ?? null;
}

function intendedFor(role: 'assignee' | 'substitute' | 'manager', ctx: RoutingContext, warnings: string[]): Person | null {
  if (role === 'assignee' && ctx.assigneeId !== null) {
    const assignee = ctx.people.get(ctx.assigneeId);
    if (assignee) return assignee;
    warnings.push(`assignee #${ctx.assigneeId} is not a person of this organization; using the account's responsible officer`);
  }
  const field = role === 'assignee' ? 'responsibleId' : role === 'substitute' ? 'substituteId' : 'managerId';
  const what = role === 'assignee' ? 'responsible officer' : role;
  if (!ctx.account) {
    warnings.push(`nobody for ${role}: the inquiry has no account${role === 'assignee' ? ' and no assignee' : ''}`);
    return null;
  }
  const id = ctx.account[field];
  if (id === null) {
    warnings.push(`nobody for ${role}: the account has no ${what}`);
    return null;
  }
  return known(id, `the account's ${what}`, ctx, warnings);
}

/** The intended person if available, else down their chain, else the fallbacks; null if nobody. */
interface Fallback {
  readonly id: number | null;
  readonly what: string;
}

function resolve(intended: Person, role: Recipient, fallbacks: readonly Fallback[], ctx: RoutingContext, now: number, warnings: string[]): Delivery | null {
  const state = availability(intended, ctx.absences, now);
  if (state.available) return { person: intended, role };
  const routedVia: RoutedVia = { intendedId: intended.id, intendedName: intended.name, reason: 'absent', until: state.until };
  const attempt = new Attempt(warnings);
  const chained = followChain(intended, state, ctx, now, attempt);
  if (chained) return { person: chained, role, routedVia };
  for (const { id, what } of fallbacks) {
    if (id === null || attempt.tried.has(id)) continue;
    const p = known(id, what, ctx, warnings);
    if (!p) continue;
    const s = availability(p, ctx.absences, now);
    attempt.note(p, s);
    if (s.available) return { person: p, role, routedVia };
  }
  warnings.push(`nobody reachable for ${role} (intended ${label(intended)}); tried: ${attempt.summary()}`);
  return null;
}

/** Every active manager; an absent one through their chain (no account fallbacks); one delivery per person. */
function toManagers(ctx: RoutingContext, now: number, warnings: string[]): Delivery[] {
  const managers = [...ctx.people.values()].filter((p) => p.active && p.role === 'manager');
  if (managers.length === 0) warnings.push('nobody for managers: the organization has no active manager');
  const states = managers.map((m) => ({ m, s: availability(m, ctx.absences, now) }));
  const deliveries: Delivery[] = states.filter(({ s }) => s.available).map(({ m }) => ({ person: m, role: 'managers' }));
  const delivered = new Set(deliveries.map((d) => d.person.id));
  for (const { m, s } of states) {
    if (s.available) continue;
    const attempt = new Attempt(warnings);
    const target = followChain(m, s, ctx, now, attempt);
    if (!target) {
      warnings.push(`nobody reachable for managers on behalf of ${label(m)}; tried: ${attempt.summary()}`);
      continue;
    }
    if (delivered.has(target.id)) continue;
    delivered.add(target.id);
    deliveries.push({ person: target, role: 'managers', routedVia: { intendedId: m.id, intendedName: m.name, reason: 'absent', until: s.until } });
  }
  return deliveries;
}
