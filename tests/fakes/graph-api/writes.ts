/**
 * The fake's write endpoints (what svarstid's actions use), with Meta's documented rules:
 *   POST /{comment-id|post-id}/comments {message}   reply to a comment / comment on a post → {id}
 *   POST /{comment-id} {is_hidden}                  hide or unhide → {success: true}; not a comment by
 *                                                   the page, nor one on a visitor's post ("Hiding Comments")
 *   DELETE /{comment-id|post-id|ig-comment-id}      → {success: true}
 *   POST /{page-id|me}/messages {recipient, messaging_type, tag?, message}   Send API (Messenger and
 *                                                   Instagram) → {recipient_id, message_id}; 24 h after the
 *                                                   citizen's last message, or 7 days with HUMAN_AGENT when
 *                                                   the page has it; text at most 2000 characters
 *   POST /{ig-comment-id}/replies {message}          → {id}
 *   POST /{ig-comment-id}?hide=true|false            → {success: true}
 * Comment length limits are not documented by Meta; the fake uses 8,000 characters for Facebook
 * comments and 2,200 for Instagram (the caption limit), so tests can exercise the refusal.
 */
import { GRAPH_ERRORS } from './errors.js';
import type { GraphState } from './state.js';
import type { Answer, GraphRequest } from './types.js';

const DAY = 24 * 3600_000;
const ok = (body: unknown): Answer => ({ status: 200, body });
const refuse = (body: unknown): Answer => ({ status: 400, body });
const tooLong = (field: string, max: number): Answer => refuse({ error: { message: `(#100) Length of param ${field} must be less than or equal to ${max}`, type: 'OAuthException', code: 100, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } });

/** Permissions each write needs; a page whose `permissions` set is empty has them all. */
function lacks(s: GraphState, pageId: string, permission: string): Answer | undefined {
  const p = s.pages.get(pageId)!;
  return p.permissions.size > 0 && !p.permissions.has(permission) ? refuse(GRAPH_ERRORS.permission) : undefined;
}

function send(s: GraphState, r: GraphRequest, pageId: string): Answer {
  const page = s.pages.get(pageId)!;
  const recipient = String(r.body.recipient?.id ?? '');
  const text = r.body.message?.text;
  if (typeof text !== 'string' || text === '') return refuse({ error: { message: '(#100) The parameter message is required', type: 'OAuthException', code: 100, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } });
  if (text.length > 2000) return tooLong('message[text]', 2000);
  const conversation = [...s.conversations.values()].find((c) => c.pageId === pageId && c.participant.id === recipient);
  if (!conversation || s.unreachable.has(recipient)) return refuse(GRAPH_ERRORS.personUnavailable);
  const denied = lacks(s, pageId, conversation.platform === 'instagram' ? 'instagram_manage_messages' : 'pages_messaging');
  if (denied) return denied;
  const lastFromCitizen = Math.max(-Infinity, ...conversation.messages.filter((m) => m.from.id === recipient).map((m) => m.createdTime));
  const age = r.now - lastFromCitizen;
  const type = String(r.body.messaging_type ?? 'RESPONSE');
  const humanAgent = type === 'MESSAGE_TAG' && r.body.tag === 'HUMAN_AGENT';
  if (humanAgent && !page.humanAgent) return refuse(GRAPH_ERRORS.permission);
  if (age > (humanAgent ? 7 * DAY : DAY)) return refuse(GRAPH_ERRORS.outsideWindow);
  const m = s.addMessage(pageId, conversation.platform, conversation.participant, text, r.now, true, { messagingType: type, ...(humanAgent && { tag: 'HUMAN_AGENT' }) });
  return ok({ recipient_id: recipient, message_id: m.id });
}

export function write(s: GraphState, r: GraphRequest): Answer | undefined {
  const [id, edge] = r.segments as [string, string | undefined];
  if (r.method === 'POST' && edge === 'messages' && (s.pages.has(id) || id === 'me')) return send(s, r, id === 'me' ? r.pageId : id);
  if (r.method === 'POST' && edge === 'comments' && (s.posts.has(id) || s.comments.has(id))) {
    const target = s.comments.get(id) ?? s.posts.get(id)!;
    if (target.deleted) return refuse(GRAPH_ERRORS.notFound(id));
    const denied = lacks(s, r.pageId, 'pages_manage_engagement');
    if (denied) return denied;
    const message = r.body.message;
    if (typeof message !== 'string' || message.trim() === '') return refuse({ error: { message: '(#100) Missing message or attachment', type: 'OAuthException', code: 100, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } });
    if (message.length > 8000) return tooLong('message', 8000);
    const page = s.pages.get(r.pageId)!;
    return ok({ id: s.addComment(id, { id: page.id, name: page.name }, message, r.now).id });
  }
  if (r.method === 'POST' && edge === undefined && s.comments.has(id) && 'is_hidden' in r.body) {
    const c = s.comments.get(id)!;
    const post = s.posts.get(c.postId)!;
    if (c.deleted) return refuse(GRAPH_ERRORS.notFound(id));
    const denied = lacks(s, r.pageId, 'pages_manage_engagement');
    if (denied) return denied;
    if (c.from.id === post.pageId || post.from.id !== post.pageId) return refuse(GRAPH_ERRORS.cannotHide);
    c.isHidden = r.body.is_hidden === true || r.body.is_hidden === 'true';
    return ok({ success: true });
  }
  if (r.method === 'DELETE' && edge === undefined) {
    const target = s.comments.get(id) ?? s.posts.get(id) ?? s.igComments.get(id);
    if (!target || target.deleted) return refuse(GRAPH_ERRORS.notFound(id));
    const denied = lacks(s, r.pageId, s.igComments.has(id) ? 'instagram_manage_comments' : 'pages_manage_engagement');
    if (denied) return denied;
    target.deleted = true;
    return ok({ success: true });
  }
  if (r.method === 'POST' && edge === 'replies' && s.igComments.has(id)) {
    const c = s.igComments.get(id)!;
    if (c.deleted) return refuse(GRAPH_ERRORS.notFound(id));
    const denied = lacks(s, r.pageId, 'instagram_manage_comments');
    if (denied) return denied;
    const message = r.body.message ?? r.query.get('message');
    if (typeof message !== 'string' || message.trim() === '') return refuse({ error: { message: '(#100) The parameter message is required', type: 'IGApiException', code: 100, fbtrace_id: 'AXS25JPViBb5AY5tP5EzTnD' } });
    if (message.length > 2200) return tooLong('message', 2200);
    const page = s.pages.get(r.pageId)!;
    return ok({ id: s.addIgComment(c.mediaId, { id: page.igUserId ?? page.id, username: page.name }, message, r.now, id).id });
  }
  if (r.method === 'POST' && edge === undefined && s.igComments.has(id) && (r.query.has('hide') || 'hide' in r.body)) {
    const c = s.igComments.get(id)!;
    if (c.deleted) return refuse(GRAPH_ERRORS.notFound(id));
    const denied = lacks(s, r.pageId, 'instagram_manage_comments');
    if (denied) return denied;
    const hide = String(r.body.hide ?? r.query.get('hide'));
    c.hidden = hide === 'true';
    return ok({ success: true });
  }
  return undefined;
}
