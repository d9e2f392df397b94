/**
 * The console chat adapter: the local default when no Slack or Teams credentials are configured. It
 * prints what the bot would send, one block per notification:
 *
 *   [2026-11-24 09:15] till Anna Berg (Informationssamordnare), nyckel reminder:7:3
 *     Svarstiden går snart ut
 *     Fråga #42 till Hofors kommun på Facebook
 *     …
 *
 * followed by an empty line. The time is `now()` in the notification's zone; nothing else reads a clock.
 */
import type { ChatNotifier, Notification, Person } from '../../src/reminders/model.js';
import { NotifyError } from '../../src/reminders/model.js';
import { formatTimestamp, renderNotification } from '../chat-text/index.js';
import { oneLine } from '../chat-text/excerpt.js';

export interface ConsoleNotifierOptions {
  readonly now: () => number;
  /** where blocks are written; process.stdout by default */
  readonly out?: NodeJS.WritableStream;
}

const INDENT = '  ';

/** "till Anna Berg (Informationssamordnare)" / "to Anna Berg (…)" */
function recipient(to: Person, language: 'sv' | 'en'): string {
  const title = to.title === null ? '' : oneLine(to.title);
  return `${language === 'en' ? 'to' : 'till'} ${oneLine(to.name)}${title ? ` (${title})` : ''}`;
}

/** The block printed for one notification, ending with an empty line. */
export function consoleBlock(to: Person, n: Notification, key: string, now: number): string {
  const m = renderNotification(n, now);
  const header = `[${formatTimestamp(now, n.timezone)}] ${recipient(to, n.language)}, ${n.language === 'en' ? 'key' : 'nyckel'} ${key}`;
  const body = [m.title, ...m.lines].flatMap((l) => l.split('\n')).map((l) => `${INDENT}${l}`);
  return `${[header, ...body].join('\n')}\n\n`;
}

export class ConsoleNotifier implements ChatNotifier {
  private readonly now: () => number;
  private readonly out: NodeJS.WritableStream;

  constructor(options: ConsoleNotifierOptions) {
    this.now = options.now;
    this.out = options.out ?? process.stdout;
  }

  /** Resolves once the block is handed to the stream; a stream error becomes a NotifyError (retried). */
  send(to: Person, notification: Notification, key: string): Promise<void> {
    const block = consoleBlock(to, notification, key, this.now());
    return new Promise((resolve, reject) => {
      this.out.write(block, (err?: Error | null) => (err ? reject(new NotifyError(`console output failed: ${err.message}`)) : resolve()));
    });
  }
}
