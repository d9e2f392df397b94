/**
 * The App Home tab: the person's own queue and the team's unclaimed inquiries, nearest deadline first
 * (the order the chat service gives), each with its buttons. A person not in the directory sees the
 * polite refusal instead. Slack allows 100 blocks in a Home view: each list shows at most 20.
 */
import type { types } from '@slack/bolt';
import { actionsFor, type QueueView } from '../../src/chat/index.js';
import type { InquiryState } from '../../src/inquiries/model.js';
import type { InquirySummary } from '../../src/reminders/model.js';
import { digestLine, formatDateTime, type Language } from '../chat-text/index.js';
import { renderQueue } from '../chat-text/replies.js';
import { context, header, section, type Block } from './blocks.js';
import { actionsBlock } from './inquiry-blocks.js';
import { LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

const PER_LIST = 20;

function items(list: readonly InquirySummary[], lang: Language): Block[] {
  const out: Block[] = [];
  for (const i of list.slice(0, PER_LIST)) {
    out.push(section(escapeMrkdwn(digestLine(i, lang, true))));
    const actions = actionsBlock(i.id, actionsFor({ state: i.state as InquiryState, registered: i.registered ?? false }), lang);
    if (actions) out.push(actions);
  }
  if (list.length > PER_LIST) out.push(context(escapeMrkdwn(LABELS[lang].homeMore(list.length - PER_LIST))));
  return out;
}

/** The Home view; `notice` is what the person just did ("#42 – Erik Lind tog frågan."). */
export function homeView(q: QueueView, now: number, notice?: string): types.HomeView {
  const lang = q.language;
  const t = LABELS[lang];
  // the list's own words (counts, "Du har inga öppna frågor.") come from chat-text
  const [mineHead = '', ...rest] = renderQueue(q).lines;
  const unclaimedHead = rest[q.mine.length] ?? '';
  const blocks: Block[] = [
    ...(notice ? [section(`*${escapeMrkdwn(notice)}*`)] : []),
    header(t.homeMine),
    section(escapeMrkdwn(mineHead)),
    ...items(q.mine, lang),
    { type: 'divider' },
    header(t.homeUnclaimed),
    section(escapeMrkdwn(unclaimedHead)),
    ...items(q.unclaimed, lang),
    context(escapeMrkdwn(`${t.homeUpdated} ${formatDateTime(now, q.timezone, now, lang)}`)),
  ];
  return { type: 'home', blocks };
}

/** What an unknown Slack user sees on the Home tab. */
export function refusalHome(reply: { readonly text: string }): types.HomeView {
  return { type: 'home', blocks: [header('svarstid'), section(escapeMrkdwn(reply.text))] };
}
