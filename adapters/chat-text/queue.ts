/**
 * A person's queue (`lista`, Slack's App Home) page by page: their own inquiries and the ones nobody
 * has taken, QUEUE_PAGE_SIZE of each at a time, so that a message stays within the platforms' limits
 * (Slack: 50 blocks in a message, 100 on Home; Teams: about 100 KB) however long the lists get.
 */
import type { QueueView } from '../../src/chat/types.js';
import type { InquirySummary } from '../../src/reminders/model.js';
import { texts } from '../../src/texts/index.js';
import type { Language } from './message.js';

export const QUEUE_PAGE_SIZE = 20;

/** Which page (1-based) of each list is shown. */
export interface QueuePages {
  readonly mine: number;
  readonly unclaimed: number;
}

export const FIRST_PAGES: QueuePages = { mine: 1, unclaimed: 1 };

export interface Page<T> {
  readonly items: readonly T[];
  /** 1-based, clamped to the pages there are */
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

export function pageOf<T>(list: readonly T[], page: number, size = QUEUE_PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(1, Number.isSafeInteger(page) ? page : 1), pages);
  return { items: list.slice((p - 1) * size, p * size), page: p, pages, total: list.length };
}

export interface QueueSection {
  readonly list: keyof QueuePages;
  /** "Dina frågor" (a header) */
  readonly title: string;
  /** "Dina frågor (45):" or "Du har inga obesvarade frågor." */
  readonly heading: string;
  readonly page: Page<InquirySummary>;
  /** "Visar 21–40 av 45." when there is more than one page */
  readonly showing?: string;
}

function section(list: keyof QueuePages, items: readonly InquirySummary[], page: number, lang: Language): QueueSection {
  const t = texts(lang);
  const p = pageOf(items, page);
  const [title, heading] = list === 'mine' ? [t.queue.mine, items.length ? t.queue.mineCount(items.length) : t.queue.noneMine] : [t.queue.unclaimed, items.length ? t.queue.unclaimedCount(items.length) : t.queue.noneUnclaimed];
  const from = (p.page - 1) * QUEUE_PAGE_SIZE + 1;
  return { list, title, heading, page: p, ...(p.pages > 1 && { showing: t.pager.showing(from, from + p.items.length - 1, p.total) }) };
}

/** The two lists of a queue at the given pages. */
export function queueSections(q: QueueView, pages: QueuePages = FIRST_PAGES): readonly [QueueSection, QueueSection] {
  return [section('mine', q.mine, pages.mine, q.language), section('unclaimed', q.unclaimed, pages.unclaimed, q.language)];
}

/** The pages to show when `list` moves by `step` (±1) from `pages`. */
export function turnPage(pages: QueuePages, list: keyof QueuePages, step: number): QueuePages {
  return { ...pages, [list]: Math.max(1, pages[list] + step) };
}

/** "mine=2;unclaimed=1" (a button's value), and back; anything unreadable is the first pages. */
export function encodePages(p: QueuePages): string {
  return `mine=${p.mine};unclaimed=${p.unclaimed}`;
}

export function decodePages(value: unknown): QueuePages {
  const m = typeof value === 'string' ? /^mine=(\d{1,6});unclaimed=(\d{1,6})$/.exec(value) : null;
  return m ? { mine: Math.max(1, Number(m[1])), unclaimed: Math.max(1, Number(m[2])) } : FIRST_PAGES;
}
