/**
 * Tenancy, the REST API: each organization's token sees only that organization; another's
 * inquiries are "not found"; unrouted messages are the deployment admins'. Real HTTP, on PGlite and
 * PostgreSQL, in a deployment of Hofors and Nässjö.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens } from '../../src/db/schema.js';
import { TARGETS } from '../support/app-harness.js';
import { ENV_ADMIN_TOKEN, facebookComment, startTenancyHarness, type TenancyHarness } from '../support/tenancy-harness.js';

const at = (local: string): number => new Date(`${local}+01:00`).getTime();
const HOFORS_PAGE = '104000000000001';
const NASSJO_PAGE = '104000000000301';
const UNKNOWN_PAGE = '104999999999999';
const ids = (r: { body: any }): number[] => r.body.inquiries.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b);

describe.each(TARGETS)('the REST API per organization, on $name', ({ target }) => {
  let h: TenancyHarness;
  const id = { hofors: 0, nassjo: 0, unrouted: 0 };
  let nassjoAccount = 0;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: at('2026-11-25T09:15'), orgs: ['hofors', 'nassjo'] });
    id.hofors = (await h.meta(facebookComment(HOFORS_PAGE, { createdTime: at('2026-11-25T09:00') }).body)).body.inquiries[0];
    id.nassjo = (await h.meta(facebookComment(NASSJO_PAGE, { createdTime: at('2026-11-25T09:01') }).body)).body.inquiries[0];
    id.unrouted = (await h.meta(facebookComment(UNKNOWN_PAGE, { createdTime: at('2026-11-25T09:02') }).body)).body.inquiries[0];
    nassjoAccount = (await h.api(`/api/inquiries/${id.nassjo}`, h.tokens.nassjo)).body.account_id;
  });
  afterAll(() => h?.close());

  describe('when Hofors’ token lists inquiries', () => {
    it('sees Hofors’ only: neither Nässjö’s nor the unrouted one', async () => {
      expect(ids(await h.api('/api/inquiries', h.tokens.hofors))).toEqual([id.hofors]);
      expect(ids(await h.api('/api/inquiries', h.tokens.nassjo))).toEqual([id.nassjo]);
    });
    it('and filters by another organization or its account: the filter narrows, never widens', async () => {
      expect(await h.api('/api/inquiries?organization=nassjo', h.tokens.hofors)).toEqual({ status: 200, body: { inquiries: [] } });
      expect(await h.api(`/api/inquiries?account=${nassjoAccount}`, h.tokens.hofors)).toEqual({ status: 200, body: { inquiries: [] } });
      expect(await h.api('/api/inquiries?state=unrouted', h.tokens.hofors)).toEqual({ status: 200, body: { inquiries: [] } });
      expect(ids(await h.api('/api/inquiries?organization=hofors&state=open', h.tokens.hofors))).toEqual([id.hofors]);
    });
  });

  describe('when Hofors’ token asks for one inquiry', () => {
    it('gets Nässjö’s and the unrouted one as 404, the same answer as an id that does not exist', async () => {
      const missing = await h.api('/api/inquiries/999999', h.tokens.hofors);
      expect(missing).toEqual({ status: 404, body: { error: 'not_found', message: 'no inquiry 999999' } });
      expect(await h.api(`/api/inquiries/${id.nassjo}`, h.tokens.hofors)).toEqual({ status: 404, body: { error: 'not_found', message: `no inquiry ${id.nassjo}` } });
      expect(await h.api(`/api/inquiries/${id.unrouted}`, h.tokens.hofors)).toEqual({ status: 404, body: { error: 'not_found', message: `no inquiry ${id.unrouted}` } });
      expect((await h.api(`/api/inquiries/${id.hofors}`, h.tokens.hofors)).body).toMatchObject({ id: id.hofors, organization: 'hofors' });
    });
    it('cannot route an unrouted message (admins only): 403, and the message stays unrouted', async () => {
      expect(await h.apiPost(`/api/inquiries/${id.unrouted}/route`, { account: 'hofors/facebook' }, h.tokens.hofors)).toMatchObject({ status: 403, body: { error: 'admin_only' } });
      expect((await h.api(`/api/inquiries/${id.unrouted}`, h.tokens.admin)).body).toMatchObject({ state: 'unrouted', organization: null });
    });
  });

  describe('when a deployment-admin token asks', () => {
    it('sees every organization and the unrouted messages, stored admin token and SVARSTID_API_TOKEN alike', async () => {
      for (const token of [h.tokens.admin!, ENV_ADMIN_TOKEN]) {
        expect(ids(await h.api('/api/inquiries', token))).toEqual([id.hofors, id.nassjo, id.unrouted]);
        expect(ids(await h.api('/api/inquiries?state=unrouted', token))).toEqual([id.unrouted]);
        expect(ids(await h.api('/api/inquiries?organization=nassjo', token))).toEqual([id.nassjo]);
        expect((await h.api(`/api/inquiries/${id.unrouted}`, token)).body).toMatchObject({ organization: null, state: 'unrouted', raw: expect.any(Object) });
      }
    });
  });

  describe('when the token is missing, wrong, revoked or rotated', () => {
    it('answers 401 without a token or with an unknown one', async () => {
      for (const token of [undefined, 'svarstid_nope', `${h.tokens.hofors}x`, h.tokens.hofors!.toUpperCase()]) {
        expect(await h.api('/api/inquiries', token)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
        expect(await h.api(`/api/inquiries/${id.hofors}`, token)).toMatchObject({ status: 401 });
      }
    });
    it('a revoked token stops at once; a rotated one is replaced by its new token', async () => {
      const made = await h.app.tokens.create('hofors', 'kort liv', h.time);
      expect((await h.api('/api/inquiries', made.token)).status).toBe(200);
      const rotated = await h.app.tokens.rotate(made.info.id, h.time);
      expect((await h.api('/api/inquiries', made.token)).status).toBe(401);
      expect(ids(await h.api('/api/inquiries', rotated.token))).toEqual([id.hofors]);
      expect(rotated.info).toMatchObject({ orgId: 'hofors', name: 'kort liv' });
      await h.app.tokens.revoke(rotated.info.id, h.time);
      expect((await h.api('/api/inquiries', rotated.token)).status).toBe(401);
    });
    it('keeps only the SHA-256 of a token', async () => {
      const rows = await h.app.database.db.select().from(apiTokens);
      const hofors = createHash('sha256').update(h.tokens.hofors!).digest('hex');
      expect(rows.map((r) => r.hash)).toContain(hofors);
      expect(JSON.stringify(rows)).not.toContain(h.tokens.hofors);
    });
  });

  describe('GET /health and /api/deadline', () => {
    it('/health names no organization without a token, its own with an organization’s, all with an admin’s', async () => {
      const open = await h.api('/health');
      expect(open.status).toBe(200);
      expect(open.body).not.toHaveProperty('organizations');
      expect(JSON.stringify(open.body)).not.toMatch(/hofors|nassjo/);
      expect((await h.api('/health', h.tokens.hofors)).body.organizations).toEqual(['hofors']);
      expect((await h.api('/health', h.tokens.admin)).body.organizations).toEqual(['hofors', 'nassjo']);
      expect((await h.api('/health', 'svarstid_nope')).body).not.toHaveProperty('organizations');
    });
    it('/api/deadline does not list the known organizations to anyone', async () => {
      for (const token of [undefined, h.tokens.hofors, h.tokens.admin]) {
        const r = await h.api('/api/deadline?organization=gavle&channel=x&at=2026-11-25T10:00:00%2B01:00', token);
        expect(r).toMatchObject({ status: 404, body: { error: 'unknown_organization' } });
        expect(r.body.message).not.toMatch(/hofors|nassjo/);
      }
    });
  });
});

describe.each(TARGETS)('the REST API of a one-organization deployment, on $name', ({ target }) => {
  let h: TenancyHarness;
  beforeAll(async () => {
    h = await startTenancyHarness(target, { time: at('2026-11-25T09:15'), orgs: ['hofors'] });
  });
  afterAll(() => h?.close());

  it('lets the one organization’s token see the unrouted messages, as before', async () => {
    const unrouted = (await h.meta(facebookComment(UNKNOWN_PAGE, { createdTime: at('2026-11-25T09:02') }).body)).body.inquiries[0];
    const own = (await h.meta(facebookComment(HOFORS_PAGE, { createdTime: at('2026-11-25T09:03') }).body)).body.inquiries[0];
    expect(ids(await h.api('/api/inquiries', h.tokens.hofors))).toEqual([unrouted, own]);
    expect(ids(await h.api('/api/inquiries?state=unrouted', h.tokens.hofors))).toEqual([unrouted]);
    expect((await h.api(`/api/inquiries/${unrouted}`, h.tokens.hofors)).body).toMatchObject({ state: 'unrouted' });
  });
});
