/**
 * Answers through the X API v2 with the account's OAuth 1.0a user context:
 *   a post  POST /2/tweets {text, reply: {in_reply_to_tweet_id}}
 *   a DM    POST /2/dm_conversations/with/{participant_id}/messages {text}
 * X's self-serve rule (since 2026-02-23): a reply is allowed only where the author summoned the
 * account (mentioned it, or replied to it); otherwise 403, reported as not_allowed. Before a retry the
 * account's own recent posts (GET /2/users/{id}/tweets) or the DM conversation are searched.
 */
import type { AnswerTarget, PostedAnswer } from '../../../src/answers/ports.js';
import type { XAuth, XClient } from './x-client.js';

export const isXDm = (t: AnswerTarget): boolean => t.url === null;

const postUrl = (id: string): string => `https://x.com/i/web/status/${id}`;

export class XAnswerPoster {
  constructor(
    private readonly x: XClient,
    private readonly now: () => number,
  ) {}

  async post(t: AnswerTarget, text: string, auth: XAuth): Promise<PostedAnswer> {
    if (isXDm(t)) {
      const r = await this.x.post<{ data: { dm_event_id: string; dm_conversation_id: string } }>(`/2/dm_conversations/with/${t.authorId}/messages`, { text }, auth);
      return { replyId: r.body.data.dm_event_id, url: null, at: this.now(), via: 'dm' };
    }
    const r = await this.x.post<{ data: { id: string } }>('/2/tweets', { text, reply: { in_reply_to_tweet_id: t.externalId } }, auth);
    return { replyId: r.body.data.id, url: postUrl(r.body.data.id), at: this.now(), via: 'post' };
  }

  async find(t: AnswerTarget, text: string, since: number, auth: XAuth): Promise<PostedAnswer | undefined> {
    const same = (s: string | undefined) => (s ?? '').trim() === text.trim();
    if (isXDm(t)) {
      const r = await this.x.get<{ data?: Array<{ id: string; text?: string; sender_id?: string; created_at?: string }> }>(`/2/dm_conversations/with/${t.authorId}/dm_events`, { 'dm_event.fields': 'id,text,sender_id,created_at', max_results: 50 }, auth);
      const hit = (r.body.data ?? []).find((d) => same(d.text) && d.sender_id === t.accountExternalId);
      return hit ? { replyId: hit.id, url: null, at: Date.parse(hit.created_at ?? '') || this.now(), via: 'dm' } : undefined;
    }
    const r = await this.x.get<{ data?: Array<{ id: string; text?: string; created_at?: string; referenced_tweets?: Array<{ type: string; id: string }> }> }>(
      `/2/users/${t.accountExternalId}/tweets`,
      { 'tweet.fields': 'created_at,referenced_tweets', start_time: new Date(since - 60_000).toISOString(), max_results: 100 },
      auth,
    );
    const hit = (r.body.data ?? []).find((p) => same(p.text) && (p.referenced_tweets ?? []).some((x) => x.type === 'replied_to' && x.id === t.externalId));
    return hit ? { replyId: hit.id, url: postUrl(hit.id), at: Date.parse(hit.created_at ?? '') || this.now(), via: 'post' } : undefined;
  }
}
