/**
 * The chat service Slack and Teams share, on the Hofors policy and directory (directory/hofors.yaml:
 * Anna Berg manager U01HOF0001, Erik Lind U01HOF0002 responsible for Facebook, Maria Ek U01HOF0003
 * substitute), on PGlite and on the real PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { applyDirectoryFile, applyPolicyFile } from '../../src/admin/apply.js';
import { createApp, type App } from '../../src/app.js';
import type { ChatReply, ChatUser } from '../../src/chat/index.js';
import { MemoryNotifier } from '../fakes/memory-notifier.js';
import { at } from '../support/calendar-builder.js';
import { message } from '../support/inquiry-builder.js';
import { TARGETS } from '../support/app-harness.js';

const slack = (id: string, orgId = 'hofors'): ChatUser => ({ platform: 'slack', id, orgId });
const ANNA = slack('U01HOF0001');
const ERIK = slack('U01HOF0002');
const MARIA = slack('U01HOF0003');

function expectKind<K extends ChatReply['kind']>(r: ChatReply, kind: K): Extract<ChatReply, { kind: K }> {
  expect(r.kind, JSON.stringify(r)).toBe(kind);
  return r as Extract<ChatReply, { kind: K }>;
}

for (const target of TARGETS) {
  describe(`the chat service (${target.name})`, () => {
    let app: App;
    let notifier: MemoryNotifier;
    let drop: (() => Promise<void>) | undefined;
    let now = at('2026-11-23T10:30');
    let id: number;
    let n = 0;
    /** a new Facebook comment, received Mon 23 Nov 10:00 unless said otherwise; returns its inquiry id */
    const fresh = async (receivedAt = at('2026-11-23T10:00')): Promise<number> => {
      const externalId = `c-${++n}`;
      await app.ingest.ingest([{ kind: 'message', message: message({ externalId, receivedAt, text: 'När töms soporna? Ring mig på 070-123 45 67' }) }]);
      return (await app.inquiries.findByExternalId('facebook', '104000000000001', externalId))!.id;
    };

    // one app per database; every test works on inquiries of its own
    beforeAll(async () => {
      const t = await target.target();
      drop = t.drop;
      notifier = new MemoryNotifier(() => now);
      app = await createApp({ database: t.target, clock: { now: () => now }, logger: pino({ level: 'silent' }), apiToken: 't', sourceRoutes: () => [], notifier });
      const admin = { directory: app.directory, policies: app.policies, now: () => now };
      await applyPolicyFile(admin, 'policies/hofors.yaml');
      await applyDirectoryFile(admin, 'directory/hofors.yaml');
    });
    beforeEach(async () => {
      now = at('2026-11-23T10:30');
      notifier.sent.length = 0;
      id = await fresh();
    });
    afterAll(async () => {
      await app.close();
      await drop?.();
    });

    describe('when someone not in the directory writes', () => {
      it('refuses politely in Swedish and changes nothing', async () => {
        const r = expectKind(await app.chat.handleText(slack('U99STRANGER'), `ta ${id}`, now), 'refused');
        expect(r.code).toBe('unknown_user');
        expect(r.text).toBe('Hej! Jag hittar dig inte bland Hofors kommuns handläggare i svarstid, så du kan inte hantera frågor här ännu. Be Anna Berg (Informationssamordnare) lägga till dig i katalogen.');
        expect((await app.inquiries.get(id))!.state).toBe('open');
      });

      it('names the organization in its own words, its managers from the directory, never "kommunens" for a region', async () => {
        await applyPolicyFile({ directory: app.directory, policies: app.policies, now: () => now }, 'policies/region-gotland.yaml');
        await applyDirectoryFile({ directory: app.directory, policies: app.policies, now: () => now }, 'directory/region-gotland.yaml');
        const r = expectKind(await app.chat.handleText(slack('U99STRANGER', 'region-gotland'), 'lista', now), 'refused');
        expect(r.text).toBe('Hej! Jag hittar dig inte bland Region Gotlands handläggare i svarstid, så du kan inte hantera frågor här ännu. Be Ingrid Larsson (Kommunikationsdirektör) lägga till dig i katalogen.');
        expect(r.text).not.toMatch(/kommunens|informationssamordnare/);
      });

      it('does not take a Hofors user id as someone in another workspace', async () => {
        expect(await app.chat.identify(slack('U01HOF0002', 'nassjo'))).toBeUndefined();
        expect((await app.chat.identify(ERIK))?.name).toBe('Erik Lind');
      });
    });

    describe('when Erik claims the inquiry', () => {
      it('is his, with an event naming him, and the card offers what is left', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, `ta #${id}`, now), 'acted');
        expect(r.text).toBe(`#${id} – Erik Lind tog frågan.`);
        expect(r.card.summary.assigneeName).toBe('Erik Lind');
        expect(r.card.actions).toEqual(['forward', 'done', 'close', 'register']);
        // the citizen's phone number does not travel to the chat platform
        expect(r.card.summary.text).toContain('[telefonnummer borttaget]');
        const events = await app.inquiries.events(id);
        expect(events.at(-1)).toMatchObject({ type: 'claimed', actor: `person:${(await app.chat.identify(ERIK))!.id}` });
      });

      it('in English the same command reads "claim"', async () => {
        expectKind(await app.chat.handleText(ERIK, `claim ${id}`, now), 'acted');
        expect((await app.inquiries.get(id))!.state).toBe('claimed');
      });

      it('Maria cannot claim it too, and is told who has it', async () => {
        await app.chat.handleText(ERIK, `ta ${id}`, now);
        const r = expectKind(await app.chat.handleText(MARIA, `ta ${id}`, now), 'refused');
        expect(r).toMatchObject({ code: 'already_claimed', text: `Fråga #${id} har redan tagits av Erik Lind.` });
      });

      it('claiming twice says it is already his', async () => {
        await app.chat.handleText(ERIK, `ta ${id}`, now);
        expect(expectKind(await app.chat.handleText(ERIK, `ta ${id}`, now), 'refused').code).toBe('already_yours');
      });
    });

    describe('when Erik forwards it to Maria with a reason', () => {
      it('is Maria\'s, and Maria hears at once with the reason', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, `skicka ${id} @maria.ek hon kan sophämtning`, now), 'acted');
        expect(r.text).toBe(`#${id} – Erik Lind skickade frågan vidare till Maria Ek: hon kan sophämtning`);
        expect(r.card.actions).toEqual(['claim', 'forward', 'done', 'close', 'register']);
        const told = notifier.sent.filter((s) => s.to.name === 'Maria Ek');
        expect(told).toHaveLength(1);
        expect(told[0]!.notification).toMatchObject({ type: 'reminder', moment: 'forwarded', forwardedBy: { name: 'Erik Lind', reason: 'hon kan sophämtning' } });
        // the row remembers it was forwarded, for the reports (which then need not join the events)
        const row = await app.database.db.query.inquiries.findFirst({ where: (t, { eq }) => eq(t.id, id) });
        expect(row?.forwarded).toBe(true);
      });

      it('a Slack mention finds her as well', async () => {
        expectKind(await app.chat.handleText(ERIK, `forward ${id} <@U01HOF0003|maria>`, now), 'acted');
        expect((await app.inquiries.get(id))!.state).toBe('forwarded');
      });

      it('a name nobody has is explained, and nothing changes', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, `skicka ${id} @olle`, now), 'refused');
        expect(r).toMatchObject({ code: 'unknown_person' });
        expect(r.text).toBe('Jag hittar ingen ”olle” i katalogen. Nämn personen med @ eller skriv hela namnet.');
        expect((await app.inquiries.get(id))!.state).toBe('open');
      });
    });

    describe('when the inquiry is answered, closed or registered', () => {
      it('"klar" marks it answered, and then it cannot be closed', async () => {
        expect(expectKind(await app.chat.handleText(ERIK, `klar ${id}`, now), 'acted').card.actions).toEqual(['register']);
        const r = expectKind(await app.chat.handleText(ERIK, `stäng ${id} spam`, now), 'refused');
        expect(r).toMatchObject({ code: 'illegal_transition', text: `Fråga #${id} är redan besvarad, så den kan inte stängas.` });
      });

      it('"stäng" records the reason and the actor', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, `stäng ${id} spam köp klockor`, now), 'acted');
        expect(r.text).toBe(`#${id} – Erik Lind stängde frågan (reklam/spam): köp klockor`);
        const i = (await app.inquiries.get(id))!;
        expect(i).toMatchObject({ state: 'closed', closeReason: 'reklam/spam', removed: true });
        expect((await app.inquiries.events(id)).at(-1)).toMatchObject({ type: 'closed', data: { reason: 'reklam/spam', note: 'köp klockor' } });
      });

      it('"diarieför" records the case number; a second time is refused', async () => {
        expect(expectKind(await app.chat.handleText(ANNA, `diarieför ${id} KS 2026/123`, now), 'acted').text).toBe(`#${id} – Anna Berg diarieförde frågan som KS 2026/123.`);
        expect(expectKind(await app.chat.handleText(ANNA, `register ${id}`, now), 'refused').text).toBe(`Fråga #${id} är redan diarieförd (KS 2026/123).`);
      });

      it('an id that does not exist is explained', async () => {
        expect(expectKind(await app.chat.handleText(ERIK, 'ta 999999', now), 'refused')).toMatchObject({ code: 'not_found', text: 'Det finns ingen fråga #999999. Skriv /svarstid lista för att se dina frågor.' });
      });

      it('a command that is not understood gets the parser\'s Swedish explanation', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, 'stang', now), 'refused');
        expect(r.code).toBe('parse_error');
        expect(r.text).toBe('Ange vilken fråga, till exempel /svarstid stäng 42 spam.');
      });
    });

    describe('queues and the status', () => {
      it('"lista" shows Erik his unclaimed Facebook inquiries as his, nearest deadline first', async () => {
        const earlier = await fresh(at('2026-11-23T09:00'));
        const ids = (q: readonly { id: number }[]) => q.map((i) => i.id).filter((x) => x === id || x === earlier);
        const r = expectKind(await app.chat.handleText(ERIK, 'lista', now), 'queue');
        expect(ids(r.queue.mine)).toEqual([earlier, id]);
        expect(ids(r.queue.unclaimed)).toEqual([]);
        const maria = expectKind(await app.chat.handleText(MARIA, 'list', now), 'queue');
        expect(ids(maria.queue.mine)).toEqual([]);
        expect(ids(maria.queue.unclaimed)).toEqual([earlier, id]);
        // once Maria takes one, it is hers and no longer unclaimed
        await app.chat.handleText(MARIA, `ta ${earlier}`, now);
        const after = expectKind(await app.chat.handleText(MARIA, 'list', now), 'queue');
        expect([ids(after.queue.mine), ids(after.queue.unclaimed)]).toEqual([[earlier], [id]]);
      });

      it('"sammanfattning" is for managers; Anna sees what is overdue by working time', async () => {
        expect(expectKind(await app.chat.handleText(ERIK, 'sammanfattning', now), 'refused').code).toBe('not_allowed');
        const active = (await app.inquiries.list({ orgId: 'hofors' })).filter((i) => i.state === 'open' || i.state === 'claimed' || i.state === 'forwarded');
        // every one was received Mon 23 Nov at or before 10:00 with one working day: due Tue 24 Nov by 10:00;
        // Wed 09:00 they are all overdue, Tue 08:59 none is
        const r = expectKind(await app.chat.handleText(ANNA, 'summary', at('2026-11-25T09:00')), 'status');
        expect(r.status.channels).toEqual([{ channel: 'facebook', active: active.length, unclaimed: active.filter((i) => i.state === 'open').length, overdue: active.length }]);
        // at most ten listed, most overdue first
        expect(r.status.overdue).toHaveLength(Math.min(10, active.length));
        const deadlines = r.status.overdue.map((i) => i.deadline!);
        expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
        const before = expectKind(await app.chat.handleText(ANNA, 'summary', at('2026-11-24T08:59')), 'status');
        expect(before.status.channels[0]!.overdue).toBe(0);
      });
    });

    describe('absences', () => {
      it('"frånvaro" registers an absence with a substitute, "tillbaka" ends it', async () => {
        const r = expectKind(await app.chat.handleText(ERIK, 'frånvaro 2026-11-23 2026-11-27 @maria.ek', now), 'absence');
        expect(r).toMatchObject({ action: 'away', startsAt: at('2026-11-23T00:00'), endsAt: at('2026-11-28T00:00'), substituteName: 'Maria Ek' });
        expect(expectKind(await app.chat.handleText(ERIK, 'frånvaro 2026-11-24 2026-11-25', now), 'refused').text).toBe('Du har redan en frånvaro som överlappar den perioden.');
        expect(expectKind(await app.chat.handleText(ERIK, 'tillbaka', now), 'absence').action).toBe('back');
        expect(expectKind(await app.chat.handleText(ERIK, 'back', now), 'refused').text).toBe('Du är inte registrerad som frånvarande just nu.');
      });
    });

    describe('help', () => {
      it('answers in Swedish', async () => {
        expect(expectKind(await app.chat.handleText(ERIK, 'hjälp', now), 'text').text).toContain('/svarstid');
      });
    });
  });
}
