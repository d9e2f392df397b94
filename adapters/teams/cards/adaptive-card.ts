/**
 * Adaptive Cards (schema 1.5, the most Teams renders for bot-sent cards) from the shared text
 * renderers' output. The lines are plain text and a citizen's words may hold Markdown (`*`, `_`,
 * `[x](y)`), so every line is a RichTextBlock of TextRuns, which Adaptive Cards never read as
 * Markdown; nothing needs escaping. Every card the bot sends is checked in the tests with
 * Microsoft's own SDK and against Teams' message size (tests/fakes/validate).
 */
import { CardFactory, type Attachment } from 'botbuilder';
import type { RenderedMessage } from '../../chat-text/index.js';

export const CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;

const isWebUrl = (url: string): boolean => /^https?:\/\/\S+$/i.test(url);

function run(text: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: 'TextRun', text, ...extra };
}

/** The title, bold, then one block per line; a line ending in `link` opens it. */
export function textBlocks(r: RenderedMessage, link?: string | null): CardElement[] {
  const title = { type: 'RichTextBlock', inlines: [run(r.title, { weight: 'Bolder', size: 'Medium' })] };
  const lines = r.lines.map((line) => {
    const url = link?.trim();
    if (url && isWebUrl(url) && line.endsWith(url)) {
      const label = line.slice(0, line.length - url.length);
      return { type: 'RichTextBlock', inlines: [...(label ? [run(label)] : []), run(url, { selectAction: { type: 'Action.OpenUrl', url } })] };
    }
    return { type: 'RichTextBlock', inlines: [run(line)] };
  });
  return [title, ...lines];
}

/** A quieter line under the content (what to do with a reminder). */
export function hintBlock(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'Small' };
}

/** The card itself (also what an adaptiveCard/action invoke answers with). */
export function cardContent(body: CardElement[], actions: CardElement[], fallback: string): CardElement {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText: fallback,
    msteams: { width: 'Full' },
    body,
    ...(actions.length > 0 && { actions }),
  };
}

/** An Adaptive Card attachment; `fallback` is what clients without cards (and notifications) show. */
export function cardAttachment(body: CardElement[], actions: CardElement[], fallback: string): Attachment {
  return CardFactory.adaptiveCard(cardContent(body, actions, fallback));
}

/** A message without buttons: the status, a digest, a notice. */
export function messageCard(r: RenderedMessage): Attachment {
  return cardAttachment(textBlocks(r), [], r.fallback);
}
