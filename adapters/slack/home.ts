/**
 * The App Home tab: the person's own queue and the team's unclaimed inquiries, nearest deadline first
 * (the order the chat service gives), each with its buttons, QUEUE_PAGE_SIZE per list with
 * Föregående / Nästa (Slack allows 100 blocks in a Home view: 2 × 20 inquiries of two blocks each,
 * headers and pagers stay under it). A person not in the directory sees the polite refusal instead.
 */
import { actionsFor, type QueueView } from '../../src/chat/index.js';
import type { InquiryState } from '../../src/inquiries/model.js';
import { texts } from '../../src/texts/index.js';
import { digestLine, FIRST_PAGES, formatDateTime, queueSections, type QueuePages, type QueueSection } from '../chat-text/index.js';
import { context, header, MAX_VIEW_BLOCKS, section, type Block, type HomeTab } from './blocks.js';
import { actionsBlock } from './inquiry-blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { pagerBlock } from './pager.js';

function list(s: QueueSection, pages: QueuePages, q: QueueView): Block[] {
  const lang = q.language;
  const out: Block[] = [header(s.title), section(escapeMrkdwn(s.heading))];
  for (const i of s.page.items) {
    out.push(section(escapeMrkdwn(digestLine(i, lang, true))));
    const actions = actionsBlock(i.id, actionsFor({ state: i.state as InquiryState, registered: i.registered ?? false, answer: i.answer, moderation: i.moderation }), lang);
    if (actions) out.push(actions);
  }
  if (s.showing) out.push(context(escapeMrkdwn(s.showing)));
  const pager = pagerBlock('home', s, pages, lang);
  return pager ? [...out, pager] : out;
}

/** The Home view at `pages`; `notice` is what the person just did ("#42 – Erik Lind tog frågan."). */
export function homeView(q: QueueView, now: number, notice?: string, pages: QueuePages = FIRST_PAGES): HomeTab {
  const [mine, unclaimed] = queueSections(q, pages);
  const blocks: Block[] = [
    ...(notice ? [section(`*${escapeMrkdwn(notice)}*`)] : []),
    ...list(mine, pages, q),
    { type: 'divider' },
    ...list(unclaimed, pages, q),
    context(escapeMrkdwn(texts(q.language).queue.updated(formatDateTime(now, q.timezone, now, q.language)))),
  ];
  return { type: 'home', blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}

/** What an unknown Slack user sees on the Home tab. */
export function refusalHome(reply: { readonly text: string }): HomeTab {
  return { type: 'home', blocks: [header('svarstid'), section(escapeMrkdwn(reply.text))] };
}
