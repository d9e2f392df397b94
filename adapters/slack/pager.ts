/**
 * The buttons that page a long list (App Home, and `lista` posted to the person alone): Föregående /
 * Nästa under each list that has more than one page. The value is the pages to show next
 * (chat-text's encodePages); the action id says the surface: `svarstid:page:home:next`,
 * `svarstid:page:list:previous`.
 */
import { encodePages, turnPage, type Language, type QueuePages, type QueueSection } from '../chat-text/index.js';
import { texts } from '../../src/texts/index.js';
import { versionedBlockId, type Block } from './blocks.js';

export type PagedSurface = 'home' | 'list';

export const PAGE_ACTION = /^svarstid:page:(home|list):(previous|next)$/;

export function pagerBlock(surface: PagedSurface, s: QueueSection, pages: QueuePages, lang: Language): Block | undefined {
  const t = texts(lang).pager;
  const buttons = [
    ...(s.page.page > 1 ? [{ dir: 'previous' as const, label: t.previous, target: turnPage(pages, s.list, -1) }] : []),
    ...(s.page.page < s.page.pages ? [{ dir: 'next' as const, label: t.next, target: turnPage(pages, s.list, +1) }] : []),
  ];
  if (buttons.length === 0) return undefined;
  return {
    type: 'actions',
    block_id: versionedBlockId(`svarstid:pager:${surface}:${s.list}`),
    elements: buttons.map((b) => ({ type: 'button' as const, action_id: `svarstid:page:${surface}:${b.dir}`, value: encodePages(b.target), text: { type: 'plain_text' as const, text: b.label } })),
  };
}

/** The surface a pager button belongs to; undefined when it is not one. */
export function pagedSurface(actionId: string): PagedSurface | undefined {
  return PAGE_ACTION.exec(actionId)?.[1] as PagedSurface | undefined;
}
