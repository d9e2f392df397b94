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
 *
 * A message with a picture (the weekly summary's chart) has it written as a PNG file into
 * `imageDir` (the data directory's `charts/` in `npm start`), and the block ends with where it is:
 * "Bild: data/charts/svarstid-hofors-2026-W20.png (Linjediagram: …)". Without `imageDir` the
 * block says only what the picture shows.
 *
 * With `file` (what `npm start` gives: <data dir>/console/messages.txt), the whole block — the
 * citizen's words, name and link, as a chat platform would show them to the officer — goes to that
 * file (mode 0600 in a 0700 directory) and the output gets one line that names no citizen:
 * "[2026-11-24 09:15] till Anna Berg (…), nyckel reminder:7:3: Svarstiden går snart ut → data/console/messages.txt".
 * The output is the process's log stream, and logs never hold citizens' data.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { join } from 'node:path';
import type { ChatNotifier, Notification, Person } from '../../src/reminders/model.js';
import { NotifyError } from '../../src/reminders/model.js';
import { formatTimestamp, renderNotification } from '../chat-text/index.js';
import { oneLine } from '../chat-text/excerpt.js';

export interface ConsoleNotifierOptions {
  readonly now: () => number;
  /** where blocks are written; process.stdout by default */
  readonly out?: NodeJS.WritableStream;
  /** where pictures (the weekly chart) are written as PNG files; unset: they are only described */
  readonly imageDir?: string;
  /** where whole blocks are appended; the output then gets a line without citizens' data */
  readonly file?: string;
}

const INDENT = '  ';

/** "till Anna Berg (Informationssamordnare)" / "to Anna Berg (…)" */
function recipient(to: Person, language: 'sv' | 'en'): string {
  const title = to.title === null ? '' : oneLine(to.title);
  return `${language === 'en' ? 'to' : 'till'} ${oneLine(to.name)}${title ? ` (${title})` : ''}`;
}

/** The block printed for one notification, ending with an empty line. */
export function consoleBlock(to: Person, n: Notification, key: string, now: number, imagePath?: string): string {
  const m = renderNotification(n, now);
  const header = `[${formatTimestamp(now, n.timezone)}] ${recipient(to, n.language)}, ${n.language === 'en' ? 'key' : 'nyckel'} ${key}`;
  const image = m.image ? [`${n.language === 'en' ? 'Image' : 'Bild'}: ${imagePath ? `${imagePath} ` : ''}(${m.image.alt})`] : [];
  const body = [m.title, ...m.lines, ...image].flatMap((l) => l.split('\n')).map((l) => `${INDENT}${l}`);
  return `${[header, ...body].join('\n')}\n\n`;
}

export class ConsoleNotifier implements ChatNotifier {
  private readonly now: () => number;
  private readonly out: NodeJS.WritableStream;
  private readonly imageDir: string | undefined;
  private readonly file: string | undefined;

  constructor(options: ConsoleNotifierOptions) {
    this.now = options.now;
    this.out = options.out ?? process.stdout;
    this.imageDir = options.imageDir;
    this.file = options.file;
  }

  /** Writes the message's picture, if any, as a PNG file; returns its path. */
  private async saveImage(notification: Notification, now: number): Promise<string | undefined> {
    const image = this.imageDir ? renderNotification(notification, now).image : undefined;
    if (!image || !this.imageDir) return undefined;
    const path = join(this.imageDir, image.filename);
    try {
      await mkdir(this.imageDir, { recursive: true });
      await writeFile(path, image.png);
    } catch (e) {
      throw new NotifyError(`console image could not be written to ${path}: ${(e as Error).message}`);
    }
    return path;
  }

  /** Resolves once the block is handed to the stream; a stream error becomes a NotifyError (retried). */
  async send(to: Person, notification: Notification, key: string): Promise<void> {
    const now = this.now();
    const block = consoleBlock(to, notification, key, now, await this.saveImage(notification, now));
    let line = block;
    if (this.file) {
      try {
        await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
        await appendFile(this.file, block, { mode: 0o600 });
      } catch (e) {
        throw new NotifyError(`console messages could not be written to ${this.file}: ${(e as { code?: string }).code ?? 'error'}`);
      }
      line = `${block.split('\n')[0]}: ${oneLine(renderNotification(notification, now).title)} → ${this.file}\n`;
    }
    return new Promise((resolve, reject) => {
      this.out.write(line, (err?: Error | null) => (err ? reject(new NotifyError(`console output failed: ${err.message}`)) : resolve()));
    });
  }
}
