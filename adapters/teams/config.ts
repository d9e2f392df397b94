/**
 * The Teams bot's credentials, read from the environment by the composition root. A Teams bot is a
 * SingleTenant Azure Bot (Microsoft deprecated new multi-tenant bot registrations): an app id, a
 * client secret and the tenant (directory) id of the municipality's Microsoft 365.
 *
 * An empty app id turns authentication off: incoming requests are not checked and outgoing ones
 * carry no token. That is for local testing only (the tests, the Bot Framework Emulator) and must be
 * asked for explicitly: SVARSTID_TEAMS_NO_AUTH=1 or =true. 0, false, no, off (or unset) keep it on;
 * any other value is refused, so a typo never turns authentication off. It is refused with any
 * spelling of NODE_ENV=production (Production, PRODUCTION, prod…), and in that mode the bot answers
 * only a loopback serviceUrl (see loopback.ts): an unauthenticated request cannot make it call out.
 */

export interface TeamsConfig {
  /** the Azure Bot's Microsoft App ID; '' = authentication disabled (local testing only) */
  readonly appId: string;
  /** the app registration's client secret */
  readonly appPassword: string;
  /** the Microsoft Entra tenant (directory) id the SingleTenant bot belongs to */
  readonly tenantId: string;
  /**
   * Which organization each Microsoft Entra tenant is (SVARSTID_TEAMS_TENANTS="<tenant id>=hofors,…"):
   * with bindings, an activity's tenant (channelData.tenant.id, conversation.tenantId) decides the
   * organization its user is looked up in, and an activity from an unbound tenant is refused. Without
   * any, people are told apart by their Teams ids alone (one tenant serving its organizations).
   */
  readonly tenants?: Readonly<Record<string, string>>;
}

/** "tenant-a=hofors, tenant-b=arvidsjaur" → { tenant-a: hofors, … }; an Error naming the bad entry. */
export function parseTenantBindings(text: string | undefined): Readonly<Record<string, string>> | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  const out: Record<string, string> = {};
  for (const entry of t.split(',').map((e) => e.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9-]{1,64})=([a-z0-9][a-z0-9-]{0,63})$/.exec(entry);
    if (!m) throw new Error(`SVARSTID_TEAMS_TENANTS: "${entry.slice(0, 80)}" is not <tenant id>=<organization>`);
    if (out[m[1]!]) throw new Error(`SVARSTID_TEAMS_TENANTS: tenant ${m[1]} is bound twice`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

/** Local testing only: no authentication in either direction, replies to loopback only. Never in production. */
export const TEAMS_NO_AUTH: TeamsConfig = { appId: '', appPassword: '', tenantId: '' };

const VARIABLES = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;

const TURN_OFF = new Set(['1', 'true']);
const KEEP_ON = new Set(['', '0', 'false', 'no', 'off']);

export function authDisabled(config: TeamsConfig): boolean {
  return config.appId === '';
}

/** NODE_ENV=production in any spelling: case, spaces, punctuation and the short "prod" alike. */
export function isProduction(nodeEnv: string | undefined): boolean {
  return (nodeEnv ?? '').toLowerCase().replace(/[^a-z]/g, '').startsWith('prod');
}

/**
 * The Teams configuration from the environment: undefined when none of the MICROSOFT_APP_* variables
 * is set (Teams is not used); an Error naming what is missing when only some are.
 */
export function teamsConfigFromEnv(env: Readonly<Record<string, string | undefined>>): TeamsConfig | undefined {
  const value = (name: string): string => env[name]?.trim() ?? '';
  const given = VARIABLES.filter((v) => value(v) !== '');
  const noAuth = value('SVARSTID_TEAMS_NO_AUTH').toLowerCase();
  if (!TURN_OFF.has(noAuth) && !KEEP_ON.has(noAuth)) {
    throw new Error(`SVARSTID_TEAMS_NO_AUTH=${value('SVARSTID_TEAMS_NO_AUTH')} is not understood: only 1 or true turns Teams authentication off (local testing only); 0, false, no or off keep it on`);
  }
  if (TURN_OFF.has(noAuth)) {
    if (given.length > 0) throw new Error(`SVARSTID_TEAMS_NO_AUTH is set together with ${given.join(', ')}: remove one (SVARSTID_TEAMS_NO_AUTH=1 turns Teams authentication off, for local testing only)`);
    if (isProduction(env.NODE_ENV)) throw new Error(`SVARSTID_TEAMS_NO_AUTH is refused with NODE_ENV=${value('NODE_ENV')}: Teams requests would not be authenticated`);
    return TEAMS_NO_AUTH;
  }
  if (given.length === 0) return undefined;
  const missing = VARIABLES.filter((v) => value(v) === '');
  if (missing.length > 0) {
    throw new Error(`Teams is partly configured: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing (a SingleTenant Azure Bot needs MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID)`);
  }
  const type = value('MICROSOFT_APP_TYPE');
  if (type !== '' && type.toLowerCase() !== 'singletenant') {
    throw new Error(`MICROSOFT_APP_TYPE=${type} is not supported: register the Azure Bot as SingleTenant (Microsoft deprecated multi-tenant bot registrations)`);
  }
  const tenants = parseTenantBindings(env.SVARSTID_TEAMS_TENANTS);
  return { appId: value('MICROSOFT_APP_ID'), appPassword: value('MICROSOFT_APP_PASSWORD'), tenantId: value('MICROSOFT_APP_TENANT_ID'), ...(tenants && { tenants }) };
}
