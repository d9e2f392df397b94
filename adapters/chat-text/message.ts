/**
 * The rendered form of a notification, shared by the Slack, Teams and console adapters: a title,
 * the body as separate lines (so Block Kit and Adaptive Cards can lay them out), and the same text
 * as plain text (Slack's notification `text`, Teams' summary, the console).
 *
 * Lines are plain text: no Slack mrkdwn, no Markdown. A platform adapter escapes them for its own
 * format (a citizen's text may contain `<!channel>`, `*` or `_`).
 */

/** The language of all text the bot writes (policy `language`): one definition, the commands'. */
export type { Language } from '../../src/commands/types.js';

export interface RenderedMessage {
  title: string;
  lines: string[];
  /** title and lines, one per line */
  fallback: string;
  /** a picture that belongs to the message (the weekly summary's chart): Slack uploads it, Teams shows it in the card */
  image?: MessageImage;
}

export interface MessageImage {
  /** PNG bytes */
  png: Uint8Array;
  /** alt text (Swedish by default): what the picture shows, for screen readers and clients without images */
  alt: string;
  /** a file name for the upload, e.g. "svarstid-vecka-2026-W47.png" */
  filename: string;
}

export function rendered(title: string, lines: readonly (string | undefined)[]): RenderedMessage {
  const body = lines.filter((l): l is string => l !== undefined);
  return { title, lines: body, fallback: [title, ...body].join('\n') };
}
