/**
 * Catch-up for Messenger (and Instagram Direct, `platform=instagram`): the page's conversations
 * updated in the window (`/{page-id}/conversations`, newest first) with their messages. Meta lets an
 * app read only the **20 most recent messages** of a conversation; older ones that no webhook
 * delivered cannot be recovered (docs/catch-up.md).
 *
 * A citizen's message becomes the event the `messages` webhook would give (messenger.ts): channel
 * messenger, the page id, the message id (the webhook's `mid`). The page's own message answers the
 * conversation with that citizen (an own reply with `conversationWith`).
 */
import type { ChannelKind } from '../../../src/policy/index.js';
import type { ReadWindow } from '../../../src/catchup/model.js';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import type { Secret } from '../../../src/platform/secret.js';
import type { GraphClient, GraphPage } from './graph-client.js';
import { graphInstant, guardUsage, type GraphPerson } from './reconcile-support.js';

interface GraphMessage {
  readonly id: string;
  readonly created_time?: string;
  readonly message?: string;
  readonly from?: GraphPerson;
  readonly to?: { readonly data?: readonly GraphPerson[] };
}

interface GraphConversation {
  readonly id: string;
  readonly updated_time?: string;
  readonly messages?: GraphPage<GraphMessage>;
}

export const CONVERSATION_FIELDS = 'id,updated_time,messages.limit(20){id,created_time,from,to,message}';

export interface ConversationTarget {
  /** the page whose conversations are read */
  readonly pageId: string;
  readonly platform: 'messenger' | 'instagram';
  /** the channel and account id the events carry (Messenger: the page; Instagram Direct: the Instagram account) */
  readonly channel: ChannelKind;
  readonly accountId: string;
  /** the ids that are the organization's own (the page, and for Instagram the Instagram account) */
  readonly ownIds: ReadonlySet<string>;
}

export async function readConversations(graph: GraphClient, t: ConversationTarget, token: Secret, window: ReadWindow, emit: (e: SourceEvent) => void): Promise<void> {
  for await (const page of graph.pages<GraphConversation>(`${t.pageId}/conversations`, { platform: t.platform, fields: CONVERSATION_FIELDS, limit: 25 }, token)) {
    guardUsage(page.usage);
    let older = false;
    for (const c of page.body.data) {
      const updated = graphInstant(c.updated_time);
      if (updated !== undefined && updated < window.since) {
        older = true; // newest first: the rest are older still
        break;
      }
      for (const m of c.messages?.data ?? []) {
        const e = messageEvent(t, c, m, window);
        if (e) emit(e);
      }
    }
    if (older) return;
  }
}

function messageEvent(t: ConversationTarget, c: GraphConversation, m: GraphMessage, window: ReadWindow): SourceEvent | undefined {
  const at = graphInstant(m.created_time);
  if (at === undefined || at < window.since || at > window.until || m.from?.id === undefined) return undefined;
  const raw = { graph_api: 'message', conversation: { id: c.id }, message: m };
  if (t.ownIds.has(m.from.id)) {
    const citizen = m.to?.data?.find((p) => p.id !== undefined && !t.ownIds.has(p.id))?.id;
    if (citizen === undefined) return undefined;
    return { kind: 'own_reply', reply: { source: 'meta', channel: t.channel, accountExternalId: t.accountId, externalId: m.id, inReplyTo: citizen, conversationWith: true, answeredAt: at, raw } };
  }
  const author = { id: m.from.id, ...(m.from.name !== undefined && { name: m.from.name }), ...(m.from.username !== undefined && { handle: m.from.username }) };
  return { kind: 'message', message: { source: 'meta', channel: t.channel, accountExternalId: t.accountId, externalId: m.id, author, text: m.message ?? '', receivedAt: at, raw } };
}
