/**
 * Catch-up for an Instagram professional account: the comments (and replies) on its most recent
 * media (`/{ig-user-id}/media`, then `/{ig-media-id}/comments` with the `replies` field). The
 * Graph API has no "comments since" query, so the newest MEDIA_READ media are read (default 25: one
 * page) and a comment on older media that no webhook delivered is not recovered (docs/catch-up.md).
 *
 * A comment becomes the event the `comments` webhook would give (instagram.ts): channel instagram,
 * the Instagram account id, the comment id; the account's own reply to a comment is an own reply.
 */
import type { ReadWindow } from '../../../src/catchup/model.js';
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import type { Secret } from '../../../src/platform/secret.js';
import type { GraphClient, GraphPage } from './graph-client.js';
import { graphInstant, guardUsage, type GraphPerson } from './reconcile-support.js';

export const MEDIA_READ = 25;

interface IgComment {
  readonly id: string;
  readonly text?: string;
  readonly timestamp?: string;
  readonly from?: GraphPerson;
  readonly username?: string;
  readonly parent_id?: string;
  readonly replies?: GraphPage<IgComment>;
}

interface IgMedia {
  readonly id: string;
  readonly timestamp?: string;
  readonly permalink?: string;
  readonly comments_count?: number;
}

const COMMENT = 'id,text,timestamp,from,username,parent_id';

export async function readInstagramComments(graph: GraphClient, igUserId: string, token: Secret, window: ReadWindow, emit: (e: SourceEvent) => void): Promise<void> {
  const first = await graph.get<GraphPage<IgMedia>>(`${igUserId}/media`, { fields: 'id,timestamp,permalink,comments_count', limit: MEDIA_READ }, token);
  guardUsage(first.usage);
  for (const media of first.body.data) {
    if (media.comments_count === 0) continue;
    for await (const page of graph.pages<IgComment>(`${media.id}/comments`, { fields: `${COMMENT},replies{${COMMENT}}`, limit: 50 }, token)) {
      guardUsage(page.usage);
      for (const c of page.body.data) {
        for (const one of [c, ...(c.replies?.data ?? []).map((r) => ({ ...r, parent_id: r.parent_id ?? c.id }))]) {
          const e = commentEvent(igUserId, media, one, window);
          if (e) emit(e);
        }
      }
    }
  }
}

function commentEvent(igUserId: string, media: IgMedia, c: IgComment, window: ReadWindow): SourceEvent | undefined {
  const at = graphInstant(c.timestamp);
  if (at === undefined || at < window.since || at > window.until) return undefined;
  const { replies: _replies, ...comment } = c;
  const raw = { graph_api: 'instagram_comment', media: { id: media.id }, comment };
  if (c.from?.id === igUserId) {
    if (c.parent_id === undefined) return undefined;
    return { kind: 'own_reply', reply: { source: 'meta', channel: 'instagram', accountExternalId: igUserId, externalId: c.id, inReplyTo: c.parent_id, answeredAt: at, raw } };
  }
  const handle = c.from?.username ?? c.username;
  const author = c.from?.id === undefined ? {} : { id: c.from.id, ...(handle !== undefined && { handle }) };
  return {
    kind: 'message',
    message: { source: 'meta', channel: 'instagram', accountExternalId: igUserId, externalId: c.id, author, text: c.text ?? '', receivedAt: at, ...(c.parent_id !== undefined && { inReplyTo: c.parent_id }), raw },
  };
}
