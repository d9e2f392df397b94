/** Notifications fan out to the chat adapters that can reach the person; nobody reachable fails at once and the manager hears. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import type { ChatAdapter } from '../../src/chat/index.js';
import { FanoutNotifier } from '../../src/chat/index.js';
import { NotifyError, type Person } from '../../src/reminders/model.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { person, reminder } from '../adapters/chat-text/builders.js';
import { at, local } from '../support/calendar-builder.js';

const adapter = (platform: ChatAdapter['platform'], notifier: MemoryNotifier, reaches: (p: Person) => boolean): ChatAdapter => ({ platform, routes: [], notifier, reaches });

describe('the fan-out notifier', () => {
  const slack = new MemoryNotifier(() => 0);
  const teams = new MemoryNotifier(() => 0);
  const fanout = new FanoutNotifier([adapter('slack', slack, (p) => p.slackUserId !== null), adapter('teams', teams, (p) => p.teamsUserId !== null)]);

  it('sends to each platform the person has an identity on, with a key per platform', async () => {
    await fanout.send(person({ slackUserId: 'U1', teamsUserId: '29:1' }), reminder(), 'reminder:7:3');
    await fanout.send(person({ slackUserId: 'U1' }), reminder(), 'reminder:8:3');
    expect(slack.sent.map((s) => s.key)).toEqual(['reminder:7:3:slack', 'reminder:8:3:slack']);
    expect(teams.sent.map((s) => s.key)).toEqual(['reminder:7:3:teams']);
  });

  it('fails permanently, naming the platforms, when the person has no identity on any', async () => {
    const e = await fanout.send(person({ name: 'Olle Ny' }), reminder(), 'k').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotifyError);
    expect(e).toMatchObject({ permanent: true, message: 'Olle Ny has no identity on any configured chat platform (slack, teams); add it to the directory' });
  });
});

describe('when the tick meets a person no chat platform can reach', () => {
  let app: App;
  let now = at('2026-11-23T08:00');
  const slack = new MemoryNotifier(() => now);
  beforeAll(async () => {
    // Slack only; Maria Ek (responsible for X) is not in Slack in this directory: her reminders fail at once
    app = await createApp({
      database: { memory: true }, clock: { now: () => now }, logger: pino({ level: 'silent' }), apiToken: 't', sourceRoutes: () => [],
      chatAdapters: () => [adapter('slack', slack, (p) => p.slackUserId !== null && p.name !== 'Maria Ek')],
    });
    const admin = { directory: app.directory, policies: app.policies, now: () => now };
    await applyPolicyFile(admin, 'policies/hofors.yaml');
    await applyDirectoryFile(admin, 'directory/hofors.yaml');
    await app.ingest.ingest([{ kind: 'message', message: { source: 'x', channel: 'x', accountExternalId: '1400000000000000001', externalId: 't1', author: { name: 'K' }, text: 'Hej?', receivedAt: now, raw: {} } }]);
  });
  afterAll(() => app.close());

  it('marks the reminder failed on the first attempt and tells the manager at the next tick', async () => {
    // 4 working hours from 08:00: the heads-up (50 %) to Maria at 10:00
    expect(await app.tick((now = at('2026-11-23T10:00')))).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    await app.tick((now = at('2026-11-23T10:01')));
    expect(slack.sent.map((s) => [local(s.at), s.to.name, s.notification.type])).toEqual([['2026-11-23T10:01+01:00', 'Anna Berg', 'delivery_failed']]);
    expect(slack.sent[0]!.notification).toMatchObject({ intendedName: 'Maria Ek' });
  });
});
