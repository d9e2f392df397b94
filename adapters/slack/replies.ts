/**
 * The chat service's reply to a slash command, as the ephemeral message posted to response_url:
 * the reply rendered by chat-text, the first line in bold (refusals can be long, so no header).
 */
import type { ChatReply } from '../../src/chat/index.js';
import { renderReply } from '../chat-text/replies.js';
import { fallbackText, lineSections, section, type SlackMessage } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

export function replyMessage(reply: ChatReply, now: number): SlackMessage {
  const m = renderReply(reply, now);
  const title = reply.kind === 'refused' ? `:no_entry_sign: ${escapeMrkdwn(m.title)}` : `*${escapeMrkdwn(m.title)}*`;
  return { text: fallbackText(m), blocks: [section(title), ...lineSections(m.lines)].slice(0, 50) };
}
