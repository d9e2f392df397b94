/**
 * runWeeklySummaries against a database: due at the policy's `summary.weekly_at` in the
 * organization's zone, sent once per organization and week even when several instances run, to
 * the active managers, with the chart; and the text as the bot prints it, in Swedish.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleNotifier } from '../../adapters/console/console-notifier.js';
import { renderNotification } from '../../adapters/chat-text/index.js';
import type { Database } from '../../src/db/connection.js';
import { runWeeklySummaries, type SummaryDeps } from '../../src/db/summary-store.js';
import { at } from '../support/calendar-builder.js';
import { DATABASES } from '../support/databases.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { NOW, seedHoforsFortnight, hoforsSummaryDeps } from '../fixtures/reports/hofors-week.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngSize = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

describe.each(DATABASES)('the weekly summary on $name', (target) => {
  let database: Database;
  let deps: (notifier: SummaryDeps['notifier'], worker: string) => SummaryDeps;
  beforeAll(async () => {
    database = await target.open();
    await seedHoforsFortnight(database);
    deps = hoforsSummaryDeps(database);
  }, 60_000);
  afterAll(() => database.close());

  it('is not due before Monday 08:00 in Stockholm (summary.weekly_at "monday 08:00")', async () => {
    const notifier = new MemoryNotifier(() => at('2026-05-18T07:59'));
    expect(await runWeeklySummaries(deps(notifier, 'a'), at('2026-05-18T07:59'))).toBe(0);
    expect(notifier.sent).toEqual([]);
  });

  it('is sent once for week 20 to the manager, even by two instances at the same moment', async () => {
    const one = new MemoryNotifier(() => NOW);
    const two = new MemoryNotifier(() => NOW);
    const counts = await Promise.all([runWeeklySummaries(deps(one, 'instance-1'), NOW), runWeeklySummaries(deps(two, 'instance-2'), NOW)]);
    expect(counts.sort()).toEqual([0, 1]);
    const sent = [...one.sent, ...two.sent];
    expect(sent.map((s) => [s.to.name, s.key])).toEqual([['Anna Berg', `summary:hofors:2026-W20:${sent[0]!.to.id}`]]);
    // later the same week: nothing more
    const later = new MemoryNotifier(() => at('2026-05-20T09:00'));
    expect(await runWeeklySummaries(deps(later, 'instance-3'), at('2026-05-20T09:00'))).toBe(0);

    const n = sent[0]!.notification;
    if (n.type !== 'weekly_summary') throw new Error(`expected a weekly summary, got ${n.type}`);
    expect(n.summary.report.period.label).toBe('2026-W20');
    const png = n.summary.chart!.png;
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 800, height: 400 });
    expect(n.summary.chart!.alt).toBe(
      'Linjediagram: andel frågor besvarade i tid per kanal, vecka för vecka, v.\u00a013 till v.\u00a020. ' +
        'Facebook: –, –, –, –, –, –, 0\u00a0%, 75\u00a0%. X: –, –, –, –, –, –, 100\u00a0%, 50\u00a0%.',
    );

    const m = renderNotification(n, NOW);
    expect(m.image).toMatchObject({ filename: 'svarstid-hofors-2026-W20.png', alt: n.summary.chart!.alt });
    expect(m.fallback.replaceAll('\u00a0', ' ')).toBe(SUMMARY_TEXT);
    // an organization (or a manager) with language: en reads the same figures in English
    const en = renderNotification({ ...n, language: 'en' }, NOW);
    expect(en.fallback.replaceAll('\u00a0', ' ')).toBe(SUMMARY_TEXT_EN);
  });

  it('the console prints it and writes the chart to a PNG file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-charts-'));
    const out = new PassThrough();
    let printed = '';
    out.on('data', (c) => (printed += String(c)));
    const notifier = new ConsoleNotifier({ now: () => at('2026-05-25T08:00'), out, imageDir: dir });
    expect(await runWeeklySummaries(deps(notifier, 'console'), at('2026-05-25T08:00'))).toBe(1);
    const file = join(dir, 'svarstid-hofors-2026-W21.png');
    expect([...readFileSync(file).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(printed).toContain('[2026-05-25 08:00] till Anna Berg (Informationssamordnare), nyckel summary:hofors:2026-W21:');
    expect(printed).toContain('  Veckosammanfattning för Hofors kommun, vecka 21 (18–24 maj 2026)');
    expect(printed).toContain(`  Bild: ${file} (Linjediagram: andel frågor besvarade i tid per kanal`);
  });
});

/** Week 20 of the fixture (tests/fixtures/reports/hofors-week.ts), read Mon 18 May 13:00. */
const SUMMARY_TEXT = `Veckosammanfattning för Hofors kommun, vecka 20 (11–17 maj 2026)
Inom parentes: vecka 19.
Totalt:
  inkomna 13 (3) · besvarade 9 (2) · i tid 60 % (50 %)
  svarstid i arbetstid: median 5 tim (7 tim 30 min) · 90:e percentilen 7 tim 42 min (12 tim 42 min)
  försenade nu 1 · skickade vidare 1 (0) · diarieförda 1 (0) · stängda 2 (1): personangrepp 1, reklam/spam 1
Hofors kommun (Facebook):
  inkomna 6 (2) · besvarade 4 (1) · i tid 75 % (0 %)
  svarstid i arbetstid: median 7 tim (14 tim) · 90:e percentilen 8 tim 12 min (14 tim)
  försenade nu 0 · skickade vidare 1 (0) · diarieförda 1 (0) · stängda 1 (1): personangrepp 1
@hoforskommun (X):
  inkomna 7 (1) · besvarade 5 (1) · i tid 50 % (100 %)
  svarstid i arbetstid: median 4 tim (1 tim) · 90:e percentilen 4 tim 48 min (1 tim)
  försenade nu 1 · skickade vidare 0 (0) · diarieförda 0 (0) · stängda 1 (0): reklam/spam 1
Inga frågor under någon av perioderna: Hofors kommun (Messenger), Kommunbloggen och Chatten på hofors.se.
Handläggare (hanterade, varav besvarade i tid):
  Maria Ek: 7 hanterade, 4 i tid (1 hanterade, 1 i tid)
  Erik Lind: 4 hanterade, 2 i tid (2 hanterade, 0 i tid)
Meddelanden till konton som inte finns i katalogen:
  X 1 (0)
Försenade frågor just nu (1):
  #6 till @hoforskommun på X, försenad med 5 tim arbetstid (svarstid fredag 15 maj kl. 14:00)
    https://example.test/X6
Diagrammet visar andelen besvarade i tid per kanal de senaste åtta veckorna.`;

/** The same week for an organization or manager with language: en. */
const SUMMARY_TEXT_EN = `Weekly summary for Hofors kommun, week 20 (11–17 May 2026)
In parentheses: week 19.
Total:
  received 13 (3) · answered 9 (2) · on time 60% (50%)
  working time to answer: median 5 h (7 h 30 min) · 90th percentile 7 h 42 min (12 h 42 min)
  overdue now 1 · forwarded 1 (0) · registered 1 (0) · closed 2 (1): personangrepp 1, reklam/spam 1
Hofors kommun (Facebook):
  received 6 (2) · answered 4 (1) · on time 75% (0%)
  working time to answer: median 7 h (14 h) · 90th percentile 8 h 12 min (14 h)
  overdue now 0 · forwarded 1 (0) · registered 1 (0) · closed 1 (1): personangrepp 1
@hoforskommun (X):
  received 7 (1) · answered 5 (1) · on time 50% (100%)
  working time to answer: median 4 h (1 h) · 90th percentile 4 h 48 min (1 h)
  overdue now 1 · forwarded 0 (0) · registered 0 (0) · closed 1 (0): reklam/spam 1
No questions in either period: Hofors kommun (Messenger), Kommunbloggen (the blog) and Chatten på hofors.se (the chat).
Officers (handled, of which answered on time):
  Maria Ek: 7 handled, 4 on time (1 handled, 1 on time)
  Erik Lind: 4 handled, 2 on time (2 handled, 0 on time)
Messages to accounts that are not in the directory:
  X 1 (0)
Overdue questions now (1):
  #6 to @hoforskommun on X, overdue by 5 h of working time (due Friday 15 May at 14:00)
    https://example.test/X6
The chart shows the share answered on time per channel over the last eight weeks.`;
