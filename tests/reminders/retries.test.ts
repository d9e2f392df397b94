/** Failed sends: retried with backoff without blocking others; after repeated failure the manager is told. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { hoforsApp } from '../support/hofors-app.js';
import { pino } from 'pino';
import { contextLoader } from '../../src/db/context-store.js';
import { backoff, MAX_ATTEMPTS, runTick } from '../../src/reminders/tick.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { at, local } from '../support/calendar-builder.js';

describe('when the chat platform fails', () => {
  let app: App;
  let now = at('2026-11-23T08:00');
  const notifier = new MemoryNotifier(() => now);
  let person: Record<string, number> = {};
  beforeAll(async () => {
    ({ app, person } = await hoforsApp({ now: () => now, notifier }));
    // two tweets at 08:00 (4 working hours → 12:00): Maria's heads-up at 10:00 for both
    for (const id of ['t1', 't2']) {
      await app.ingest.ingest([{ kind: 'message', message: { source: 'x', channel: 'x', accountExternalId: '1400000000000000001', externalId: id, author: { name: 'K' }, text: 'Hej?', receivedAt: now, raw: {} } }]);
    }
  });
  afterAll(() => app.close());

  it('backs off 30 s, 1, 2, 4, 8 min, capped at 30 min, or longer when the platform says Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((a) => backoff(a) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1800]);
    expect(backoff(1, 90_000)).toBe(90_000);
  });

  it('retries a failing delivery, and after the last attempt tells the manager, once', async () => {
    notifier.failNext.set(person['maria.ek']!, 100); // Maria's chat account is broken
    now = at('2026-11-23T10:00');
    const first = await app.tick(now);
    expect(first).toMatchObject({ claimed: 2, sent: 0, retried: 2 });
    // simulated time: tick every minute for an hour
    for (let m = 1; m <= 60; m++) await app.tick((now = at('2026-11-23T10:00') + m * 60_000));
    const rows = (await app.reminders.byInquiry(1)).filter((r) => r.kind === 'share:50');
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const notices = notifier.sent.filter((s) => s.notification.type === 'delivery_failed');
    expect(notices.map((s) => [s.to.name, (s.notification as { inquiry: { id: number } }).inquiry.id])).toEqual([
      ['Anna Berg', 1],
      ['Anna Berg', 2],
    ]);
    // attempts at 10:00, 10:01 (30 s backoff, next tick), 10:02 (+1 min), 10:04 (+2), 10:08 (+4),
    // 10:16 (+8): the sixth fails, and the notice planned then goes out at the next tick
    expect(local(notices[0]!.at)).toBe('2026-11-23T10:17+01:00');
  });

  it('delivers once the platform recovers, without sending twice', async () => {
    notifier.failNext.set(person['maria.ek']!, 0);
    notifier.failNext.set(person['erik.lind']!, 2);
    // from 11:00, 1 h before the 12:00 deadline: due-soon to Maria
    for (let m = 0; m <= 70; m++) await app.tick((now = at('2026-11-23T11:00') + m * 60_000));
    const dueSoon = notifier.sent.filter((s) => s.notification.type === 'reminder' && s.notification.moment === 'due_soon');
    expect(dueSoon.map((s) => s.to.name)).toEqual(['Maria Ek', 'Maria Ek']);
    const deadline = notifier.sent.filter((s) => s.notification.type === 'reminder' && s.notification.moment === 'deadline');
    // at 12:00: Maria (assignee) at once; Erik's (substitute) two sends fail at 12:00 (the two failures
    // we asked for), are retried after 30 s, i.e. at the 12:01 tick, and succeed
    expect(deadline.map((s) => `${local(s.at)} ${s.to.name}`).sort()).toEqual([
      '2026-11-23T12:00+01:00 Maria Ek', '2026-11-23T12:00+01:00 Maria Ek',
      '2026-11-23T12:01+01:00 Erik Lind', '2026-11-23T12:01+01:00 Erik Lind',
    ]);
    const keys = notifier.sent.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('when sending a batch takes nearly as long as its lease', () => {
  it('stops sending before the lease ends and leaves the rest to be claimed again, so nothing goes out twice', async () => {
    let now = at('2026-11-23T08:00');
    let real = 0; // the real clock, advanced by each send
    const sent: string[] = [];
    const notifier = {
      send: async (_to: unknown, _n: unknown, key: string) => {
        sent.push(key);
        real += 60_000; // every send takes a minute of real time
      },
    };
    const { app } = await hoforsApp({ now: () => now, notifier });
    try {
      for (const id of ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8']) {
        await app.ingest.ingest([{ kind: 'message', message: { source: 'x', channel: 'x', accountExternalId: '1400000000000000001', externalId: id, author: { name: 'K' }, text: 'Hej?', receivedAt: now, raw: {} } }]);
      }
      now = at('2026-11-23T10:00'); // the eight heads-ups are due
      const result = await runTick({ queue: app.reminders, contexts: () => contextLoader(app.database.db, app.policies, now), notifier, worker: 'slow', logger: pino({ level: 'silent' }), concurrency: 1, clock: () => real }, now);
      // a 5-minute lease less 30 s: sends start at real 0, 1, 2, 3 and 4 min; at 4.5 min it stops
      expect(result.sent).toBe(5);
      expect(sent).toHaveLength(5);
      expect((await app.reminders.countByStatus()).sent).toBe(5);
    } finally {
      await app.close();
    }
  });
});
