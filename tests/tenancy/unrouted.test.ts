/**
 * Tenancy, unrouted messages (a message to a page no directory has): they belong to no
 * municipality. In a multi-organization deployment no organization's digest, sammanfattning or
 * weekly figures show them and no officer can close them; the administrators route them
 * (`svarstid route`, the admin API). In a one-organization deployment its managers see them.
 * On PGlite and PostgreSQL.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCommand, unroutedCommand } from '../../src/cli/route-command.js';
import type { CliContext } from '../../src/cli/report-command.js';
import { periodReport } from '../../src/db/report-store.js';
import { reminders } from '../../src/db/schema.js';
import { isoWeek } from '../../src/reports/period.js';
import { eq } from 'drizzle-orm';
import { TARGETS } from '../support/app-harness.js';
import { facebookComment, startTenancyHarness, type TenancyHarness } from '../support/tenancy-harness.js';
import type { MemoryNotifier } from '../fakes/memory-notifier.js';

const at = (local: string): number => new Date(`${local}+01:00`).getTime();
const UNKNOWN_PAGE = '104999999999999';
const HOFORS_PAGE = '104000000000001';
const ANNA = { platform: 'slack' as const, id: 'U01HOF0001', orgId: 'hofors' };
const ERIK = { platform: 'slack' as const, id: 'U01HOF0002', orgId: 'hofors' };

/** an unrouted Facebook comment that arrived Wednesday 25 November 2026 at 09:02 */
async function unroutedMessage(h: TenancyHarness): Promise<number> {
  const r = await h.meta(facebookComment(UNKNOWN_PAGE, { createdTime: at('2026-11-25T09:02') }).body);
  expect(r.status).toBe(200);
  return r.body.inquiries[0];
}

function cli(h: TenancyHarness): { io: any; out: () => string; ctx: CliContext } {
  let text = '';
  const sink = new Writable({ write: (c, _e, done) => ((text += String(c)), done()) });
  // the app's database, left open when the command is done
  const ctx: CliContext = { open: async () => ({ ...h.app.database, close: async () => {} }), now: () => h.time };
  return { io: { stdout: sink, stderr: sink, stdin: process.stdin }, out: () => text, ctx };
}

describe.each(TARGETS)('unrouted messages in a deployment of Hofors and Nässjö, on $name', ({ target }) => {
  let h: TenancyHarness;
  let unrouted = 0;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: at('2026-11-25T09:15'), orgs: ['hofors', 'nassjo'] });
    unrouted = await unroutedMessage(h);
  });
  afterAll(() => h?.close());

  describe('when the managers’ morning digest goes out', () => {
    it('no organization’s manager gets the unrouted message', async () => {
      h.time = at('2026-11-26T08:15');
      expect(await h.app.digest(h.time)).toBeGreaterThan(0);
      const digests = (h.app.notifier as MemoryNotifier).sent.filter((s) => s.notification.type === 'digest');
      // Hofors' manager gets a digest (Nässjö's policy has none); the one-organization case below shows the same digest with the message
      expect(digests.map((d) => d.to.name)).toContain('Anna Berg');
      for (const d of digests) expect(d.notification.type === 'digest' && d.notification.unrouted).toEqual([]);
    });
  });

  describe('when a manager asks for sammanfattning', () => {
    it('counts no unrouted message', async () => {
      const reply = await h.app.chat.handleText(ANNA, 'sammanfattning', h.time);
      expect(reply).toMatchObject({ kind: 'status', status: { orgId: 'hofors', unrouted: 0 } });
    });
  });

  describe('when the week’s figures are made', () => {
    it('the report and the weekly summary of an organization have no unrouted messages', async () => {
      const report = await periodReport(h.app.database.db, 'hofors', h.app.policies.get('hofors')!, isoWeek('2026-W48', 'Europe/Stockholm'), h.time);
      expect(report.unrouted).toEqual([]);
      h.time = at('2026-11-30T08:00');
      expect(await h.app.summary(h.time)).toBeGreaterThan(0);
      const summaries = (h.app.notifier as MemoryNotifier).sent.filter((s) => s.notification.type === 'weekly_summary');
      expect(summaries.length).toBeGreaterThan(0);
      for (const s of summaries) expect(s.notification.type === 'weekly_summary' && s.notification.summary.report.unrouted).toEqual([]);
    });
  });

  describe('when an officer tries to close it', () => {
    it('is told there is no such question, and it stays unrouted', async () => {
      const reply = await h.app.chat.handleText(ERIK, `stäng ${unrouted} spam`, h.time);
      expect(reply).toMatchObject({ kind: 'refused', code: 'not_found' });
      expect(await h.app.inquiries.get(unrouted)).toMatchObject({ state: 'unrouted', orgId: null });
    });
  });

  describe('when an administrator routes it with svarstid route', () => {
    it('lists it with svarstid unrouted', async () => {
      const c = cli(h);
      await unroutedCommand({}, c.io, c.ctx);
      expect(c.out()).toContain(`#${unrouted}  2026-11-25T08:02:00.000Z  facebook to account "${UNKNOWN_PAGE}" (meta)`);
    });

    it('refuses what cannot be: a bad name, an unknown account, another channel’s account', async () => {
      const c = cli(h);
      await expect(routeCommand(String(unrouted), 'facebook', c.io, c.ctx)).rejects.toThrow('"facebook" does not name an account; write ORGANIZATION/ACCOUNT');
      await expect(routeCommand(String(unrouted), 'hofors/youtube', c.io, c.ctx)).rejects.toThrow('no active account "youtube" in organization "hofors"');
      await expect(routeCommand(String(unrouted), 'hofors/x', c.io, c.ctx)).rejects.toThrow(`account hofors/x is a x account; inquiry ${unrouted} came by facebook`);
      expect(await h.app.inquiries.get(unrouted)).toMatchObject({ state: 'unrouted' });
    });

    it('gives it the account, a deadline from its original arrival, a routed event, and only the reminders still useful', async () => {
      // routed Thursday 10:00: its deadline (Wed 09:02 + 1 working day = Thu 09:02) has passed
      h.time = at('2026-11-26T10:00');
      const c = cli(h);
      await routeCommand(String(unrouted), 'hofors/facebook', c.io, c.ctx);
      expect(c.out()).toBe(`routed inquiry ${unrouted} to hofors/facebook: deadline 2026-11-26T08:02:00.000Z\n`);
      const got = await h.app.inquiries.get(unrouted);
      expect(got).toMatchObject({ orgId: 'hofors', state: 'open', deadline: at('2026-11-26T09:02'), allowedMinutes: 450, accountExternalId: UNKNOWN_PAGE });
      const trail = await h.app.inquiries.events(unrouted);
      expect(trail.map((e) => [e.type, e.actor])).toEqual([['received', 'source:meta'], ['routed', 'cli']]);
      expect(trail[1]!.data).toMatchObject({ organization: 'hofors', account: 'facebook', deadline: at('2026-11-26T09:02'), receivedAt: at('2026-11-25T09:02') });
      const planned = await h.app.database.db.select().from(reminders).where(eq(reminders.inquiryId, unrouted));
      const rows = planned.map((r) => [r.kind, r.role, r.status, r.dueAt.getTime()]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
      expect(rows).toEqual([
        // 2 working hours after the deadline, still to come
        ['after:120m', 'manager', 'pending', at('2026-11-26T11:02')],
        // 1 working hour before the deadline and the 50 % heads-up: past, not sent
        ['before:60m', 'assignee', 'cancelled', at('2026-11-26T08:02')],
        // the deadline reminders, due now (once)
        ['deadline', 'assignee', 'pending', at('2026-11-26T10:00')],
        ['deadline', 'substitute', 'pending', at('2026-11-26T10:00')],
        ['share:50', 'assignee', 'cancelled', at('2026-11-25T13:47')],
      ]);
      // now Hofors' own people see and act on it; a re-plan does not bring back the skipped reminders
      expect(await h.app.chat.handleText(ERIK, `ta ${unrouted}`, h.time)).toMatchObject({ kind: 'acted' });
      const after = await h.app.database.db.select().from(reminders).where(eq(reminders.inquiryId, unrouted));
      expect(after.filter((r) => r.status === 'cancelled').map((r) => r.kind).sort()).toEqual(['before:60m', 'share:50']);
      expect((await h.api(`/api/inquiries/${unrouted}`, h.tokens.hofors)).status).toBe(200);
      expect((await h.api(`/api/inquiries/${unrouted}`, h.tokens.nassjo)).status).toBe(404);
    });

    it('a routed message cannot be routed again', async () => {
      const c = cli(h);
      await expect(routeCommand(String(unrouted), 'nassjo/facebook', c.io, c.ctx)).rejects.toThrow(`inquiry ${unrouted} is claimed, not unrouted; it already belongs to hofors`);
    });
  });

  describe('when an administrator routes one through the API', () => {
    it('routes it with an admin token, with the token as the actor', async () => {
      h.time = at('2026-11-26T10:30');
      const id = (await h.meta(facebookComment(UNKNOWN_PAGE, { createdTime: at('2026-11-26T10:10') }).body)).body.inquiries[0];
      expect(await h.apiPost(`/api/inquiries/${id}/route`, { account: 'nassjo/hofors' }, h.tokens.admin)).toMatchObject({ status: 400, body: { error: 'unknown_account' } });
      expect(await h.apiPost(`/api/inquiries/${id}/route`, { konto: 'nassjo/facebook' }, h.tokens.admin)).toMatchObject({ status: 400, body: { error: 'invalid_payload' } });
      const r = await h.apiPost(`/api/inquiries/${id}/route`, { account: 'nassjo/facebook' }, h.tokens.admin);
      // Thu 10:10 + 1 working day on Nässjö's calendar (Mon–Thu 08:00–17:00, Fri 08:00–16:00) = Fri 10:10
      expect(r.body.deadline).toBe('2026-11-27T09:10:00.000Z');
      expect(r).toMatchObject({ status: 200, body: { id, organization: 'nassjo', state: 'open' } });
      const trail = (await h.api(`/api/inquiries/${id}`, h.tokens.nassjo)).body.events;
      expect(trail.map((e: any) => e.type)).toEqual(['received', 'routed']);
      expect(trail[1].actor).toMatch(/^api:token:\d+$/);
      expect(await h.apiPost(`/api/inquiries/${id}/route`, { account: 'nassjo/facebook' }, h.tokens.admin)).toMatchObject({ status: 409, body: { error: 'not_unrouted' } });
    });
  });
});

describe.each(TARGETS)('unrouted messages in a one-organization deployment, on $name', ({ target }) => {
  let h: TenancyHarness;
  let unrouted = 0;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: at('2026-11-25T09:15'), orgs: ['hofors'] });
    unrouted = await unroutedMessage(h);
    await h.meta(facebookComment(HOFORS_PAGE, { createdTime: at('2026-11-25T09:05') }).body);
  });
  afterAll(() => h?.close());

  it('its managers see them in the digest, sammanfattning and the week’s figures, and may close one', async () => {
    h.time = at('2026-11-26T08:15');
    await h.app.digest(h.time);
    const anna = (h.app.notifier as MemoryNotifier).sent.find((s) => s.notification.type === 'digest' && s.to.name === 'Anna Berg')!;
    expect(anna.notification.type === 'digest' && anna.notification.unrouted.map((i) => i.id)).toEqual([unrouted]);
    expect(await h.app.chat.handleText(ANNA, 'sammanfattning', h.time)).toMatchObject({ kind: 'status', status: { unrouted: 1 } });
    const report = await periodReport(h.app.database.db, 'hofors', h.app.policies.get('hofors')!, isoWeek('2026-W48', 'Europe/Stockholm'), h.time);
    expect(report.unrouted).toEqual([{ channel: 'facebook', current: 1, previous: 0 }]);
    expect(await h.app.chat.handleText(ERIK, `stäng ${unrouted} spam`, h.time)).toMatchObject({ kind: 'acted' });
    expect(await h.app.inquiries.get(unrouted)).toMatchObject({ state: 'closed', closeReason: 'reklam/spam' });
  });
});
