/**
 * The application: database, stores, use cases and HTTP routes wired together. The composition
 * root (cli serve, tests) decides the database, the clock, the secrets and the source adapters.
 */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { openDatabase, type Database, type DatabaseTarget } from './db/connection.js';
import { DirectoryStore } from './db/directory-store.js';
import { DrizzleInquiryStore } from './db/inquiry-store.js';
import { deadlineRoute } from './http/deadline-route.js';
import { inquiryRoutes } from './http/inquiries-routes.js';
import { json, type Route } from './http/routes.js';
import { createHttpServer } from './http/server.js';
import { ingest, type IngestResult } from './inquiries/ingest.js';
import type { SourceEvent } from './inquiries/inbound.js';
import type { Route as InquiryRoute } from './inquiries/ports.js';
import { PolicyRegistry } from './policy/registry.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What a source adapter's routes get: a way to hand over verified, parsed events. */
export interface IngestPort {
  ingest(events: readonly SourceEvent[]): Promise<IngestResult>;
  readonly now: () => number;
}

export interface AppOptions {
  readonly database: DatabaseTarget;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly apiToken: string;
  /** the source adapters' routes, given the ingest port */
  readonly sourceRoutes: (port: IngestPort) => Route[];
}

export interface App {
  readonly database: Database;
  readonly inquiries: DrizzleInquiryStore;
  readonly directory: DirectoryStore;
  readonly policies: PolicyRegistry;
  readonly ingest: IngestPort;
  readonly server: Server;
  /** reloads the organizations' policies from the database */
  reloadPolicies(): Promise<void>;
  close(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const database = await openDatabase(o.database);
  const inquiries = new DrizzleInquiryStore(database.db);
  const directory = new DirectoryStore(database.db);
  const policies = new PolicyRegistry();
  const reloadPolicies = async (): Promise<void> => {
    for (const org of await directory.organizationPolicies()) policies.set(org.id, org.policyYaml);
  };
  await reloadPolicies();
  const route = async (channel: string, externalId: string): Promise<InquiryRoute | undefined> => {
    const r = await directory.routeAccount(channel, externalId);
    if (!r) return undefined;
    let policy = policies.get(r.orgId);
    if (!policy) {
      await reloadPolicies();
      policy = policies.get(r.orgId);
    }
    return policy ? { ...r, policy } : undefined;
  };
  const port: IngestPort = {
    now: () => o.clock.now(),
    ingest: (events) => ingest({ store: inquiries, route }, events, o.clock.now()),
  };
  const routes: Route[] = [
    { method: 'GET', path: '/healthz', handle: () => json(200, { status: 'ok', database: database.kind }) },
    { method: 'GET', path: '/health', handle: () => json(200, { status: 'ok', database: database.kind, organizations: [...policies.all().keys()] }) },
    deadlineRoute(() => policies.all()),
    ...inquiryRoutes({ store: inquiries, token: o.apiToken, now: () => o.clock.now() }),
    ...o.sourceRoutes(port),
  ];
  const server = createHttpServer({ routes, logger: o.logger });
  return {
    database, inquiries, directory, policies, ingest: port, server, reloadPolicies,
    close: async () => {
      await new Promise<void>((r) => (server.listening ? server.close(() => r()) : r()));
      await database.close();
    },
  };
}
