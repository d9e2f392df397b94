/**
 * Block Kit from chat-text's RenderedMessage: a header, the lines as mrkdwn sections (escaped, at
 * most 3,000 characters each), and the plain-text fallback Slack shows in notifications.
 * Slack's limits: header text 150, section text 3,000, message text 40,000, 50 blocks per message.
 */
import type { types } from '@slack/bolt';
import type { RenderedMessage } from '../chat-text/index.js';
import { cut, escapeMrkdwn } from './mrkdwn.js';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** the fallback: notifications, screen readers, clients without blocks */
  readonly text: string;
  readonly blocks: Block[];
}

const SECTION_LIMIT = 3000;
const TEXT_LIMIT = 4000;
export const MAX_MESSAGE_BLOCKS = 50;

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: cut(text.replace(/\s+/g, ' ').trim() || '–', 150), emoji: false } };
}

export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(mrkdwn, SECTION_LIMIT) } };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cut(mrkdwn, SECTION_LIMIT) }] };
}

/** Plain lines as escaped mrkdwn sections, several lines per section, none over the limit. */
export function lineSections(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let current = '';
  for (const raw of lines) {
    const line = cut(escapeMrkdwn(raw), SECTION_LIMIT);
    if (current !== '' && current.length + 1 + line.length > SECTION_LIMIT) {
      out.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') out.push(section(current));
  return out;
}

export function fallbackText(m: RenderedMessage): string {
  return cut(m.fallback, TEXT_LIMIT);
}

/** Any notification or reply without buttons: header and sections. */
export function messageBlocks(m: RenderedMessage): SlackMessage {
  const blocks = [header(m.title), ...lineSections(m.lines)];
  return { text: fallbackText(m), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}
