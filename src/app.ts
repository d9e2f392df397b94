/**
 * The application: database, stores, use cases and HTTP routes wired together. The composition
 * root (cli serve, tests) decides the database, the clock, the secrets and the source adapters.
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { openDatabase, type Database, type DatabaseTarget } from './db/connection.js';
import { DirectoryStore } from './db/directory-store.js';
import { DrizzleInquiryStore } from './db/inquiry-store.js';
import { InsertBatcher } from './db/insert-batcher.js';
import { deadlineRoute } from './http/deadline-route.js';
import { inquiryRoutes } from './http/inquiries-routes.js';
import { inquiryActionRoutes } from './http/inquiry-actions-routes.js';
import { registrationPrefill } from './answers/registration.js';
import { apiAuthenticator } from './http/api-auth.js';
import { healthRoute } from './http/health-route.js';
import { TokenStore } from './db/token-store.js';
import { routeTarget, saveRouting } from './db/route-store.js';
import { routeUnrouted, type RouteDeps } from './inquiries/route-unrouted.js';
import { json, type Route } from './http/routes.js';
import { createHttpServer } from './http/server.js';
import type { HttpLimits } from './http/limits.js';
import { ingest, type IngestResult } from './inquiries/ingest.js';
import { bindSourceEvents, type BoundAccount, type SourceAccountsLookup } from './inquiries/source-binding.js';
import { withCachedBinding, type BindingCache } from './inquiries/cached-binding.js';
import type { SourceEvent } from './inquiries/inbound.js';
import type { DeliveryBody, Route as InquiryRoute, ReminderPlanner } from './inquiries/ports.js';
import { planReminders } from './reminders/plan.js';
import { PolicyRegistry } from './policy/registry.js';
import { parentChannel } from './policy/vocabulary.js';
import { hostname } from 'node:os';
import { DrizzleAbsenceStore } from './db/absence-store.js';
import type { ActDeps } from './inquiries/act.js';
import { contextLoader } from './db/context-store.js';
import { ReminderQueue } from './db/reminder-queue.js';
import { runDigests } from './db/digest-store.js';
import { registryRows } from './db/registry-store.js';
import { runWeeklySummaries, runYearlyFollowUps } from './db/summary-store.js';
import { periodReport } from './db/report-store.js';
import { calendarYear } from './reports/period.js';
import { runRetention } from './db/retention-store.js';
import type { ChatNotifier } from './reminders/model.js';
import { runTick, type TickDeps, type TickResult } from './reminders/tick.js';
import { ChatService } from './chat/service.js';
import { ChatStore, ConversationStore, DeliveryLogStore } from './db/chat-store.js';
import type { ChatAdapter, ChatAdapterFactory } from './chat/adapter.js';
import { FanoutNotifier } from './chat/fanout.js';
import { noCredentials, type AccountCredentials } from './platform/account-credentials.js';
import { platformClients, type PlatformClients } from '../adapters/sources/platform-clients.js';
import { metaReader } from '../adapters/sources/meta/reconcile.js';
import { xReader } from '../adapters/sources/x/reconcile.js';
import { CatchupStore } from './db/catchup-store.js';
import { organizationPeople } from './db/context-store.js';
import type { CatchupSettings } from './catchup/model.js';
import type { CatchupDeps } from './catchup/reconcile.js';
import { runCatchup, type CatchupPass } from './catchup/run.js';
import { DEFAULT_CATCHUP } from './catchup/settings.js';
import { answerPosters } from '../adapters/sources/answers/answer-posters.js';
import { moderationPlatforms } from '../adapters/sources/moderation/moderation-platforms.js';
import { moderate, type ModerateDeps, type ModerationOutcome, type ModerationRequest } from './moderation/moderate.js';
import type { ModerationPlatform } from './moderation/ports.js';
import { hideAndRegister, type PersonalDataDeps } from './moderation/personal-data.js';
import { compileModeration } from './policy/moderation.js';
import { DrizzleArchiveStore } from './db/archive-store.js';
import type { AnswerPoster } from './answers/ports.js';
import { postAnswer, type AnswerOutcome, type AnswerRequest, type PostAnswerDeps } from './answers/post-answer.js';
import { DrizzleAnswerStore } from './db/answer-store.js';
import { prefill } from './answers/text-rules.js';
import { isActive } from './inquiries/model.js';
import type { ChatAnswering } from './chat/ports.js';
import { answeringNotifier } from './chat/answering-notifier.js';
import { summarizeError } from './log/summary.js';
import { sql } from 'drizzle-orm';
import { opsRoutes } from './http/ops-routes.js';
import { addGaugeSource, metrics } from './metrics.js';
import { countedSourceRoutes, queueFigures } from './ops-metrics.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What a source adapter's routes get: a way to hand over verified, parsed events. */
export interface IngestPort {
  /** stores a delivery's events as one unit (all or nothing); `delivery`, its exact bytes, is kept with the inquiries it creates */
  ingest(events: readonly SourceEvent[], delivery?: DeliveryBody): Promise<IngestResult>;
  readonly now: () => number;
}

export interface AppOptions {
  readonly database: DatabaseTarget;
  readonly clock: Clock;
  readonly logger: Logger;
  /** a deployment-admin token of the REST API given by configuration (SVARSTID_API_TOKEN); organizations' tokens are in the database (svarstid token create) */
  readonly apiToken?: string;
  /** the source adapters' routes, given the ingest port */
  readonly sourceRoutes: (port: IngestPort) => Route[];
  /** where reminders and digests go when no chat adapters are given (a fake in tests) */
  readonly notifier?: ChatNotifier;
  /** the chat platform adapters (Slack, Teams, console): their routes are mounted and notifications fan out to them */
  readonly chatAdapters?: ChatAdapterFactory;
  /** this instance's name in reminder claims (default: host:pid) */
  readonly worker?: string;
  /** the HTTP edge's size limits and timeouts (default DEFAULT_LIMITS in src/http/limits.ts) */
  readonly http?: Partial<HttpLimits>;
  /** accounts' platform credentials (Graph API page tokens, X user tokens); default: none */
  readonly credentials?: AccountCredentials;
  /** the clients of the Graph API and the X API (base URLs, the X app's keys); default: the platforms' public hosts, no X app keys */
  readonly platforms?: PlatformClients;
  /** catch-up's settings (src/catchup/settings.ts; default DEFAULT_CATCHUP), or false when it is turned off */
  readonly catchup?: CatchupSettings | false;
  /** META_APP_ID: the app whose page subscriptions catch-up checks */
  readonly metaAppId?: string;
  /** generic sources' secrets and answer callback URLs (SVARSTID_SOURCE_SECRET_<NAME>, SVARSTID_SOURCE_CALLBACK_<NAME>); default: none */
  readonly genericSources?: { readonly secretFor: (source: string) => string | undefined; readonly callbackFor: (source: string) => string | undefined };
  /** where answers are posted; default: the platforms' posters built from `platforms`, `credentials` and `genericSources` */
  readonly answerPoster?: AnswerPoster;
  /** where hide and remove go; default: the platforms' moderation built from `platforms` and `credentials` */
  readonly moderationPlatform?: ModerationPlatform;
  /** waits between answer retries (tests: instant); default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** the bearer token of GET /metrics (SVARSTID_METRICS_TOKEN); without it /metrics answers 404 */
  readonly metricsToken?: string;
}

export interface App {
  readonly database: Database;
  readonly inquiries: DrizzleInquiryStore;
  readonly directory: DirectoryStore;
  readonly policies: PolicyRegistry;
  /** the REST API's tokens (svarstid token …) */
  readonly tokens: TokenStore;
  /** routing an unrouted message to an account (svarstid route, the admin API) */
  readonly routeDeps: RouteDeps;
  /** an account's platform credential, from the reference its directory entry names */
  readonly credentials: AccountCredentials;
  /** the clients of the Graph API and the X API */
  readonly platforms: PlatformClients;
  readonly ingest: IngestPort;
  readonly server: Server;
  readonly reminders: ReminderQueue;
  readonly absences: DrizzleAbsenceStore;
  /** the use cases' dependencies for officers' actions (chat adapters use these) */
  readonly actDeps: ActDeps;
  /** answer posting's dependencies (src/answers/post-answer.ts): the poster per platform, the idempotency records */
  readonly answerDeps: PostAnswerDeps;
  /** posts an officer's answer where the citizen wrote and marks the inquiry answered */
  answer(req: AnswerRequest): Promise<AnswerOutcome>;
  /** moderation's dependencies (src/moderation): the archive, the platforms */
  readonly moderationDeps: ModerateDeps;
  /** hides or removes a message, archive first, and closes the inquiry with the reason */
  moderate(req: ModerationRequest): Promise<ModerationOutcome>;
  /** what the Slack and Teams adapters call: commands and button actions in, replies out */
  readonly chat: ChatService;
  /** where a chat platform can reach a person (Teams conversation references) */
  readonly conversations: ConversationStore;
  readonly chatAdapters: readonly ChatAdapter[];
  /** where notifications go: the given notifier, or the chat adapters */
  readonly notifier: ChatNotifier;
  /** starts the chat adapters' own connections (Slack Socket Mode) */
  startChat(): Promise<void>;
  /** reloads the organizations' policies from the database */
  reloadPolicies(): Promise<void>;
  /** one reminder tick at `now`: claim due reminders, route, send, record */
  tick(now: number): Promise<TickResult>;
  /** sends the daily digests due at `now` (once per organization and day, across instances) */
  digest(now: number): Promise<number>;
  /** sends the weekly summaries due at `now` to the managers (once per organization and week, across instances) */
  summary(now: number): Promise<number>;
  /** erases the text of finished inquiries past the policy's retention (gallring), once per organization and day */
  retention(now: number): Promise<number>;
  /**
   * Catch-up (src/catchup): reconciles each account that names a credential and is due with its
   * platform; `startup` runs every account not waiting on a rate limit, due or not. Undefined when turned off.
   */
  readonly catchup?: (now: number, o?: { startup?: boolean }) => Promise<CatchupPass>;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const database = await openDatabase(o.database, { logger: o.logger });
  // one-message deliveries share statements (src/db/insert-batcher.ts), on PostgreSQL on connections of their own
  const inquiries = new DrizzleInquiryStore(database.db, undefined, new InsertBatcher(database.db, database.genericPlans));
  const directory = new DirectoryStore(database.db);
  const policies = new PolicyRegistry();
  const reloadPolicies = async (): Promise<void> => {
    for (const org of await directory.organizationPolicies()) policies.set(org.id, org.policyYaml);
  };
  await reloadPolicies();
  const route = async (channel: string, externalId: string): Promise<InquiryRoute | undefined> => {
    // an Instagram DM or mention reaches the account of its own channel, else the Instagram account
    const parent = parentChannel(channel);
    const r = (await directory.routeAccount(channel, externalId)) ?? (parent === undefined ? undefined : await directory.routeAccount(parent, externalId));
    return r ? withPolicy(r) : undefined;
  };
  const withPolicy = async (r: { orgId: string; accountId: number }): Promise<InquiryRoute | undefined> => {
    let policy = policies.get(r.orgId);
    if (!policy) {
      await reloadPolicies();
      policy = policies.get(r.orgId);
    }
    return policy ? { ...r, policy } : undefined;
  };
  const plan: ReminderPlanner = (i) => {
    const p = i.orgId ? policies.get(i.orgId) : undefined;
    return p ? planReminders(i, p) : [];
  };
  const boundAccounts: BindingCache = new Map();
  const port: IngestPort = {
    now: () => o.clock.now(),
    // a generic source's events are bound to its accounts first (from the cache when one message): a refusal stores nothing
    ingest: (events, delivery) => withCachedBinding(boundAccounts, events, (s) => directory.sourceAccounts(s), (lookup, boundTo) => ingestBound(events, delivery, lookup, boundTo)),
  };
  const ingestBound = async (events: readonly SourceEvent[], delivery: DeliveryBody | undefined, lookup: SourceAccountsLookup, boundTo?: string): Promise<IngestResult> => {
    const accounts: BoundAccount[] = [];
    const bound = await bindSourceEvents(async (s) => {
      const found = await lookup(s);
      accounts.push(...found);
      return found;
    }, events);
    // a generic event's account was just read with its source's (active, unique by channel and id): no second query
    const routeOf = accounts.length === 0 ? route : async (channel: string, externalId: string) => {
      const a = accounts.find((x) => x.channel === channel && x.externalId === externalId);
      return a ? withPolicy({ orgId: a.orgId, accountId: a.accountId }) : route(channel, externalId);
    };
    const result = await ingest({ store: inquiries, route: routeOf, plan, ...(boundTo !== undefined ? { boundTo } : {}) }, bound, o.clock.now(), delivery);
    const first = bound.find((e) => e.kind === 'message');
    if (result.received.length > 0 && first?.kind === 'message') metrics.inquiriesReceived.inc({ channel: first.message.channel }, result.received.length);
    return result;
  };
  let draining = false;
  const absences = new DrizzleAbsenceStore(database.db);
  const actDeps: ActDeps = { store: inquiries, personOrg: (id) => directory.personOrg(id), soleOrganization: () => directory.soleOrganization(), plan, policyOf: (id) => policies.get(id) };
  const credentials = o.credentials ?? noCredentials;
  const platforms = o.platforms ?? platformClients();
  const answerDeps: PostAnswerDeps = {
    act: actDeps,
    answers: new DrizzleAnswerStore(database.db),
    poster:
      o.answerPoster ??
      answerPosters({
        platforms,
        credentials,
        account: (id) => directory.accountCredentialRef(id),
        generic: o.genericSources ?? { secretFor: () => undefined, callbackFor: () => undefined },
        now: () => o.clock.now(),
      }),
    signer: (id) => directory.signer(id),
    now: () => o.clock.now(),
    ...(o.sleep && { sleep: o.sleep }),
  };
  const moderationDeps: ModerateDeps = {
    act: actDeps,
    events: (id) => inquiries.events(id),
    archives: new DrizzleArchiveStore(database.db),
    platform: o.moderationPlatform ?? moderationPlatforms({ platforms, credentials, account: (id) => directory.accountCredentialRef(id), now: () => o.clock.now() }),
    now: () => o.clock.now(),
  };
  const personalDataDeps: PersonalDataDeps = {
    moderation: moderationDeps,
    answer: (req) => postAnswer(answerDeps, req),
    secureText: async (i, personId) => {
      const policy = i.orgId ? policies.get(i.orgId) : undefined;
      const who = await directory.signer(personId);
      return policy && who ? prefill(policy.answer, who, (policy.moderation ?? compileModeration(undefined, policy.language)).secureChannel) : undefined;
    },
  };
  const answeringConfigured = o.credentials !== undefined || o.genericSources !== undefined || o.answerPoster !== undefined;
  const answering: ChatAnswering = {
    availability: async (inquiryId, person) => {
      const i = await inquiries.get(inquiryId);
      if (!i || i.orgId === null || i.orgId !== person.orgId || !isActive(i.state)) return undefined;
      const a = await answerDeps.poster.availability(i);
      if (!a.ok) return { ok: false, reason: a.message };
      const policy = policies.get(i.orgId);
      // a registered question's answer starts as the policy's registration message (Nässjö 12: tell the citizen)
      return { ok: true, prefill: policy ? (i.registered ? registrationPrefill(policy.answer, person, i.caseNumber) : prefill(policy.answer, person)) : '' };
    },
    post: (req) => postAnswer(answerDeps, req),
  };
  const chatStore = new ChatStore(database.db, policies);
  const conversations = new ConversationStore(database.db);
  const deliveries = new DeliveryLogStore(database.db);
  // the chat service tells forwardees through the notifier, which may be built from the adapters below
  let notifier: ChatNotifier | undefined = o.notifier;
  let answeringSend: ChatNotifier | undefined;
  const lateNotifier: ChatNotifier = { send: (to, n, key) => (answeringSend ?? notifier!).send(to, n, key) };
  const chat = new ChatService({
    act: actDeps,
    directory: chatStore,
    inquiries: chatStore,
    absences,
    policyOf: (orgId) => policies.get(orgId),
    notifier: lateNotifier,
    // answering from chat needs something to answer with: credentials, a generic source's callback, or a poster
    ...(answeringConfigured && { answering }),
    // hide and remove from chat: where svarstid has the account's token (or a generic source: archive only)
    ...(answeringConfigured && {
      moderation: {
        offer: async (inquiryId, person) => {
          const i = await inquiries.get(inquiryId);
          if (!i || i.orgId === null || i.orgId !== person.orgId || !isActive(i.state)) return undefined;
          return { hide: await moderationDeps.platform.capability(i, 'hide'), remove: await moderationDeps.platform.capability(i, 'remove'), personalData: i.personalData.length > 0 };
        },
        run: (req) => moderate(moderationDeps, req),
        secure: (req) => hideAndRegister(personalDataDeps, req),
      },
    }),
    onNotifyError: (e) => o.logger.warn({ error: summarizeError(e) }, 'could not send a notice at once (to a forwardee, or of an absence); reminders still reach them'),
    registry: (orgId) => registryRows(database.db, [orgId]),
    yearlyReport: (orgId, year, now) => {
      const policy = policies.get(orgId);
      if (!policy) throw new Error('the organization has no policy loaded');
      return periodReport(database.db, orgId, policy, calendarYear(String(year), policy.timezone), now);
    },
  });
  const chatAdapters = o.chatAdapters?.({ chat, conversations, deliveries, now: () => o.clock.now(), logger: o.logger }) ?? [];
  if (notifier === undefined) {
    if (chatAdapters.length === 0) throw new Error('createApp needs a notifier or at least one chat adapter');
    notifier = new FanoutNotifier(chatAdapters);
  }
  const tokens = new TokenStore(database.db);
  const authenticate = apiAuthenticator({ byHash: (h) => tokens.byHash(h), adminTokens: o.apiToken ? [o.apiToken] : [] });
  const routeDeps: RouteDeps = {
    store: inquiries,
    account: async (orgId, key) => (await routeTarget(database.db, policies, orgId, key)) ?? (await reloadPolicies(), routeTarget(database.db, policies, orgId, key)),
    save: (id, version, routing, event, planned, now) => saveRouting(database.db, id, version, routing, event, planned, now),
  };
  const routes: Route[] = [
    { method: 'GET', path: '/healthz', handle: () => json(200, { status: 'ok', database: database.kind }) },
    healthRoute({ kind: database.kind, chat: chatAdapters.map((a) => a.platform), authenticate, organizations: () => directory.organizationIds() }),
    deadlineRoute(() => policies.all()),
    ...inquiryRoutes({
      store: inquiries,
      authenticate,
      soleOrganization: () => directory.soleOrganization(),
      route: (id, account, actor) => routeUnrouted(routeDeps, id, account, actor, o.clock.now()),
      now: () => o.clock.now(),
    }),
    ...inquiryActionRoutes({
      act: actDeps,
      authenticate,
      personByKey: (org, key) => directory.personByKey(org, key),
      answer: (req) => postAnswer(answerDeps, req),
      moderate: (req) => moderate(moderationDeps, req),
      secure: (req) => hideAndRegister(personalDataDeps, req),
      registrationText: async (i, personId) => {
        const policy = i.orgId ? policies.get(i.orgId) : undefined;
        const who = await directory.signer(personId);
        return policy && who ? registrationPrefill(policy.answer, who, i.caseNumber) : undefined;
      },
      now: () => o.clock.now(),
    }),
    ...opsRoutes({ kind: database.kind, ping: () => database.db.execute(sql`select 1`), draining: () => draining, ...(o.metricsToken && { metricsToken: o.metricsToken }) }),
    ...countedSourceRoutes(o.sourceRoutes(port)),
    ...chatAdapters.flatMap((a) => a.routes),
  ];
  const removeGauges = addGaugeSource({ queue: () => queueFigures(database.db, o.clock.now()), pool: () => database.pool?.() });
  const server = createHttpServer({ routes, logger: o.logger, ...(o.http && { limits: o.http }) });
  // while shutting down, every answer closes its connection: a keep-alive client cannot go on sending
  server.on('request', (_req: unknown, res: { headersSent: boolean; setHeader(n: string, v: string): void }) => {
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
  });
  const queue = new ReminderQueue(database.db);
  const worker = o.worker ?? `${hostname()}:${process.pid}`;
  // reminders carry the recipient's answering: a Svara button with their signature, or why not
  const send: ChatNotifier = answeringConfigured ? answeringNotifier(notifier, chat) : notifier;
  answeringSend = send;
  const tickDeps = (now: number): TickDeps => ({
    queue,
    contexts: () => contextLoader(database.db, policies, now),
    notifier: send,
    worker,
    logger: o.logger,
    clock: () => o.clock.now(),
  });
  const catchupStore = new CatchupStore(database.db);
  const catchupDeps = (settings: CatchupSettings): CatchupDeps => ({
    store: catchupStore,
    credentials,
    reader: (channel) => metaReader(platforms.graph, channel, { ...(o.metaAppId && { appId: o.metaAppId }) }) ?? (channel === 'x' ? xReader(platforms.x, platforms.xUserAuth, () => o.clock.now()) : undefined),
    ingest: async (event) => {
      const r = await port.ingest([event]);
      return { created: r.received.length > 0, duplicate: r.duplicates.length > 0, answered: r.answered.length };
    },
    notify: async (account, cause, extra) => {
      const policy = policies.get(account.orgId);
      const managers = [...(await organizationPeople(database.db, account.orgId)).values()].filter((p) => p.role === 'manager' && p.active);
      const platform = account.channel === 'x' ? 'x' : 'meta';
      for (const m of managers) {
        await send.send(
          m,
          { type: 'catchup_notice', cause, accountName: account.name, channel: account.channel, platform, ...extra, timezone: policy?.timezone ?? 'Europe/Stockholm', language: m.language ?? policy?.language ?? 'sv' },
          `catchup:${account.id}:${cause}:${o.clock.now()}:${m.id}`,
        );
      }
    },
    settings,
    worker,
    logger: o.logger,
    counted: (source, result) => metrics.reconciliation.inc({ source, result }),
  });
  const catchupSettings = o.catchup === false ? undefined : (o.catchup ?? DEFAULT_CATCHUP);
  return {
    ...(catchupSettings && { catchup: async (now: number, c: { startup?: boolean } = {}) => runCatchup(catchupDeps(catchupSettings), await catchupStore.accounts(), now, c.startup === true) }),
    database, inquiries, directory, policies, tokens, routeDeps, credentials, platforms, ingest: port, answerDeps, answer: (req) => postAnswer(answerDeps, req), moderationDeps, moderate: (req) => moderate(moderationDeps, req), server, reloadPolicies, reminders: queue,
    absences, actDeps, chat, conversations, chatAdapters, notifier: send,
    startChat: async () => {
      for (const a of chatAdapters) await a.start?.();
    },
    tick: async (now) => {
      const r = await runTick(tickDeps(now), now);
      for (const outcome of ['sent', 'failed', 'retried', 'cancelled'] as const) if (r[outcome] > 0) metrics.reminders.inc({ outcome }, r[outcome]);
      return r;
    },
    digest: (now) => runDigests({ db: database.db, queue, policies, notifier: send, worker, logger: o.logger }, now),
    summary: async (now) => {
      const deps = { db: database.db, queue, policies, notifier: send, worker, logger: o.logger };
      return (await runWeeklySummaries(deps, now)) + (await runYearlyFollowUps(deps, now));
    },
    retention: async (now) => {
      // chat delivery keys are kept a day (redeliveries come within minutes)
      await deliveries.prune(now);
      return runRetention({ db: database.db, queue, policies, worker, logger: o.logger }, now);
    },
    close: async () => {
      // graceful: /readyz answers 503 at once, no new connections are accepted, requests in flight finish, then the database closes
      draining = true;
      removeGauges();
      for (const a of chatAdapters) await a.stop?.();
      await drain(server);
      await database.close();
    },
  };
}

/** Stops accepting connections and resolves when the requests in flight have been answered (idle keep-alive connections are closed). */
function drain(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}
