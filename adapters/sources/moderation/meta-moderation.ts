/**
 * Hide and remove through Meta's Graph API, with the account's page token (never in a URL or a log):
 *   Facebook comment   hide    POST /{comment-id} {is_hidden: true}      ("Hiding Comments"; pages_manage_engagement)
 *                      remove  DELETE /{comment-id}                      (pages_manage_engagement)
 *   visitor post       remove  DELETE /{post-id}                         (hiding is for comments only)
 *   Instagram comment  hide    POST /{ig-comment-id} {hide: true}        (instagram_manage_comments)
 *                      remove  DELETE /{ig-comment-id}                   (instagram_manage_comments)
 *   Messenger, Instagram Direct: neither (a private message cannot be hidden or deleted by the page).
 * The context, read before anything changes: the comment as Meta has it now, the post (or media) it
 * is under, and up to five comments before and after it under the same parent.
 */
import type { ArchiveContext, Capability, ModerationAction, ModerationResult, ModerationTarget } from '../../../src/moderation/ports.js';
import { isPlatformError, PlatformError } from '../../../src/platform/errors.js';
import type { Secret } from '../../../src/platform/secret.js';
import { metaRoute } from '../meta/answer-poster.js';
import type { GraphClient, GraphPage } from '../meta/graph-client.js';

const NEIGHBOURS = 5;
const FB_FIELDS = 'id,message,created_time,from,parent,permalink_url,is_hidden';
const IG_FIELDS = 'id,text,timestamp,username,from,parent_id,hidden,media';

/** A visitor's post on the page (its id is `<page-id>_<n>`), not a comment. */
const isPost = (t: ModerationTarget): boolean => t.externalId.startsWith(`${t.accountExternalId}_`);

/** The post a Facebook comment is under: the webhook's post_id, else from the comment id (`<post-part>_<n>`). */
function postOf(t: ModerationTarget): string {
  const raw = JSON.stringify(t.raw ?? {});
  const m = /"post_id":"([0-9_]+)"/.exec(raw);
  if (m) return m[1]!;
  return `${t.accountExternalId}_${t.externalId.split('_')[0]}`;
}

function around<T extends { id: string }>(list: readonly T[], id: string): T[] {
  const at = list.findIndex((c) => c.id === id);
  if (at < 0) return list.slice(-2 * NEIGHBOURS);
  return [...list.slice(Math.max(0, at - NEIGHBOURS), at), ...list.slice(at + 1, at + 1 + NEIGHBOURS)];
}

export function metaCapability(t: ModerationTarget, action: ModerationAction): Capability {
  const route = metaRoute(t);
  if (route === 'messenger' || route === 'instagram_dm') return { ok: false, code: 'private_message', message: 'a private message cannot be hidden or deleted by the page' };
  if (route === 'facebook_comment' && isPost(t) && action === 'hide') return { ok: false, code: 'not_hideable', message: 'Meta lets a page hide comments, not visitors\' posts' };
  return { ok: true, platform: true };
}

export class MetaModeration {
  constructor(
    private readonly graph: GraphClient,
    private readonly now: () => number,
  ) {}

  async context(t: ModerationTarget, token: Secret, now: number): Promise<ArchiveContext> {
    const parts: { message?: unknown; parent?: unknown; neighbours?: unknown[] } = {};
    try {
      if (metaRoute(t) === 'instagram_comment') {
        const c = (await this.graph.get<{ id: string; parent_id?: string; media?: { id: string } }>(t.externalId, { fields: IG_FIELDS }, token)).body;
        parts.message = c;
        if (c.media?.id) {
          parts.parent = (await this.graph.get<unknown>(c.media.id, { fields: 'id,caption,permalink,timestamp,username' }, token)).body;
          const edge = c.parent_id ? `${c.parent_id}/replies` : `${c.media.id}/comments`;
          parts.neighbours = around((await this.graph.get<GraphPage<{ id: string }>>(edge, { fields: 'id,text,timestamp,username' }, token)).body.data, t.externalId);
        }
      } else if (isPost(t)) {
        parts.message = (await this.graph.get<unknown>(t.externalId, { fields: 'id,message,created_time,from,permalink_url' }, token)).body;
      } else {
        const c = (await this.graph.get<{ id: string; parent?: { id: string } }>(t.externalId, { fields: FB_FIELDS }, token)).body;
        parts.message = c;
        const post = postOf(t);
        parts.parent = (await this.graph.get<unknown>(post, { fields: 'id,message,created_time,from,permalink_url' }, token)).body;
        const under = c.parent?.id ?? post;
        parts.neighbours = around((await this.graph.get<GraphPage<{ id: string }>>(`${under}/comments`, { fields: 'id,message,created_time,from', order: 'chronological', limit: 100 }, token)).body.data, t.externalId);
      }
      return { ...parts, fetchedAt: now };
    } catch (e) {
      if (!isPlatformError(e)) throw e;
      return { ...parts, error: e.code, fetchedAt: now };
    }
  }

  async apply(t: ModerationTarget, action: ModerationAction, token: Secret): Promise<ModerationResult> {
    const instagram = metaRoute(t) === 'instagram_comment';
    try {
      if (action === 'remove') {
        const r = await this.graph.delete<unknown>(t.externalId, token);
        return { at: this.now(), result: r.body, via: 'DELETE' };
      }
      const r = await this.graph.post<unknown>(t.externalId, instagram ? { hide: true } : { is_hidden: true }, token);
      return { at: this.now(), result: r.body, via: instagram ? 'hide' : 'is_hidden' };
    } catch (e) {
      // "(#100) This comment cannot be hidden": the page's own comment, or one on a visitor's post
      if (e instanceof PlatformError && e.code === 'invalid_request' && action === 'hide') throw new PlatformError('meta', 'not_allowed', 'Meta does not let the page hide this comment', e.detail);
      throw e;
    }
  }
}
