/**
 * What the payload validators found in this test worker: how many payloads of each kind were
 * validated, and the problems not yet reported. The fakes record here; tests/fakes/validate/setup.ts
 * fails the running test with any problem found during it, and hands the counts to the reporter.
 */

export type PayloadKind =
  | 'teams activity'
  | 'teams invoke response'
  | 'teams manifest'
  | 'slack message'
  | 'slack modal'
  | 'slack home';

export interface Problem {
  readonly kind: PayloadKind;
  /** where the payload went: "chat.postMessage", "PUT /v3/conversations/a:1/activities/7" */
  readonly where: string;
  readonly messages: readonly string[];
}

const validated = new Map<PayloadKind, number>();
const failed = new Map<PayloadKind, number>();
const pending: Problem[] = [];

/** Records one payload validated; problems (if any) fail the test that sent it. */
export function record(kind: PayloadKind, where: string, messages: readonly string[]): void {
  validated.set(kind, (validated.get(kind) ?? 0) + 1);
  if (messages.length === 0) return;
  failed.set(kind, (failed.get(kind) ?? 0) + 1);
  pending.push({ kind, where, messages });
}

/** The problems found since the last call, cleared. */
export function takeProblems(): Problem[] {
  return pending.splice(0);
}

export interface Counts {
  readonly validated: Record<string, number>;
  readonly failed: Record<string, number>;
}

export function counts(): Counts {
  return { validated: Object.fromEntries(validated), failed: Object.fromEntries(failed) };
}

export function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.kind} to ${p.where} is refused by the validator:\n  - ${p.messages.join('\n  - ')}`).join('\n');
}
