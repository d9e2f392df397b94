/**
 * The composition root: the only place that reads the environment and wires adapters to the core.
 *
 *   DATABASE_URL            postgres://…  (unset: embedded PGlite in SVARSTID_DATA_DIR, default ./data)
 *   SVARSTID_API_TOKEN      bearer token of the REST API (unset: generated once, kept in <data dir>/api-token)
 *   META_APP_SECRET, META_VERIFY_TOKEN, X_CONSUMER_SECRET, SVARSTID_SOURCE_SECRET_<NAME>   webhook secrets
 *   MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID   the Teams bot (SingleTenant)
 *   SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET | SLACK_APP_TOKEN, SLACK_ORGANIZATION   the Slack app
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { metaRoutes } from '../adapters/sources/meta/routes.js';
import { xRoutes } from '../adapters/sources/x/routes.js';
import { genericRoutes } from '../adapters/sources/generic/routes.js';
import { createApp, systemClock, type App, type Clock } from './app.js';
import type { DatabaseTarget } from './db/connection.js';
import type { ChatNotifier } from './reminders/model.js';
import { ConsoleNotifier } from '../adapters/console/console-notifier.js';
import type { ChatAdapter, ChatAdapterFactory } from './chat/adapter.js';
import { createTeamsAdapter, teamsConfigFromEnv } from '../adapters/teams/index.js';
import { createSlackAdapter, slackConfigFromEnv } from '../adapters/slack/index.js';

export type Env = Readonly<Record<string, string | undefined>>;

export function dataDir(env: Env): string {
  return resolve(env.SVARSTID_DATA_DIR ?? 'data');
}

export function databaseTarget(env: Env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const dir = dataDir(env);
  mkdirSync(dir, { recursive: true });
  return { dataDir: join(dir, 'pglite') };
}

/** The API token from the environment, or one generated on first start and kept in the data directory. */
export function apiToken(env: Env, logger: Logger): string {
  if (env.SVARSTID_API_TOKEN) return env.SVARSTID_API_TOKEN;
  const dir = dataDir(env);
  const file = join(dir, 'api-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  logger.info({ file }, 'SVARSTID_API_TOKEN is not set: generated an API token and saved it in this file');
  return token;
}

/** Secrets of generic sources: SVARSTID_SOURCE_SECRET_BLOGG=… serves the source named "blogg". */
export function genericSecrets(env: Env): (source: string) => string | undefined {
  return (source) => (/^[a-z0-9_-]{1,64}$/i.test(source) ? env[`SVARSTID_SOURCE_SECRET_${source.toUpperCase().replace(/-/g, '_')}`] : undefined);
}

/**
 * The chat adapters the environment configures (Slack: SLACK_*, Teams: MICROSOFT_APP_*); the console
 * adapter when there are none. A partly configured platform is an error naming what is missing,
 * read before anything starts.
 */
export function chatAdaptersFromEnv(env: Env, clock: Clock): ChatAdapterFactory {
  const slack = slackConfigFromEnv(env);
  const teams = teamsConfigFromEnv(env);
  return (runtime) => {
    const adapters: ChatAdapter[] = [];
    if (slack) adapters.push(createSlackAdapter(slack, runtime));
    if (teams) adapters.push(createTeamsAdapter(teams, runtime));
    return adapters.length > 0 ? adapters : [consoleAdapter(new ConsoleNotifier({ now: () => clock.now(), imageDir: join(dataDir(env), 'charts') }))];
  };
}

export function consoleAdapter(notifier: ChatNotifier): ChatAdapter {
  return { platform: 'console', routes: [], notifier, reaches: () => true };
}

export async function appFromEnv(env: Env, logger: Logger, clock: Clock = systemClock, notifier?: ChatNotifier): Promise<App> {
  const secretFor = genericSecrets(env);
  return createApp({
    ...(notifier ? { notifier } : { chatAdapters: chatAdaptersFromEnv(env, clock) }),
    database: databaseTarget(env),
    clock,
    logger,
    apiToken: apiToken(env, logger),
    sourceRoutes: (port) => [
      ...metaRoutes({ appSecret: env.META_APP_SECRET, verifyToken: env.META_VERIFY_TOKEN }, port),
      ...xRoutes({ consumerSecret: env.X_CONSUMER_SECRET }, port),
      ...genericRoutes({ secretFor }, port),
    ],
  });
}
