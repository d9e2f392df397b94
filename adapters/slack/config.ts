/**
 * Slack credentials from the environment: one workspace (one Slack app install) per organization.
 *
 * One workspace:   SLACK_ORGANIZATION=hofors, SLACK_BOT_TOKEN=xoxb-…, and SLACK_SIGNING_SECRET (HTTP at
 *                  /slack/events) or SLACK_APP_TOKEN=xapp-… (Socket Mode; no public URL needed).
 * Several:         the same variables suffixed with the organization's key in upper case, `-` as `_`:
 *                  SLACK_BOT_TOKEN_HOFORS, SLACK_SIGNING_SECRET_HOFORS → HTTP at /slack/hofors/events.
 * A partial configuration is an Error naming the missing variable; no Slack variable at all is undefined.
 */

export interface SlackWorkspaceConfig {
  /** the organization's key (the policy file's name), e.g. "hofors" */
  readonly orgId: string;
  readonly botToken: string;
  /** HTTP mode: the app's signing secret */
  readonly signingSecret?: string;
  /** Socket Mode: the app-level token (xapp-…, scope connections:write) */
  readonly appToken?: string;
  /** where Slack posts in HTTP mode */
  readonly path: string;
}

export interface SlackConfig {
  readonly workspaces: readonly SlackWorkspaceConfig[];
}

type Env = Readonly<Record<string, string | undefined>>;

const SUFFIXED = /^SLACK_(?:BOT_TOKEN|SIGNING_SECRET|APP_TOKEN)_([A-Z0-9_]+)$/;
const ORG_KEY = /^[a-z0-9][a-z0-9-]*$/;

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

function workspace(env: Env, suffix: string, orgId: string | undefined, path: string): SlackWorkspaceConfig {
  const name = (base: string) => `${base}${suffix}`;
  const botToken = value(env, name('SLACK_BOT_TOKEN'));
  const signingSecret = value(env, name('SLACK_SIGNING_SECRET'));
  const appToken = value(env, name('SLACK_APP_TOKEN'));
  if (orgId === undefined) throw new Error('Slack: SLACK_ORGANIZATION is not set; set it to the organization key the workspace belongs to (e.g. hofors)');
  if (!ORG_KEY.test(orgId)) throw new Error(`Slack: SLACK_ORGANIZATION "${orgId}" is not an organization key (lower case letters, digits and -)`);
  if (botToken === undefined) throw new Error(`Slack: ${name('SLACK_BOT_TOKEN')} is not set (the bot token, xoxb-…)`);
  if (!botToken.startsWith('xoxb-')) throw new Error(`Slack: ${name('SLACK_BOT_TOKEN')} must be a bot token (xoxb-…)`);
  if (signingSecret === undefined && appToken === undefined) {
    throw new Error(`Slack: set ${name('SLACK_SIGNING_SECRET')} (HTTP mode) or ${name('SLACK_APP_TOKEN')} (Socket Mode) for ${orgId}`);
  }
  if (appToken !== undefined && !appToken.startsWith('xapp-')) throw new Error(`Slack: ${name('SLACK_APP_TOKEN')} must be an app-level token (xapp-…)`);
  return { orgId, botToken, path, ...(signingSecret !== undefined && { signingSecret }), ...(appToken !== undefined && { appToken }) };
}

export function slackConfigFromEnv(env: Env): SlackConfig | undefined {
  const names = Object.keys(env).filter((k) => k.startsWith('SLACK_') && value(env, k) !== undefined);
  if (names.length === 0) return undefined;
  const workspaces: SlackWorkspaceConfig[] = [];
  const plain = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_ORGANIZATION'];
  if (names.some((n) => plain.includes(n))) workspaces.push(workspace(env, '', value(env, 'SLACK_ORGANIZATION'), '/slack/events'));
  const suffixes = new Set(names.map((n) => SUFFIXED.exec(n)?.[1]).filter((s): s is string => s !== undefined));
  for (const s of [...suffixes].sort()) {
    const orgId = s.toLowerCase().replace(/_/g, '-');
    workspaces.push(workspace(env, `_${s}`, orgId, `/slack/${orgId}/events`));
  }
  if (workspaces.length === 0) throw new Error(`Slack: ${names.join(', ')} set, but no SLACK_BOT_TOKEN; see docs/readme-slack.md`);
  const seen = new Set<string>();
  for (const w of workspaces) {
    if (seen.has(w.orgId)) throw new Error(`Slack: organization ${w.orgId} is configured twice`);
    seen.add(w.orgId);
  }
  return { workspaces };
}
