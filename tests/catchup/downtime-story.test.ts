/**
 * The downtime story, end to end with a simulated clock: svarstid runs and reconciles on Monday at
 * 13:00, then it is stopped; overnight citizens comment on Facebook and Instagram, write on
 * Messenger and Instagram Direct, mention and DM the X account (and the page answers one of them itself); on Tuesday at
 * 10:00 svarstid is started again. Each message becomes exactly one inquiry with its original time,
 * the late ones' reminders say so and why, and a signed webhook redelivery of each afterwards is a duplicate.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { renderNotification } from '../../adapters/chat-text/index.js';
import { events, inquiries } from '../../src/db/schema.js';
import { deadlineFor } from '../../src/policy/index.js';
import { metaHeaders, xHeaders } from '../support/app-harness.js';
import { at } from '../support/calendar-builder.js';
import { IG_ID, PAGE_ID, SHARED_DATABASES, world, X_ID, type World } from '../support/catchup-harness.js';
import { feedCommentBody, instagramCommentBody, messengerBody, xDmBody, xMentionBody } from './webhook-bodies.js';

const KARIN = { id: '7391028475610293', name: 'Karin Svensson' };
const LARS = { id: '6120398471625390', name: 'Lars Nord' };
const MONA = { id: '6120398471625391', name: 'Mona Berg' };
const SARA = { id: '8123947561029384', username: 'sara.hofors' };
const X_CITIZEN = { id: '1187345520741916672', username: 'annalindqvist_', name: 'Anna Lindqvist' };

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

for (const db of SHARED_DATABASES) {
  describe(`svarstid stopped overnight and started again (${db.name})`, () => {
    it('turns each message it missed into exactly one inquiry with its original time; the late ones say so; webhook redeliveries are duplicates', async () => {
      w = await world(db.make, at('2026-11-23T12:50'));
      const g = w.graph.state;
      const post = g.addPost(PAGE_ID, { id: PAGE_ID, name: 'Hofors kommun' }, 'Badhuset stänger för renovering.', at('2026-11-20T10:00'));
      // delivered by webhook while svarstid runs: catch-up later finds it and stores nothing more
      const early = g.addComment(post.id, KARIN, 'Hur länge blir det stängt?', at('2026-11-23T12:40'));

      // Monday 12:50–13:00: svarstid runs, a webhook delivers the early comment, catch-up runs on start
      const first = await w.start('instance-1');
      const delivered = feedCommentBody(PAGE_ID, post.id, early.id, KARIN, early.message, early.createdTime);
      expect((await first.post('/webhooks/meta', delivered, metaHeaders(delivered))).body).toMatchObject({ received: 1 });
      w.time = at('2026-11-23T13:00');
      const onStart = await first.app.catchup!(w.time, { startup: true });
      expect(onStart.created).toBe(0);
      expect(onStart.outcomes.get('hofors/facebook')).toMatchObject({ ran: true, created: 0, duplicates: 1 });
      await first.stop();

      // svarstid is stopped: what citizens (and the page) do meanwhile
      const xMention = w.x.state.addPost(X_CITIZEN.id, '@hoforskommun när öppnar badhuset igen?', at('2026-11-23T13:30'));
      w.x.state.addUser({ id: X_CITIZEN.id, username: X_CITIZEN.username, name: X_CITIZEN.name });
      const comment = g.addComment(post.id, KARIN, 'När töms soporna på Storgatan?', at('2026-11-23T13:40'));
      const lars = g.addMessage(PAGE_ID, 'messenger', LARS, 'Hur ansöker jag om bygglov?', at('2026-11-23T15:10'));
      const mona = g.addMessage(PAGE_ID, 'messenger', MONA, 'Var lämnar jag grovsopor?', at('2026-11-23T16:00'));
      const media = g.addIgMedia(IG_ID, 'Höstlov i Hofors', at('2026-11-22T09:00'));
      const igComment = g.addIgComment(media.id, SARA, 'Är simhallen öppen på höstlovet?', at('2026-11-23T18:00'));
      const igDm = g.addMessage(PAGE_ID, 'instagram', SARA, 'Hej! Kan man hyra simhallen för ett kalas?', at('2026-11-23T19:00'));
      const xDm = w.x.state.addDm(X_CITIZEN.id, X_ID, 'Hej! Hur lång är handläggningstiden för bygglov?', at('2026-11-23T21:00'));
      // the page answers Lars in Messenger itself, before svarstid is back
      g.addMessage(PAGE_ID, 'messenger', LARS, 'Hej Lars! Du ansöker på hofors.se/bygglov.', at('2026-11-24T08:30'), true);

      // Tuesday 10:00: svarstid is started again
      w.time = at('2026-11-24T10:00');
      const second = await w.start('instance-2');
      const pass = await second.app.catchup!(w.time, { startup: true });
      expect(pass.created).toBe(7);

      const app = second.app;
      const all = await app.database.db.select().from(inquiries);
      const byExternal = new Map(all.map((r) => [`${r.channel}:${r.externalId}`, r]));
      expect(all).toHaveLength(8); // the early comment, and the seven found now
      const found = [
        { key: `facebook:${comment.id}`, receivedAt: comment.createdTime, channel: 'facebook' },
        { key: `messenger:${lars.id}`, receivedAt: lars.createdTime, channel: 'messenger' },
        { key: `messenger:${mona.id}`, receivedAt: mona.createdTime, channel: 'messenger' },
        { key: `instagram:${igComment.id}`, receivedAt: igComment.timestamp, channel: 'instagram' },
        { key: `instagram_dm:${igDm.id}`, receivedAt: igDm.createdTime, channel: 'instagram_dm' },
        { key: `x:${xMention.id}`, receivedAt: xMention.createdAt, channel: 'x' },
        { key: `x:${xDm.id}`, receivedAt: xDm.createdAt, channel: 'x' },
      ];
      const policy = app.policies.get('hofors')!;
      for (const f of found) {
        const row = byExternal.get(f.key);
        expect(row, f.key).toBeDefined();
        expect(row!.receivedAt.getTime(), f.key).toBe(f.receivedAt);
        expect(row!.caughtUpAt?.getTime(), f.key).toBe(at('2026-11-24T10:00'));
        expect(row!.lateReason, f.key).toBe('svarstid_down');
        // Hofors' policy has no rule for Instagram: kept without a deadline, as a webhook's would be
        const expected = policy.channels.has(f.channel as 'x') ? deadlineFor(policy, f.channel as 'x', f.receivedAt).deadline : null;
        expect(row!.deadline?.getTime() ?? null, f.key).toBe(expected);
      }
      // the early comment came by webhook: not late
      expect(byExternal.get(`facebook:${early.id}`)).toMatchObject({ caughtUpAt: null, lateReason: null });
      // the page's own Messenger answer marked Lars' question answered, at the answer's time; Mona's is open
      expect(byExternal.get(`messenger:${lars.id}`)).toMatchObject({ state: 'answered' });
      expect(byExternal.get(`messenger:${lars.id}`)!.answeredAt?.getTime()).toBe(at('2026-11-24T08:30'));
      expect(byExternal.get(`messenger:${mona.id}`)).toMatchObject({ state: 'open' });
      // the X mention of Monday 13:30 had four working hours: its deadline passed before svarstid was back
      const mention = byExternal.get(`x:${xMention.id}`)!;
      expect(mention.deadline!.getTime()).toBe(at('2026-11-24T09:00'));

      // the reminders: the X mention's already-due ones collapse to one per recipient role, and say it came late and why
      await app.tick(w.time);
      const aboutMention = w.notifier.sent.filter((s) => s.notification.type === 'reminder' && s.notification.inquiry.id === mention.id);
      expect(aboutMention.length).toBeGreaterThan(0);
      for (const s of aboutMention) {
        const text = renderNotification(s.notification, w.time).fallback;
        expect(text).toContain('Kom in sent: svarstid fick veta om meddelandet först i dag kl. 10:00, eftersom svarstid inte var igång när det skrevs.');
      }
      const moments = aboutMention.map((s) => `${s.to.name}:${s.notification.type === 'reminder' ? s.notification.moment : ''}`);
      expect(new Set(moments).size).toBe(moments.length); // nobody got the same moment twice
      expect(moments.some((m) => m.endsWith(':heads_up'))).toBe(false); // not the 50 % heads-up, long past

      // signed webhook redeliveries of the same messages afterwards: duplicates, nothing new
      const redeliveries: Array<[string, string, Record<string, string>]> = [];
      const fb = feedCommentBody(PAGE_ID, post.id, comment.id, KARIN, comment.message, comment.createdTime);
      redeliveries.push(['/webhooks/meta', fb, metaHeaders(fb)]);
      const ms = messengerBody(PAGE_ID, MONA.id, mona.id, mona.message, mona.createdTime);
      redeliveries.push(['/webhooks/meta', ms, metaHeaders(ms)]);
      const ig = instagramCommentBody(IG_ID, media.id, igComment.id, SARA, igComment.text, igComment.timestamp);
      redeliveries.push(['/webhooks/meta', ig, metaHeaders(ig)]);
      const xm = xMentionBody(X_ID, xMention.id, X_CITIZEN.id, xMention.text, xMention.createdAt);
      redeliveries.push(['/webhooks/x', xm, xHeaders(xm)]);
      const xd = xDmBody(X_ID, xDm.id, X_CITIZEN.id, xDm.text, xDm.createdAt);
      redeliveries.push(['/webhooks/x', xd, xHeaders(xd)]);
      for (const [path, body, headers] of redeliveries) {
        const r = await second.post(path, body, headers);
        expect(r, body.slice(0, 120)).toMatchObject({ status: 200, body: { received: 0, duplicates: 1 } });
      }
      expect(await app.database.db.select().from(inquiries)).toHaveLength(8);
      for (const f of found) {
        const trail = await app.database.db.select().from(events).where(eq(events.inquiryId, byExternal.get(f.key)!.id));
        expect(trail.filter((e) => e.type === 'received'), f.key).toHaveLength(1);
        expect(trail.find((e) => e.type === 'received')!.data).toMatchObject({ caughtUp: { reason: 'svarstid_down' } });
      }

      // and the next pass, an interval later, finds nothing new and reads nothing twice into inquiries
      w.time = at('2026-11-24T10:16');
      const later = await app.catchup!(w.time);
      expect(later).toMatchObject({ created: 0 });
      expect(later.ran).toBe(4);
      // the log names accounts and counts, never what citizens wrote, who they are, or a token
      const logged = JSON.stringify(w.log);
      for (const secret of ['soporna', 'bygglov', 'grovsopor', 'simhallen', 'badhuset', 'Karin', 'Lars', 'Mona', 'sara.hofors', 'annalindqvist', 'EAAG-', 'hoforsAccessToken']) expect(logged).not.toContain(secret);
      expect(w.log.some((l) => l.msg === 'catch-up found messages no webhook had delivered' && l.account === 'facebook')).toBe(true);

      // nothing was missed while svarstid ran, so the managers were told nothing
      expect(w.notifier.sent.filter((s) => s.notification.type === 'catchup_notice')).toEqual([]);
    });
  });
}
