/**
 * Block Kit from chat-text's RenderedMessage: a header, the lines as mrkdwn sections (escaped, at
 * most 3,000 characters each), and the notification text, escaped the same way. Slack's limits
 * (tests/fakes/validate/slack.ts checks them all): header 150, section text 3,000, 50 blocks per
 * message, block_id 255 and new in each version of an updated message; message text: "limit … to
 * 4,000 characters" (chat.postMessage).
 *
 * The types are @slack/types' (through Bolt), so a builder that puts a wrong field in a block does
 * not compile.
 */
import { randomBytes } from 'node:crypto';
import type { types } from '@slack/bolt';
import type { RenderedMessage } from '../chat-text/index.js';
import { cut, escapeMrkdwn } from './mrkdwn.js';

/** The blocks svarstid builds (narrower than any block: each is checked against @slack/types in tests/adapters/slack/slack-types.ts). */
export type Block = types.SectionBlock | types.HeaderBlock | types.ContextBlock | types.ActionsBlock | types.DividerBlock;

/** A Home tab view of those blocks. */
export interface HomeTab {
  readonly type: 'home';
  readonly blocks: Block[];
}

/** A modal of those blocks and input blocks. */
export type Modal = Omit<types.ModalView, 'blocks'> & { readonly blocks: Array<Block | types.InputBlock> };

export interface SlackMessage {
  /** the notification text: push notifications, screen readers, clients without blocks (mrkdwn, escaped) */
  readonly text: string;
  readonly blocks: Block[];
}

export const SECTION_LIMIT = 3000;
export const TEXT_LIMIT = 4000;
export const HEADER_LIMIT = 150;
export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;

/**
 * A block_id for one version of a message: `prefix:` and a fresh nonce. Slack: "block_id should be
 * unique for each message and each iteration of a message. If a message is updated, use a new
 * block_id." (@slack/types blocks.d.ts). Readers take what they need from the prefix.
 */
export function versionedBlockId(prefix: string): string {
  return `${prefix}:${randomBytes(4).toString('hex')}`;
}

/**
 * Plain text escaped for mrkdwn, and at most `limit` characters after escaping: an entity
 * (`&amp;`) is never cut in half, and the cut is made in the text before escaping.
 */
export function escapedWithin(raw: string, limit: number): string {
  const length = (s: string): number => Array.from(s).length;
  const whole = escapeMrkdwn(raw);
  if (length(whole) <= limit) return whole;
  // the longest cut of the raw text whose escaped form fits (a binary search over its length)
  let lo = 1;
  let hi = length(raw) - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (length(escapeMrkdwn(cut(raw, mid))) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return escapeMrkdwn(cut(raw, lo));
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: cut(text.replace(/\s+/g, ' ').trim() || '–', HEADER_LIMIT), emoji: false } };
}

/** A section of mrkdwn the caller has escaped. */
export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: cut(mrkdwn, SECTION_LIMIT) } };
}

/** A context line of mrkdwn the caller has escaped. */
export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: cut(mrkdwn, SECTION_LIMIT) }] };
}

/** Plain lines as escaped mrkdwn sections, several lines per section, none over the limit. */
export function lineSections(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  let current = '';
  for (const raw of lines) {
    const line = escapedWithin(raw, SECTION_LIMIT);
    if (current !== '' && current.length + 1 + line.length > SECTION_LIMIT) {
      out.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') out.push(section(current));
  return out;
}

/**
 * The notification text: the rendered fallback escaped like the blocks (a citizen's `<!channel>`,
 * `<@U…>`, `<https://…|…>` and `&` must not reach a push notification as mrkdwn), within 4,000.
 */
export function fallbackText(m: RenderedMessage): string {
  return escapedWithin(m.fallback, TEXT_LIMIT);
}

/** Any notification or reply without buttons: header and sections. */
export function messageBlocks(m: RenderedMessage): SlackMessage {
  const blocks = [header(m.title), ...lineSections(m.lines)];
  return { text: fallbackText(m), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}
