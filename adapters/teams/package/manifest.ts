/**
 * The Teams app manifest (schema 1.22, checked in the tests against Microsoft's JSON schema for that
 * version): the bot in personal chats and teams, in Swedish (the text catalogue's words), with the
 * shared parser's Swedish verbs as the command menu (so the menu can never offer a command the bot
 * does not understand).
 */
import { HELP } from '../../../src/commands/help.js';
import { texts } from '../../../src/texts/index.js';
import type { CommandType } from '../../../src/commands/index.js';
import { VERBS } from '../../../src/commands/verbs.js';

export const MANIFEST_VERSION = '1.22';

export interface ManifestInput {
  /** the Azure Bot's Microsoft App ID (also the Teams app's id) */
  readonly appId: string;
  /** where svarstid runs, https://… (the developer links and the valid domain) */
  readonly publicUrl: string;
  /** the app version, semver */
  readonly version: string;
}

/** Teams: a command title is at most 32 characters, a description at most 128. */
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * The menu: every verb, in the order of the help text; the description shows the arguments ("ta ID –
 * ta en fråga, …"), without the explanation's closing parenthesis when that does not fit in 128.
 */
/**
 * Teams takes at most 10 commands in a list: the managers' sammanfattning and årsuppföljning, the
 * registry `konton`, and dölj, radera, polisanmälan and överför (the card's buttons do them) are left
 * out of the menu (they still work, and hjälp lists them).
 */
const LEFT_OUT_OF_MENU: readonly CommandType[] = ['summary', 'accounts', 'yearly', 'hide', 'remove', 'police', 'secure'];

export function commandList(): Array<{ title: string; description: string }> {
  return (Object.keys(HELP.sv) as CommandType[]).filter((type) => !LEFT_OUT_OF_MENU.includes(type)).map((type) => {
    const { usage, explanation } = HELP.sv[type];
    const full = `${usage} – ${explanation}`;
    return { title: clip(VERBS[type][0], 32), description: clip(full.length <= 128 ? full : full.replace(/ \([^)]*\)$/, ''), 128) };
  });
}

export function teamsManifest(m: ManifestInput): Record<string, unknown> {
  const site = m.publicUrl.replace(/\/+$/, '');
  const commands = commandList();
  const t = texts('sv').teams;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: m.version,
    id: m.appId,
    developer: { name: 'svarstid', websiteUrl: site, privacyUrl: `${site}/integritet`, termsOfUseUrl: `${site}/villkor` },
    name: { short: 'svarstid', full: t.appName },
    description: { short: t.appShort, full: t.appFull },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#1F5F8B',
    localizationInfo: { defaultLanguageTag: 'sv-se' },
    bots: [
      {
        botId: m.appId,
        scopes: ['personal', 'team'],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [
          { scopes: ['personal'], commands },
          { scopes: ['team'], commands },
        ],
      },
    ],
    permissions: ['identity', 'messageTeamMembers'],
    validDomains: [new URL(site).host],
  };
}
