/**
 * Hands a source's delivery to the use cases, in order: messages are received, own replies answer.
 * A delivery is one unit of work: every message and answer in it is stored, or none is (issue 11,
 * item 4), so the answer to the platform is always true — a failure means nothing was stored and the
 * platform's redelivery stores it all; a redelivery counts what was there as duplicates.
 *
 * The accounts' routes are looked up before the unit starts: the unit holds a database connection
 * (PGlite: the database itself) and must not wait for another one.
 */
import { answerFromSource, type AnswerDeps } from './answer-from-source.js';
import { editFromSource, removeFromSource } from './change-from-source.js';
import { eventItem, type InboundMessage, type SourceEvent } from './inbound.js';
import type { DeliveryBody, InquiryStore, MessageKey, ReminderPlanner, Route, RouteLookup } from './ports.js';
import { receive } from './receive.js';

export interface IngestResult {
  /** new inquiries */
  received: number[];
  /** redeliveries of messages already stored */
  duplicates: number[];
  /** inquiries marked answered by the organization's own reply */
  answered: number[];
  /** inquiries whose text the citizen edited */
  edited: number[];
  /** inquiries removed on the platform (by the author or the account) */
  removed: number[];
}

export interface IngestDeps {
  readonly store: Pick<InquiryStore, 'atomically'>;
  readonly route: RouteLookup;
  readonly plan?: ReminderPlanner;
  /** the generic source whose binding was read from a cache (UnitOfWork.boundTo; one message only) */
  readonly boundTo?: string;
}

const accountOf = (e: SourceEvent): [string, string] => [eventItem(e).channel, eventItem(e).accountExternalId];

/** The route of every account the events name, looked up once each. */
async function routesOf(route: RouteLookup, events: readonly SourceEvent[]): Promise<RouteLookup> {
  const found = new Map<string, Route | undefined>();
  for (const e of events) {
    const [channel, account] = accountOf(e);
    const key = JSON.stringify([channel, account]);
    if (!found.has(key)) found.set(key, await route(channel, account));
  }
  return async (channel, account) => found.get(JSON.stringify([channel, account]));
}

export async function ingest(deps: IngestDeps, events: readonly SourceEvent[], now: number, delivery?: DeliveryBody): Promise<IngestResult> {
  const route = await routesOf(deps.route, events);
  return deps.store.atomically(async (store) => {
    const result: IngestResult = { received: [], duplicates: [], answered: [], edited: [], removed: [] };
    const answerDeps: AnswerDeps = { store, route, ...(deps.plan ? { plan: deps.plan } : {}) };
    const take = async (message: InboundMessage): Promise<void> => {
      const { inquiry, created } = await receive({ store, route }, message, now);
      (created ? result.received : result.duplicates).push(inquiry.id);
    };
    for (const e of events) {
      switch (e.kind) {
        case 'message':
          await take(e.message);
          break;
        case 'own_reply':
          for (const i of await answerFromSource(answerDeps, e.reply, now)) result.answered.push(i.id);
          break;
        case 'edit': {
          const outcome = await editFromSource(answerDeps, e.edit, now);
          if (outcome.kind === 'changed') result.edited.push(outcome.inquiry.id);
          // an edit of a message never seen: the message as it is now, when the platform sent it whole
          else if (outcome.kind === 'unknown' && e.edit.message) await take(e.edit.message);
          break;
        }
        case 'removal': {
          const outcome = await removeFromSource(answerDeps, e.removal, now);
          if (outcome.kind === 'changed') result.removed.push(outcome.inquiry.id);
          break;
        }
      }
    }
    return result;
  }, { ...(delivery ? { delivery } : {}), messages: events.map(messageKey), oneStatement: events.length === 1 && events[0]!.kind === 'message', ...(deps.boundTo !== undefined ? { boundTo: deps.boundTo } : {}) });
}

/** What an event stores, answers or changes: the message by its id, or a private conversation by the citizen's id. */
function messageKey(e: SourceEvent): MessageKey {
  if (e.kind !== 'own_reply') {
    const m = eventItem(e);
    return { channel: m.channel, accountExternalId: m.accountExternalId, externalId: m.externalId };
  }
  const r = e.reply;
  return r.conversationWith ? { channel: r.channel, accountExternalId: r.accountExternalId, authorId: r.inReplyTo } : { channel: r.channel, accountExternalId: r.accountExternalId, externalId: r.inReplyTo };
}
