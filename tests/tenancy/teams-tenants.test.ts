/**
 * Teams tenant → organization binding (SVARSTID_TEAMS_TENANTS), through the real botbuilder
 * CloudAdapter against the fake Bot Connector: an activity from an unbound tenant is refused and
 * nothing changes; a user writing from municipality B's tenant is looked up among B's people only,
 * so Hofors' officer cannot act on Hofors' inquiries from Arvidsjaur's tenant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseTenantBindings, TEAMS_NO_AUTH } from '../../adapters/teams/config.js';
import { ERIK, startTeamsHarness, type TeamsHarness } from '../adapters/teams/teams-harness.js';

const T0 = Date.parse('2026-11-24T09:00:00+01:00');
const textOf = (c: any): string => JSON.stringify(c?.activity ?? c ?? {});

describe('Teams tenants bound to organizations', () => {
  let h: TeamsHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('an activity from an unbound tenant is refused in Swedish, and nothing is done', async () => {
    const t = await startTeamsHarness({ time: T0, config: { ...TEAMS_NO_AUTH, tenants: { 'tenant-arvidsjaur': 'arvidsjaur' } } });
    h = t;
    const id = await t.comment('c-unbound');
    const r = await t.say(ERIK, `ta ${id}`); // the harness writes from tenant-hofors, which is not bound
    expect(r.status).toBe(200);
    const replies = t.connector.sentTo(ERIK.conversation);
    expect(textOf(replies.at(-1))).toContain('inte kopplad till någon kommun eller region');
    expect((await t.app.inquiries.get(id))!.state).toBe('open');
  });

  it("a Teams user of municipality B's tenant cannot act on A's inquiries", async () => {
    const t = await startTeamsHarness({ time: T0, config: { ...TEAMS_NO_AUTH, tenants: { 'tenant-hofors': 'hofors', 'tenant-arvidsjaur': 'arvidsjaur' } } });
    h = t;
    const id = await t.comment('c-cross');
    // Erik's Teams id is Hofors' directory's; from Arvidsjaur's tenant he is nobody there
    const r = await t.post(t.activity(ERIK, { text: `ta ${id}`, conversation: { id: ERIK.conversation, conversationType: 'personal', tenantId: 'tenant-arvidsjaur' }, channelData: { tenant: { id: 'tenant-arvidsjaur' } } }));
    expect(r.status).toBe(200);
    expect((await t.app.inquiries.get(id))!.state).toBe('open');
    expect(textOf(t.connector.sentTo(ERIK.conversation).at(-1))).not.toContain('tog frågan');
    // from his own tenant the same command works
    await t.say(ERIK, `ta ${id}`);
    expect((await t.app.inquiries.get(id))!.state).toBe('claimed');
  });

  it('the bindings are read from SVARSTID_TEAMS_TENANTS, a bad entry named', () => {
    expect(parseTenantBindings('tenant-a=hofors, tenant-b=arvidsjaur')).toEqual({ 'tenant-a': 'hofors', 'tenant-b': 'arvidsjaur' });
    expect(parseTenantBindings('')).toBeUndefined();
    expect(() => parseTenantBindings('tenant-a')).toThrow(/"tenant-a" is not <tenant id>=<organization>/);
    expect(() => parseTenantBindings('t=hofors,t=nassjo')).toThrow(/bound twice/);
  });
});
