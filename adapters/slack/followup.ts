/**
 * What happens after a command, button or modal has been acked: the message about the inquiry is
 * updated in place (who did what, the buttons left), the actor's App Home is refreshed, and a
 * refusal is shown to the person only (response_url when the request had one, else their DM).
 */
import type { ChatReply } from '../../src/chat/index.js';
import { FIRST_PAGES, type QueuePages } from '../chat-text/index.js';
import { homeView, refusalHome } from './home.js';
import { cardMessage } from './inquiry-blocks.js';
import { replyMessage } from './replies.js';
import { chatUser, type Workspace } from './workspace.js';
import type { SlackMessage } from './blocks.js';
import { summarizeError } from '../../src/log/summary.js';

/** Where the action came from: a DM message (channel + ts) and/or a response_url; none from App Home. */
export interface Origin {
  readonly channel?: string;
  readonly ts?: string;
  readonly responseUrl?: string;
}

/** Posts an ephemeral message to a response_url (slash commands, message buttons). */
export async function respondTo(url: string, message: SlackMessage & { replace_original?: boolean }): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', ...message }) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

export async function publishHome(ws: Workspace, slackUserId: string, notice?: string, pages: QueuePages = FIRST_PAGES): Promise<void> {
  const user = chatUser(ws, slackUserId);
  const person = await ws.runtime.chat.identify(user);
  const now = ws.runtime.now();
  const view = person ? homeView(await ws.runtime.chat.queue(person, now), now, notice, pages) : refusalHome(await ws.runtime.chat.unknownUser(user));
  await ws.api.views.publish({ user_id: slackUserId, view });
}

/** Shows `reply` to the person alone: via the response_url, else as a DM from the bot. */
export async function tell(ws: Workspace, slackUserId: string, reply: ChatReply, origin: Origin): Promise<void> {
  const message = replyMessage(reply, ws.runtime.now());
  if (origin.responseUrl) return respondTo(origin.responseUrl, { ...message, replace_original: false });
  const channel = origin.channel ?? (await ws.api.conversations.open({ users: slackUserId })).channel?.id;
  if (!channel) throw new Error(`no DM channel with ${slackUserId}`);
  await ws.api.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
}

/** After a button or modal: update the message in place and the Home tab, or explain the refusal. */
export async function afterAction(ws: Workspace, slackUserId: string, reply: ChatReply, origin: Origin): Promise<void> {
  if (reply.kind !== 'acted') {
    await tell(ws, slackUserId, reply, origin);
    return;
  }
  if (origin.channel && origin.ts) {
    const m = cardMessage(reply.text, reply.card, ws.runtime.now());
    await ws.api.chat.update({ channel: origin.channel, ts: origin.ts, text: m.text, blocks: m.blocks });
  }
  await publishHome(ws, slackUserId, reply.text);
}

/**
 * Runs a follow-up after the ack, logging instead of throwing (the request is already acked). It
 * first lets the event loop write the ack out: database work (PGlite runs on this thread) would
 * otherwise hold the HTTP answer back.
 */
export async function safely(ws: Workspace, what: string, work: () => Promise<void>): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  try {
    await work();
  } catch (e) {
    ws.logger.error({ error: summarizeError(e), what }, 'Slack: follow-up failed');
  }
}
