/**
 * The composition root: the only place that reads the environment and wires adapters to the core.
 *
 *   DATABASE_URL            postgres://…  (unset: embedded PGlite in SVARSTID_DATA_DIR, default ./data)
 *   SVARSTID_API_TOKEN      optional deployment-admin token of the REST API (organizations' tokens: svarstid token create)
 *   META_APP_SECRET, META_VERIFY_TOKEN, X_CONSUMER_SECRET, SVARSTID_SOURCE_SECRET_<NAME>   webhook secrets
 *   MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID   the Teams bot (SingleTenant)
 *   SVARSTID_SECRETS_FILE   YAML of accounts' platform credentials (0600); the directory names env variables or entries of it
 *   META_GRAPH_API_URL, X_API_URL   the platforms' API base URLs (tests: local fakes); X_CONSUMER_KEY, X_BEARER_TOKEN the X app (adapters/sources/platform-clients.ts)
 *   SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET | SLACK_APP_TOKEN, SLACK_ORGANIZATION   the Slack app
 *   SVARSTID_HTTP_*         the HTTP edge's limits and timeouts (src/http/limits.ts, docs/http-edge.md)
 *   SVARSTID_CATCHUP_INTERVAL / _LOOKBACK / _GRACE, META_APP_ID   catch-up (src/catchup/settings.ts, docs/catch-up.md)
 *   SVARSTID_METRICS_TOKEN  the bearer token of GET /metrics (unset: metrics off). Every variable: docs/environment.md
 */
import { genericCallbacks } from '../adapters/sources/generic/answer-callback.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { metaRoutes } from '../adapters/sources/meta/routes.js';
import { xRoutes } from '../adapters/sources/x/routes.js';
import { genericRoutes } from '../adapters/sources/generic/routes.js';
import { accountCredentials } from './platform/account-credentials.js';
import { credentialSource } from './platform/credentials.js';
import { platformClientsFromEnv } from '../adapters/sources/platform-clients.js';
import { createApp, systemClock, type App, type Clock } from './app.js';
import type { DatabaseTarget } from './db/connection.js';
import { httpLimitsFromEnv } from './http/limits.js';
import { catchupSettingsFromEnv } from './catchup/settings.js';
import { makePrivateDirectory } from './db/private-directory.js';
import type { ChatNotifier } from './reminders/model.js';
import { ConsoleNotifier } from '../adapters/console/console-notifier.js';
import type { ChatAdapter, ChatAdapterFactory } from './chat/adapter.js';
import { teamsConfigFromEnv } from '../adapters/teams/config.js';
import { slackConfigFromEnv } from '../adapters/slack/config.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function dataDir(env: Env): string {
  return resolve(env.SVARSTID_DATA_DIR ?? 'data');
}

/** The data directory, created private (0700, its files 0600, umask 077) whatever the umask. */
export function privateDataDir(env: Env): string {
  const dir = dataDir(env);
  makePrivateDirectory(dir);
  return dir;
}

export function databaseTarget(env: Env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: join(privateDataDir(env), 'pglite') };
}

/**
 * The deployment-admin token given by configuration, if any: SVARSTID_API_TOKEN, else the token an
 * earlier version generated into <data dir>/api-token (still honoured, with a warning, so existing
 * setups keep working; none is generated any more). Organizations' tokens are made with
 * `svarstid token create --org KEY` and kept hashed in the database (docs/tenancy.md).
 */
export function apiToken(env: Env, logger: Logger): string | undefined {
  const fromEnv = env.SVARSTID_API_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir(env), 'api-token');
  if (!existsSync(file)) return undefined;
  const legacy = readFileSync(file, 'utf8').trim();
  if (legacy === '') return undefined;
  logger.warn({ file }, 'the API token in this file is a deployment-admin token from an earlier version; create organization tokens with `svarstid token create --org KEY` (and an admin token with --admin), then delete the file');
  return legacy;
}

/** Secrets of generic sources: SVARSTID_SOURCE_SECRET_BLOGG=… serves the source named "blogg". */
export function genericSecrets(env: Env): (source: string) => string | undefined {
  // read once, at start (a lookup in process.env costs microseconds on every delivery)
  const PREFIX = 'SVARSTID_SOURCE_SECRET_';
  const secrets = new Map(Object.entries(env).filter((e): e is [string, string] => e[0].startsWith(PREFIX) && typeof e[1] === 'string').map(([k, v]) => [k.slice(PREFIX.length), v]));
  return (source) => (/^[a-z0-9_-]{1,64}$/i.test(source) ? secrets.get(source.toUpperCase().replace(/-/g, '_')) : undefined);
}

/**
 * The chat adapters the environment configures (Slack: SLACK_*, Teams: MICROSOFT_APP_*); the console
 * adapter when there are none. A partly configured platform is an error naming what is missing,
 * read before anything starts.
 */
export async function chatAdaptersFromEnv(env: Env, clock: Clock): Promise<ChatAdapterFactory> {
  const slack = slackConfigFromEnv(env);
  const teams = teamsConfigFromEnv(env);
  // a platform's SDK is loaded only when it is configured (botbuilder and Bolt: ~60 MB, docs/operations.md)
  const slackSdk = slack && (await import('../adapters/slack/adapter.js'));
  const teamsSdk = teams && (await import('../adapters/teams/index.js'));
  return (runtime) => {
    const adapters: ChatAdapter[] = [];
    if (slack && slackSdk) adapters.push(slackSdk.createSlackAdapter(slack, runtime));
    if (teams && teamsSdk) adapters.push(teamsSdk.createTeamsAdapter(teams, runtime));
    return adapters.length > 0 ? adapters : [consoleAdapter(new ConsoleNotifier({ now: () => clock.now(), imageDir: join(dataDir(env), 'charts'), file: join(dataDir(env), 'console', 'messages.txt') }))];
  };
}

export function consoleAdapter(notifier: ChatNotifier): ChatAdapter {
  return { platform: 'console', routes: [], notifier, reaches: () => true };
}

export async function appFromEnv(env: Env, logger: Logger, clock: Clock = systemClock, notifier?: ChatNotifier): Promise<App> {
  const secretFor = genericSecrets(env);
  const token = apiToken(env, logger);
  return createApp({
    ...(notifier ? { notifier } : { chatAdapters: await chatAdaptersFromEnv(env, clock) }),
    database: databaseTarget(env),
    clock,
    logger,
    ...(token !== undefined && { apiToken: token }),
    http: httpLimitsFromEnv(env),
    ...(env.SVARSTID_METRICS_TOKEN?.trim() && { metricsToken: env.SVARSTID_METRICS_TOKEN.trim() }),
    // read before anything starts: a secrets file others can read stops start-up, naming the file
    credentials: accountCredentials(credentialSource(env, env.SVARSTID_SECRETS_FILE || undefined)),
    platforms: platformClientsFromEnv(env, () => clock.now()),
    catchup: catchupSettingsFromEnv(env) ?? false,
    ...(env.META_APP_ID?.trim() && { metaAppId: env.META_APP_ID.trim() }),
    genericSources: { secretFor, callbackFor: genericCallbacks(env) },
    sourceRoutes: (port) => [
      ...metaRoutes({ appSecret: env.META_APP_SECRET, verifyToken: env.META_VERIFY_TOKEN }, port),
      ...xRoutes({ consumerSecret: env.X_CONSUMER_SECRET }, port),
      ...genericRoutes({ secretFor }, port),
    ],
  });
}
