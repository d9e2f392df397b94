/** svarstid retention run: erases now what the daily run would, and says how much, per organization. */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { retentionRunCommand } from '../../src/cli/retention-command.js';
import { CliError } from '../../src/cli/errors.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { query } from '../../src/db/sql-rows.js';
import { at } from '../support/calendar-builder.js';
import { seedHoforsFortnight } from '../fixtures/reports/hofors-week.js';

function capture(): { io: CliIo; out: () => string } {
  const stdout = new PassThrough();
  let o = '';
  stdout.on('data', (c) => (o += String(c)));
  return { io: { stdout, stderr: new PassThrough(), stdin: new PassThrough() }, out: () => o };
}

describe('svarstid retention run', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await seedHoforsFortnight(database);
  }, 60_000);
  afterAll(() => database.close());
  const ctx = (now: number) => ({ open: async () => ({ ...database, close: async () => {} }), now: () => now });
  const count = async (where: string) => Number((await query(database.db, sql.raw(`select count(*) as n from inquiries where org_id = 'hofors' and ${where}`)))[0]!.n);

  it('erases nothing while every finished inquiry is younger than 90 days', async () => {
    const c = capture();
    await retentionRunCommand({ org: 'hofors' }, c.io, ctx(at('2026-06-01T09:00')));
    expect(c.out()).toBe('hofors: erased the text of 0 finished, unregistered inquiries finished before 2026-03-03T08:00:00.000Z (retention.text_after: 90 days)\n');
  });

  it('after 90 days erases the finished, unregistered ones, and keeps the registered and the active whole', async () => {
    const finished = await count(`state in ('answered', 'closed') and not registered`);
    const keptRegistered = await count(`registered and text is not null`);
    const active = await count(`state in ('open', 'claimed', 'forwarded')`);
    expect(finished).toBeGreaterThan(0);
    const c = capture();
    await retentionRunCommand({}, c.io, ctx(at('2026-09-01T09:00')));
    expect(c.out()).toMatch(new RegExp(`^hofors: erased the text of ${finished} finished, unregistered inquiries finished before 2026-06-03T`));
    expect(await count(`erased_at is not null and text is null`)).toBe(finished);
    expect(await count(`registered and text is not null`)).toBe(keptRegistered);
    expect(await count(`state in ('open', 'claimed', 'forwarded') and erased_at is null`)).toBe(active);
    // run again: nothing left to erase
    const again = capture();
    await retentionRunCommand({ org: 'hofors' }, again.io, ctx(at('2026-09-01T10:00')));
    expect(again.out()).toContain('erased the text of 0 finished');
  });

  it('an unknown organization is an error naming --org', async () => {
    await expect(retentionRunCommand({ org: 'nowhere' }, capture().io, ctx(at('2026-09-01T09:00')))).rejects.toThrow(CliError);
    await expect(retentionRunCommand({ org: 'nowhere' }, capture().io, ctx(at('2026-09-01T09:00')))).rejects.toThrow('--org: no organization "nowhere"; known: hofors');
  });
});
