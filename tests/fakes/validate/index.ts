/**
 * Every payload svarstid sends a chat platform, validated with the platform's own artefacts (see
 * each module) and tallied (tally.ts). The fakes call these as payloads arrive.
 */
import { teamsActivityProblems, invokeResponseProblems } from './teams.js';
import { slackMessageProblems, slackViewProblems } from './slack.js';
import { teamsManifestProblems } from './manifest.js';
import { record } from './tally.js';

export { describeProblems, takeProblems, counts } from './tally.js';

export function checkTeamsActivity(where: string, activity: unknown): string[] {
  const problems = teamsActivityProblems(activity);
  record('teams activity', where, problems);
  return problems;
}

export function checkTeamsInvokeResponse(name: string, status: number, body: unknown): string[] {
  const problems = invokeResponseProblems(name, status, body);
  record('teams invoke response', `the ${name} invoke`, problems);
  return problems;
}

export function checkSlackMessage(where: string, payload: Record<string, any>, extra: readonly string[] = []): string[] {
  const problems = [...slackMessageProblems(payload), ...extra];
  record('slack message', where, problems);
  return problems;
}

export function checkSlackView(where: string, view: unknown): string[] {
  const problems = slackViewProblems(view);
  record((view as { type?: string })?.type === 'home' ? 'slack home' : 'slack modal', where, problems);
  return problems;
}

export async function checkTeamsManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const problems = await teamsManifestProblems(manifest);
  record('teams manifest', 'the Teams app package', problems);
  return problems;
}
