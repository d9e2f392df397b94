/**
 * What a newcomer sees with `npm start`: a blog comment posted through the signed generic webhook,
 * and the console adapter printing its reminders, in Swedish, at the right working times
 * (simulated clock, 5-minute ticks).
 */
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleNotifier } from '../../adapters/console/console-notifier.js';
import { genericRoutes } from '../../adapters/sources/generic/routes.js';
import { signGeneric } from '../../adapters/sources/generic/index.js';
import type { App } from '../../src/app.js';
import { hoforsApp } from '../support/hofors-app.js';
import { at } from '../support/calendar-builder.js';

describe('npm start with the console adapter', () => {
  let app: App;
  let now = at('2026-11-26T15:00');
  let printed = '';
  beforeAll(async () => {
    const out = new PassThrough();
    out.on('data', (c) => (printed += c));
    ({ app } = await hoforsApp({
      now: () => now,
      notifier: new ConsoleNotifier({ now: () => now, out }),
      sourceRoutes: (port) => genericRoutes({ secretFor: (s) => (s === 'hofors-blogg' ? 'hemligt' : undefined) }, port),
    }));
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const body = JSON.stringify({
      account: 'hofors-blogg', external_id: 'k-77', author: 'Karin Svensson',
      text: 'Hej! När plogas Storgatan? Ring mig på 070-123 45 67.', received_at: '2026-11-26T15:00:00+01:00', url: 'https://blogg.hofors.se/vinter#k-77',
    });
    const res = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/webhooks/generic`, {
      method: 'POST', body, headers: { 'content-type': 'application/json', ...signGeneric(body, 'hemligt', Math.floor(now / 1000), 'hofors-blogg') },
    });
    expect(res.status).toBe(200);
    for (; now <= at('2026-11-30T17:00'); now += 5 * 60_000) await app.tick(now);
  }, 60_000);
  afterAll(() => app.close());

  it('prints each reminder at its working time, to the right person', () => {
    // Thu 26 Nov 15:00 + 1 working day (Hofors Mon–Thu 08–12, 13–16:30; Fri 08–12, 13–15): 6 h of
    // Thursday had passed; Friday has only 6 h, so the deadline is Friday's close, 15:00. The window is
    // Thu 15:00–16:30 (1.5 h) + Friday (6 h) = 7.5 h; 50 % = 3 h 45 min → Fri 08:00 + 2 h 15 min = 10:15.
    // 1 h before 15:00 = 14:00; at 15:00 Maria and Erik (substitute); 2 h after: Mon 08:00 + 2 h = 10:00, Anna.
    const headers = printed.split('\n').filter((l) => l.startsWith('['));
    expect(headers.map((l) => l.replace(/, nyckel .*/, ''))).toEqual([
      '[2026-11-27 10:15] till Maria Ek (Webbredaktör)',
      '[2026-11-27 14:00] till Maria Ek (Webbredaktör)',
      expect.stringMatching(/^\[2026-11-27 15:00\] till (Maria Ek \(Webbredaktör\)|Erik Lind \(Kommunikatör\))$/),
      expect.stringMatching(/^\[2026-11-27 15:00\] till (Maria Ek \(Webbredaktör\)|Erik Lind \(Kommunikatör\))$/),
      '[2026-11-30 10:00] till Anna Berg (Informationssamordnare)',
    ]);
  });

  it('writes Swedish, with the citizen\'s words, the deadline and the personal-data warning', () => {
    expect(printed).toContain('En fråga väntar på svar');
    expect(printed).toContain('Svarstiden går snart ut');
    expect(printed).toContain('Fråga #1 till Kommunbloggen i bloggen');
    expect(printed).toContain('Hej! När plogas Storgatan?');
    expect(printed).toMatch(/Svara senast i dag kl\. 15:00 \(3 tim 45 min kvar i arbetstid\)/);
    expect(printed).toContain('OBS! Frågan innehåller personuppgifter (telefonnummer).');
    // the number itself never reaches the chat: it is replaced in the quoted text
    expect(printed).toContain('Ring mig på [telefonnummer borttaget].');
    expect(printed).not.toContain('070-123 45 67');
    expect(printed).toContain('Försenad: frågan är fortfarande obesvarad');
  });
});
