/** The console chat adapter: one readable block per notification on the injected stream. */
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleNotifier } from '../../../adapters/console/console-notifier.js';
import { NotifyError } from '../../../src/reminders/model.js';
import { at } from '../../support/calendar-builder.js';
import { digest, person, reminder } from '../chat-text/builders.js';

function capture() {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { out, text: () => chunks.join('') };
}

const now = at('2026-11-24T12:15');

describe('the console notifier', () => {
  afterEach(() => vi.restoreAllMocks());

  describe('when it sends a reminder', () => {
    it('prints a header with time, recipient and key, then the rendered text indented', async () => {
      const { out, text } = capture();
      await new ConsoleNotifier({ out, now: () => now }).send(person(), reminder(), 'reminder:7:3');
      expect(text()).toBe([
        '[2026-11-24 12:15] till Anna Berg (Informationssamordnare), nyckel reminder:7:3',
        '  En fråga väntar på svar',
        '  Fråga #42 till Hofors kommun på Facebook',
        '  Länk: https://www.facebook.com/hoforskommun/posts/1?comment_id=42',
        '  Från: Karin Svensson, i går kl. 14:30',
        '  ”När töms soporna på Storgatan?”',
        '  Svara senast i dag kl. 14:30 (2 tim 15 min kvar i arbetstid).',
        '',
        '',
      ].join('\n'));
    });
  });

  describe('when it has a file for the messages (npm start)', () => {
    it('appends the whole block to the file (0600) and prints one line that names no citizen', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'svarstid-console-'));
      try {
        const file = join(dir, 'console', 'messages.txt');
        const { out, text } = capture();
        const notifier = new ConsoleNotifier({ out, now: () => now, file });
        await notifier.send(person(), reminder(), 'reminder:7:3');
        await notifier.send(person(), reminder(), 'reminder:7:4');
        expect(text()).toBe(
          `[2026-11-24 12:15] till Anna Berg (Informationssamordnare), nyckel reminder:7:3: En fråga väntar på svar → ${file}\n` +
            `[2026-11-24 12:15] till Anna Berg (Informationssamordnare), nyckel reminder:7:4: En fråga väntar på svar → ${file}\n`,
        );
        expect(text()).not.toMatch(/Karin|Storgatan|facebook\.com/);
        const written = readFileSync(file, 'utf8');
        expect(written).toContain('  Från: Karin Svensson, i går kl. 14:30');
        expect(written.match(/nyckel reminder:7:/g)).toHaveLength(2);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when it sends several notifications', () => {
    it('prints one block each, in order, separated by an empty line', async () => {
      const { out, text } = capture();
      let clock = now;
      const notifier = new ConsoleNotifier({ out, now: () => clock });
      await notifier.send(person({ name: 'Erik Lind', title: null }), digest(), 'digest:2026-11-25:2');
      clock = at('2026-11-24T12:16');
      await notifier.send(person({ name: 'Erik Lind', title: null }), digest({ language: 'en' }), 'digest:2026-11-25:2:en');
      expect(text()).toBe([
        '[2026-11-24 12:15] till Erik Lind, nyckel digest:2026-11-25:2',
        '  Dina obesvarade frågor, onsdag 25 november',
        '  Du har inga obesvarade frågor.',
        '',
        '[2026-11-24 12:16] to Erik Lind, key digest:2026-11-25:2:en',
        '  Your unanswered questions, Wednesday 25 November',
        '  You have no unanswered questions.',
        '',
        '',
      ].join('\n'));
    });
  });

  describe('when the notification is in another time zone', () => {
    it('prints the header time in that zone', async () => {
      const { out, text } = capture();
      await new ConsoleNotifier({ out, now: () => now }).send(person(), digest({ timezone: 'Europe/Helsinki' }), 'k');
      expect(text().split('\n')[0]).toBe('[2026-11-24 13:15] till Anna Berg (Informationssamordnare), nyckel k');
    });
  });

  describe('when it renders', () => {
    it('reads no clock but the injected one', async () => {
      const { out } = capture();
      const dateNow = vi.spyOn(Date, 'now');
      const injected = vi.fn(() => now);
      await new ConsoleNotifier({ out, now: injected }).send(person(), reminder(), 'k');
      expect(injected).toHaveBeenCalledTimes(1);
      expect(dateNow).not.toHaveBeenCalled();
    });
  });

  describe('when the stream fails', () => {
    it('rejects with a NotifyError, so the tick retries', async () => {
      const broken = new Writable({ write: (_chunk, _enc, done) => done(new Error('EPIPE')) });
      broken.on('error', () => {});
      const sent = new ConsoleNotifier({ out: broken, now: () => now }).send(person(), reminder(), 'k');
      await expect(sent).rejects.toThrow(NotifyError);
      await expect(sent).rejects.toThrow('console output failed: EPIPE');
    });
  });
});
