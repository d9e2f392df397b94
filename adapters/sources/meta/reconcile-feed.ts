/**
 * Catch-up for a Facebook page: the posts updated in the window (`/{page-id}/feed?since=`, newest
 * first, cursor paging) with their comments and replies (`comments.filter(stream)`, newest first;
 * a post with more comments than the first page is read further at `/{post-id}/comments`), and
 * whether the app is still subscribed (`/{page-id}/subscribed_apps`).
 *
 * Each comment becomes the event the `feed` webhook would give (feed.ts): the same idempotency key
 * (channel facebook, the page id, the comment id), a citizen's comment a message, the page's reply
 * to a comment an own reply. Visitor posts (a post by someone else than the page) become messages
 * keyed by the post id, as the webhook's `item: post` is.
 */
import type { SourceEvent } from '../../../src/inquiries/inbound.js';
import type { ReadWindow } from '../../../src/catchup/model.js';
import type { Secret } from '../../../src/platform/secret.js';
import { commentUrl } from './feed.js';
import type { GraphClient, GraphPage } from './graph-client.js';
import { graphInstant, guardUsage, type GraphPerson } from './reconcile-support.js';

interface GraphComment {
  readonly id: string;
  readonly message?: string;
  readonly created_time?: string;
  readonly from?: GraphPerson;
  readonly parent?: { readonly id: string };
  readonly permalink_url?: string;
}

interface GraphPost {
  readonly id: string;
  readonly message?: string;
  readonly created_time?: string;
  readonly updated_time?: string;
  readonly from?: GraphPerson;
  readonly permalink_url?: string;
  readonly comments?: GraphPage<GraphComment>;
}

const COMMENT_FIELDS = 'id,message,created_time,from,parent,permalink_url';
export const FEED_FIELDS = `id,message,created_time,updated_time,from,permalink_url,comments.filter(stream).order(reverse_chronological).limit(100){${COMMENT_FIELDS}}`;

export async function readFeed(graph: GraphClient, pageId: string, token: Secret, window: ReadWindow, emit: (e: SourceEvent) => void): Promise<void> {
  for await (const page of graph.pages<GraphPost>(`${pageId}/feed`, { fields: FEED_FIELDS, since: Math.floor(window.since / 1000), limit: 25 }, token)) {
    guardUsage(page.usage);
    for (const post of page.body.data) {
      const visitor = postEvent(pageId, post, window);
      if (visitor) emit(visitor);
      let comments = post.comments?.data ?? [];
      // more than the first page, all of it in the window: read on, newest first, until older than the window
      if (post.comments?.paging?.next && comments.every((c) => (graphInstant(c.created_time) ?? 0) >= window.since)) {
        comments = [];
        for await (const more of graph.pages<GraphComment>(`${post.id}/comments`, { filter: 'stream', order: 'reverse_chronological', fields: COMMENT_FIELDS, limit: 100 }, token)) {
          guardUsage(more.usage);
          comments.push(...more.body.data);
          if (more.body.data.some((c) => (graphInstant(c.created_time) ?? 0) < window.since)) break;
        }
      }
      for (const c of comments) {
        const e = commentEvent(pageId, post, c, window);
        if (e) emit(e);
      }
    }
  }
}

function commentEvent(pageId: string, post: GraphPost, c: GraphComment, window: ReadWindow): SourceEvent | undefined {
  const at = graphInstant(c.created_time);
  if (at === undefined || at < window.since || at > window.until) return undefined;
  const raw = { graph_api: 'comment', post: { id: post.id, ...(post.permalink_url !== undefined && { permalink_url: post.permalink_url }) }, comment: c };
  const replyTo = c.parent?.id;
  if (c.from?.id === pageId) {
    if (replyTo === undefined) return undefined;
    return { kind: 'own_reply', reply: { source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: c.id, inReplyTo: replyTo, answeredAt: at, raw } };
  }
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: c.id,
      author: c.from?.id === undefined ? {} : { id: c.from.id, ...(c.from.name !== undefined && { name: c.from.name }) },
      text: c.message ?? '', url: commentUrl(c.id, post.permalink_url), receivedAt: at,
      ...(replyTo !== undefined && { inReplyTo: replyTo }), raw,
    },
  };
}

function postEvent(pageId: string, post: GraphPost, window: ReadWindow): SourceEvent | undefined {
  const at = graphInstant(post.created_time);
  if (post.from?.id === undefined || post.from.id === pageId || at === undefined || at < window.since || at > window.until) return undefined;
  return {
    kind: 'message',
    message: {
      source: 'meta', channel: 'facebook', accountExternalId: pageId, externalId: post.id,
      author: { id: post.from.id, ...(post.from.name !== undefined && { name: post.from.name }) },
      text: post.message ?? '', ...(post.permalink_url !== undefined && { url: post.permalink_url }), receivedAt: at,
      raw: { graph_api: 'post', post: withoutComments(post) },
    },
  };
}

/** Whether the app (META_APP_ID; without it: any app) is among the page's subscribed apps. */
export async function isSubscribed(graph: GraphClient, pageId: string, token: Secret, appId: string | undefined): Promise<boolean> {
  const r = await graph.get<{ data?: Array<{ id?: string }> }>(`${pageId}/subscribed_apps`, {}, token);
  guardUsage(r.usage);
  const apps = r.body.data ?? [];
  return appId === undefined ? apps.length > 0 : apps.some((a) => a.id === appId);
}

function withoutComments(post: GraphPost): Omit<GraphPost, 'comments'> {
  const { comments: _comments, ...rest } = post;
  return rest;
}
