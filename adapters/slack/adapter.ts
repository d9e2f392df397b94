/**
 * The Slack adapter: one Bolt app per configured workspace (one workspace per organization), in HTTP
 * mode (a Route at the workspace's path on svarstid's server) or Socket Mode (Bolt's
 * SocketModeReceiver, started with the app), and one notifier that DMs each person through their
 * organization's workspace.
 */
import { App, SocketModeReceiver, webApi, type Authorize } from '@slack/bolt';
import type { ChatAdapter, ChatRuntime } from '../../src/chat/index.js';
import type { Route } from '../../src/http/routes.js';
import type { Person } from '../../src/reminders/model.js';
import type { SlackConfig, SlackWorkspaceConfig } from './config.js';
import { registerListeners } from './listeners.js';
import { boltLogger } from './logger.js';
import { SlackNotifier } from './notifier.js';
import { RouteReceiver } from './receiver.js';
import { summarizeError } from '../../src/log/summary.js';

export interface SlackAdapterOptions {
  /** passed to every WebClient (tests: `{ slackApiUrl: fake.url }`) */
  readonly clientOptions?: { readonly slackApiUrl?: string };
  /** HTTP mode: answer 200 when a listener has not acked after this long (default 2,500 ms) */
  readonly ackTimeoutMs?: number;
}

interface Running {
  readonly config: SlackWorkspaceConfig;
  readonly app: App;
  readonly socket: boolean;
  readonly warmUp: () => Promise<unknown>;
}

/** auth.test once, cached; a failure is not cached, so the next request tries again. */
function cachedAuthorize(client: webApi.WebClient, botToken: string): { authorize: Authorize<boolean>; warmUp: () => Promise<unknown> } {
  let pending: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  const identity = () =>
    (pending ??= client.auth.test().then(
      (r) => ({ ...(r.bot_id && { botId: r.bot_id }), ...(r.user_id && { botUserId: r.user_id }), ...(r.team_id && { teamId: r.team_id }) }),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  return { authorize: async () => ({ botToken, ...(await identity()) }), warmUp: identity };
}

function workspaceApp(w: SlackWorkspaceConfig, runtime: ChatRuntime, o: SlackAdapterOptions, routes: Route[]): Running {
  const logger = boltLogger(runtime.logger, w.orgId);
  const clientOptions = { ...o.clientOptions, logger, retryConfig: { retries: 2, factor: 1.5, minTimeout: 200, maxTimeout: 2000 } };
  const api = new webApi.WebClient(w.botToken, clientOptions);
  const { authorize, warmUp } = cachedAuthorize(api, w.botToken);
  const socket = w.appToken !== undefined;
  let receiver: SocketModeReceiver | RouteReceiver;
  if (socket) {
    receiver = new SocketModeReceiver({ appToken: w.appToken!, logger, installerOptions: { clientOptions: { ...o.clientOptions } } });
  } else {
    const r = new RouteReceiver({ path: w.path, signingSecret: w.signingSecret!, now: runtime.now, deliveries: runtime.deliveries, logger: runtime.logger.child({ component: 'slack', org: w.orgId }), ...(o.ackTimeoutMs !== undefined && { ackTimeoutMs: o.ackTimeoutMs }) });
    routes.push(r.route);
    receiver = r;
  }
  const app = new App({ receiver, authorize, logger, clientOptions: { ...clientOptions }, convoStore: false });
  registerListeners(app, { orgId: w.orgId, runtime, api, logger: runtime.logger.child({ component: 'slack', org: w.orgId }) });
  return { config: w, app, socket, warmUp };
}

export function createSlackAdapter(config: SlackConfig, runtime: ChatRuntime, options: SlackAdapterOptions = {}): ChatAdapter {
  const routes: Route[] = [];
  const running = config.workspaces.map((w) => workspaceApp(w, runtime, options, routes));
  const notifyClients = new Map(
    config.workspaces.map((w) => [
      w.orgId,
      new webApi.WebClient(w.botToken, { ...options.clientOptions, logger: boltLogger(runtime.logger, w.orgId), rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
    ]),
  );
  const orgs = new Set(config.workspaces.map((w) => w.orgId));
  return {
    platform: 'slack',
    routes,
    notifier: new SlackNotifier(notifyClients, runtime.now, runtime.logger.child({ component: 'slack' })),
    reaches: (person: Person) => person.slackUserId !== null && orgs.has(person.orgId),
    start: async () => {
      for (const r of running) {
        await r.warmUp().catch((e: unknown) => runtime.logger.warn({ org: r.config.orgId, error: summarizeError(e) }, 'Slack: auth.test failed; it is retried on the first request'));
        if (r.socket) await r.app.start();
      }
    },
    stop: async () => {
      for (const r of running) if (r.socket) await r.app.stop();
    },
  };
}
