/**
 * What a chat platform adapter (Slack, Teams, console) gives the application: HTTP routes to mount,
 * a notifier for reminders and digests, and a start/stop for connections of its own (Slack Socket
 * Mode). The composition root builds adapters from the environment; the app fans each notification
 * out to the adapters that can reach the person.
 */
import type { Logger } from 'pino';
import type { Route } from '../http/routes.js';
import type { ChatNotifier, Person } from '../reminders/model.js';
import type { ChatService } from './service.js';
import type { ChatPlatform } from './types.js';

/** Where a platform can reach a person (Teams conversation references), kept in the database. */
export interface ConversationPort {
  save(platform: ChatPlatform, userId: string, reference: Record<string, unknown>, now: number): Promise<void>;
  /** the reference of the first of `userIds` that has one */
  find(platform: ChatPlatform, userIds: readonly string[]): Promise<Record<string, unknown> | undefined>;
}

/**
 * Platform deliveries already handled, across every instance: Slack redelivers an event it got no
 * timely answer for (X-Slack-Retry-Num), the Bot Framework an activity. Kept for a day.
 */
export interface DeliveryLog {
  /** records the delivery; false when it was recorded before (by any instance) */
  first(platform: ChatPlatform, key: string, now: number): Promise<boolean>;
  /** forgets a delivery whose handling failed, so the platform's retry is handled */
  forget(platform: ChatPlatform, key: string): Promise<void>;
}

/** What an adapter gets from the application. */
export interface ChatRuntime {
  readonly chat: ChatService;
  readonly conversations: ConversationPort;
  readonly deliveries: DeliveryLog;
  readonly now: () => number;
  readonly logger: Logger;
}

export interface ChatAdapter {
  readonly platform: ChatPlatform | 'console';
  readonly routes: readonly Route[];
  readonly notifier: ChatNotifier;
  /** whether this adapter can address the person at all (they have an identity on the platform) */
  reaches(person: Person): boolean;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type ChatAdapterFactory = (runtime: ChatRuntime) => ChatAdapter[];
