/**
 * Answers through Meta's Graph API, with the account's page token (never in a URL or a log):
 *   Facebook comment (or a visitor's post)  POST /{comment-id|post-id}/comments {message}
 *   Messenger                               POST /{page-id}/messages {recipient: {id: PSID}, messaging_type, message}
 *   Instagram comment                       POST /{ig-comment-id}/replies {message}
 *   Instagram direct message                POST /me/messages (the page the token belongs to; Meta's
 *                                           Instagram Messaging: "POST /{PAGE-ID}/messages" with the
 *                                           Page linked to the Instagram account)
 * The messaging window (Messenger Platform policy): RESPONSE within 24 hours of the citizen's last
 * message; after that the HUMAN_AGENT tag, within 7 days, where the page has the feature (Meta answers
 * a page without it with a permission error: that is reported as window_closed/human_agent_unavailable);
 * after 7 days nothing is sent (window_closed).
 */
import type { AnswerRoute, AnswerTarget, PostedAnswer } from '../../../src/answers/ports.js';
import { PlatformError } from '../../../src/platform/errors.js';
import type { Secret } from '../../../src/platform/secret.js';
import type { GraphClient, GraphPage } from './graph-client.js';

const HOUR = 3_600_000;
export const STANDARD_WINDOW_MS = 24 * HOUR;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR;

const object = (raw: unknown): string | undefined => (typeof raw === 'object' && raw !== null && typeof (raw as { object?: unknown }).object === 'string' ? (raw as { object: string }).object : undefined);
const hasMessaging = (raw: unknown): boolean => JSON.stringify((raw as { entry?: unknown })?.entry ?? []).includes('"messaging"') || JSON.stringify((raw as { entry?: unknown })?.entry ?? []).includes('"standby"');

export function metaRoute(t: AnswerTarget): AnswerRoute {
  if (t.channel === 'facebook') return 'facebook_comment';
  if (t.channel === 'instagram') return hasMessaging(t.raw) ? 'instagram_dm' : 'instagram_comment';
  return object(t.raw) === 'instagram' ? 'instagram_dm' : 'messenger';
}

const commentUrl = (t: AnswerTarget, id: string): string | null => {
  if (!t.url) return null;
  try {
    const u = new URL(t.url);
    u.searchParams.set('comment_id', id.includes('_') ? id.split('_').pop()! : id);
    return u.toString();
  } catch {
    return null;
  }
};

interface GraphComment {
  readonly id: string;
  readonly message?: string;
  readonly from?: { readonly id?: string };
  readonly text?: string;
  readonly created_time?: string;
  readonly timestamp?: string;
}

export class MetaAnswerPoster {
  constructor(
    private readonly graph: GraphClient,
    private readonly now: () => number,
  ) {}

  async post(t: AnswerTarget, text: string, token: Secret, at: number): Promise<PostedAnswer> {
    const route = metaRoute(t);
    switch (route) {
      case 'facebook_comment': {
        const r = await this.graph.post<{ id: string }>(`${t.externalId}/comments`, { message: text }, token);
        return { replyId: r.body.id, url: commentUrl(t, r.body.id), at: this.now(), via: 'comment' };
      }
      case 'instagram_comment': {
        const r = await this.graph.post<{ id: string }>(`${t.externalId}/replies`, { message: text }, token);
        return { replyId: r.body.id, url: null, at: this.now(), via: 'reply' };
      }
      default:
        return this.send(t, text, token, at, route === 'instagram_dm' ? 'me' : t.accountExternalId);
    }
  }

  private async send(t: AnswerTarget, text: string, token: Secret, at: number, sender: string): Promise<PostedAnswer> {
    if (!t.authorId) throw new PlatformError('meta', 'recipient_unavailable', `inquiry ${t.id} has no sender to answer`);
    const age = at - t.receivedAt;
    if (age > HUMAN_AGENT_WINDOW_MS) throw new PlatformError('meta', 'window_closed', `the citizen's last message is more than 7 days old`);
    const humanAgent = age > STANDARD_WINDOW_MS;
    const body = { recipient: { id: t.authorId }, messaging_type: humanAgent ? 'MESSAGE_TAG' : 'RESPONSE', ...(humanAgent && { tag: 'HUMAN_AGENT' }), message: { text } };
    try {
      const r = await this.graph.post<{ message_id: string }>(`${sender}/messages`, body, token);
      return { replyId: r.body.message_id, url: null, at: this.now(), via: humanAgent ? 'HUMAN_AGENT' : 'RESPONSE' };
    } catch (e) {
      // Meta refuses HUMAN_AGENT from a page without the feature with a permission error (#10 / 200)
      if (humanAgent && e instanceof PlatformError && e.code === 'permission') {
        throw new PlatformError('meta', 'window_closed', 'the page may not use the HUMAN_AGENT tag', { ...e.detail, platformCode: 'human_agent_unavailable' });
      }
      throw e;
    }
  }

  /** The page's reply with this text, when one exists (looked up before a retry). */
  async find(t: AnswerTarget, text: string, since: number, token: Secret, pageId: string): Promise<PostedAnswer | undefined> {
    const route = metaRoute(t);
    const same = (s: string | undefined) => (s ?? '').trim() === text.trim();
    if (route === 'facebook_comment' || route === 'instagram_comment') {
      const edge = route === 'facebook_comment' ? 'comments' : 'replies';
      for await (const page of this.graph.pages<GraphComment>(`${t.externalId}/${edge}`, { fields: 'id,message,text,from,created_time,timestamp', order: 'reverse_chronological' }, token, 5)) {
        const hit = page.body.data.find((c) => same(c.message ?? c.text) && (route === 'instagram_comment' || c.from?.id === pageId));
        if (hit) return { replyId: hit.id, url: route === 'facebook_comment' ? commentUrl(t, hit.id) : null, at: Date.parse(hit.created_time ?? hit.timestamp ?? '') || this.now(), via: route === 'facebook_comment' ? 'comment' : 'reply' };
      }
      return undefined;
    }
    if (!t.authorId) return undefined;
    const platform = route === 'instagram_dm' ? 'instagram' : 'messenger';
    const conversations = await this.graph.get<GraphPage<{ id: string; participants?: { data: Array<{ id: string }> } }>>(`${route === 'instagram_dm' ? 'me' : t.accountExternalId}/conversations`, { platform, user_id: t.authorId, fields: 'id,participants' }, token);
    for (const c of conversations.body.data.filter((x) => !x.participants || x.participants.data.some((p) => p.id === t.authorId))) {
      const messages = await this.graph.get<GraphPage<{ id: string; message?: string; from?: { id?: string }; created_time?: string }>>(`${c.id}/messages`, { fields: 'id,message,from,created_time' }, token);
      const hit = messages.body.data.find((m) => same(m.message) && m.from?.id !== t.authorId && (Date.parse(m.created_time ?? '') || Infinity) >= since - 60_000);
      if (hit) return { replyId: hit.id, url: null, at: Date.parse(hit.created_time ?? '') || this.now(), via: 'message' };
    }
    return undefined;
  }
}
