/**
 * The chat service's reply to a slash command, as the ephemeral message posted to response_url:
 * the reply rendered by chat-text, the first line in bold (refusals can be long, so no header). The
 * queue (`lista`) comes a page at a time, with Föregående / Nästa under a list that has more.
 */
import type { ChatReply } from '../../src/chat/index.js';
import { digestLine, FIRST_PAGES, queueSections, renderQueue, type QueuePages } from '../chat-text/index.js';
import { renderReply } from '../chat-text/replies.js';
import { fallbackText, lineSections, MAX_MESSAGE_BLOCKS, section, type Block, type SlackMessage } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { pagerBlock } from './pager.js';

export function replyMessage(reply: ChatReply, now: number, pages: QueuePages = FIRST_PAGES): SlackMessage {
  if (reply.kind === 'queue') {
    const m = renderQueue(reply.queue, pages);
    const blocks: Block[] = [section(`*${escapeMrkdwn(m.title)}*`)];
    for (const s of queueSections(reply.queue, pages)) {
      blocks.push(...lineSections([s.heading, ...s.page.items.map((i) => `• ${digestLine(i, reply.language, true)}`), ...(s.showing ? [s.showing] : [])]));
      const pager = pagerBlock('list', s, pages, reply.language);
      if (pager) blocks.push(pager);
    }
    return { text: fallbackText(m), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
  }
  const m = renderReply(reply, now);
  const title = reply.kind === 'refused' ? `:no_entry_sign: ${escapeMrkdwn(m.title)}` : `*${escapeMrkdwn(m.title)}*`;
  return { text: fallbackText(m), blocks: [section(title), ...lineSections(m.lines)].slice(0, MAX_MESSAGE_BLOCKS) };
}
