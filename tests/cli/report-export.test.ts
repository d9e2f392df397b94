/**
 * svarstid report and svarstid export on the fixture fortnight (tests/fixtures/reports/hofors-week.ts),
 * in process with an injected embedded database; bad input through the real command line.
 */
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand, EXPORT_CSV_COLUMNS } from '../../src/cli/export-command.js';
import type { CliIo } from '../../src/cli/io.js';
import { reportCommand, type CliContext } from '../../src/cli/report-command.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { query } from '../../src/db/sql-rows.js';
import { sql } from 'drizzle-orm';
import { NOW, seedHoforsFortnight } from '../fixtures/reports/hofors-week.js';

const exec = promisify(execFile);
const svarstid = (args: string[]) =>
  exec('node', ['bin/svarstid.js', ...args], { env: { ...process.env, DATABASE_URL: '', SVARSTID_DATA_DIR: '/nonexistent/never-opened' } }).then(
    (r) => ({ code: 0, ...r }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );

function capture(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c) => (o += String(c)));
  stderr.on('data', (c) => (e += String(c)));
  return { io: { stdout, stderr, stdin: new PassThrough() }, out: () => o, err: () => e };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') (field += '"'), k++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[k + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), k++;
    else field += c;
  }
  return rows;
}

describe('the report and export commands', () => {
  let database: Database;
  let ctx: CliContext;
  let ids: Record<string, number>;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    ids = (await seedHoforsFortnight(database)).ids;
    // the commands close the database they open: give them a view that leaves it open
    ctx = { open: async () => ({ ...database, close: async () => {} }), now: () => NOW };
  }, 60_000);
  afterAll(() => database.close());

  describe('svarstid report --week 2026-W20 --org hofors', () => {
    it('prints the summary text in Swedish', async () => {
      const c = capture();
      await reportCommand({ week: '2026-W20', org: 'hofors' }, c.io, ctx);
      const text = c.out().replaceAll('\u00a0', ' ');
      expect(text.split('\n').slice(0, 4)).toEqual([
        'Veckosammanfattning för Hofors kommun, vecka 20 (11–17 maj 2026)',
        'Inom parentes: vecka 19.',
        'Totalt:',
        '  inkomna 13 (3) · besvarade 9 (2) · i tid 60 % (50 %)',
      ]);
      expect(text).not.toContain('Diagrammet');
    });
    it('as JSON, with working times in minutes', async () => {
      const c = capture();
      await reportCommand({ week: '2026-W20', org: 'hofors', format: 'json' }, c.io, ctx);
      const r = JSON.parse(c.out());
      expect(r).toMatchObject({ organization: 'hofors', period: '2026-W20', previous_period: '2026-W19', from: '2026-05-10T22:00:00.000Z', to: '2026-05-17T22:00:00.000Z' });
      expect(r.total.current).toEqual({ received: 13, answered: 9, on_time: 6, late: 4, on_time_share: 0.6, median_working_minutes: 300, p90_working_minutes: 462, forwarded: 1, registered: 1, closed: 2, removed: { 'reklam/spam': 1, personangrepp: 1 }, removed_by_author: 0 });
      expect(r.officers.map((o: { name: string; current: unknown }) => [o.name, o.current])).toEqual([['Maria Ek', { handled: 7, on_time: 4 }], ['Erik Lind', { handled: 4, on_time: 2 }]]);
    });
    it('as CSV, one row per period and scope', async () => {
      const c = capture();
      await reportCommand({ week: '2026-W20', org: 'hofors', format: 'csv' }, c.io, ctx);
      const rows = parseCsv(c.out());
      expect(rows[0]!.slice(0, 6)).toEqual(['organization', 'period', 'scope', 'name', 'channel', 'received']);
      const x = rows.find((r) => r[1] === '2026-W20' && r[2] === 'account' && r[4] === 'x')!;
      expect(x.slice(5, 12)).toEqual(['7', '5', '3', '3', '0.5', '240', '288']);
      expect(rows.find((r) => r[1] === '2026-W19' && r[2] === 'officer' && r[3] === 'Erik Lind')!.slice(-3)).toEqual(['', '2', '']);
    });
  });

  it('svarstid report --year 2026: the yearly key figures beside 2025', async () => {
    const c = capture();
    await reportCommand({ year: '2026', format: 'json' }, c.io, ctx);
    const [r] = JSON.parse(c.out());
    expect(r).toMatchObject({ period: '2026', previous_period: '2025', total: { current: { received: 16, answered: 11, on_time: 7, late: 5 }, previous: { received: 0 } } });
  });

  describe('svarstid export --from 2026-05-04 --to 2026-05-17', () => {
    it('as JSON: every event of every inquiry, and the original payloads', async () => {
      const c = capture();
      await exportCommand({ from: '2026-05-04', to: '2026-05-17' }, c.io, ctx);
      const doc = JSON.parse(c.out());
      expect(doc.export).toMatchObject({ from: '2026-05-04', to: '2026-05-17', time_zone: 'Europe/Stockholm' });
      const all = await query(database.db, sql`select id, inquiry_id, type, actor, at, data from events order by id`);
      const exported = doc.inquiries.flatMap((i: { id: number; events: Array<{ id: number; type: string; actor: string; at: string; data: unknown }> }) => i.events.map((e) => ({ ...e, inquiry: i.id })));
      expect(exported).toEqual(all.map((e) => ({ id: Number(e.id), inquiry: Number(e.inquiry_id), type: e.type, actor: e.actor, at: new Date(e.at as string).toISOString(), data: e.data })).sort((a, b) => a.inquiry - b.inquiry || a.id - b.id));
      expect(doc.inquiries).toHaveLength(17);
      expect(doc.inquiries.find((i: { id: number }) => i.id === ids.F4)).toMatchObject({ registered: true, case_number: 'KS 2026/0042', raw: { id: 'ext-F4', text: 'Fråga F4' }, account: { key: 'facebook' } });
      expect(c.err()).toBe('svarstid: exported 17 inquiries received 2026-05-04 to 2026-05-17\n');
    });
    it('as CSV: one row per event, read back to the same events; the payload once per inquiry', async () => {
      const c = capture();
      await exportCommand({ from: '2026-05-04', to: '2026-05-17', org: 'hofors', account: 'Hofors kommun', format: 'csv' }, c.io, ctx);
      const [header, ...rows] = parseCsv(c.out().replace(/^\ufeff/, ''));
      expect(header).toEqual([...EXPORT_CSV_COLUMNS]);
      const col = (name: (typeof EXPORT_CSV_COLUMNS)[number]) => EXPORT_CSV_COLUMNS.indexOf(name);
      const facebookEvents = await query(database.db, sql`select e.id, e.type, e.data from events e join inquiries i on i.id = e.inquiry_id join accounts a on a.id = i.account_id where a.key = 'facebook' order by e.inquiry_id, e.id`);
      expect(rows.map((r) => [Number(r[col('event_id')]), r[col('event_type')], JSON.parse(r[col('event_data')]!)])).toEqual(facebookEvents.map((e) => [Number(e.id), e.type, e.data]));
      const f5 = rows.filter((r) => Number(r[col('inquiry_id')]) === ids.F5);
      expect(f5.map((r) => r[col('raw')])).toEqual(['{"id":"ext-F5","text":"Fråga F5"}', '']);
    });
  });

  describe('bad input gives a message naming the option and exit code 1', () => {
    it.each([
      [['report', '--week', '2026-W54'], 'svarstid: --week: "2026-W54": 2026 has weeks 01 to 53\n'],
      [['report', '--week', '47'], 'svarstid: --week: "47" is not an ISO week; write it like 2026-W47\n'],
      [['report'], 'svarstid: give either --week (e.g. 2026-W47) or --year (e.g. 2026)\n'],
      [['report', '--year', '2026', '--format', 'pdf'], 'svarstid: --format: "pdf" is not a format; use text, json, csv\n'],
      [['export', '--from', '2026-11-30', '--to', '2026-11-01'], 'svarstid: --from 2026-11-30 is after --to 2026-11-01\n'],
      [['export', '--from', '2026-02-30', '--to', '2026-03-01'], 'svarstid: --from: "2026-02-30" is not a date; write it like 2026-11-01\n'],
      [['export', '--from', '0001-01-01', '--to', '2000-01-01'], 'svarstid: --from: "0001-01-01" is outside the supported range 2000-01-01 to 2099-12-31 (no message svarstid accepts is dated outside it)\n'],
      [['export', '--from', '2026-01-01', '--to', '9999-12-31'], 'svarstid: --to: "9999-12-31" is outside the supported range 2000-01-01 to 2099-12-31 (no message svarstid accepts is dated outside it)\n'],
    ])('%j', async (args, message) => {
      const r = await svarstid(args);
      expect([r.code, r.stderr]).toEqual([1, message]);
    });
    it('an unknown account or organization', async () => {
      await expect(exportCommand({ from: '2026-05-01', to: '2026-05-31', account: 'Hofors TikTok' }, capture().io, ctx)).rejects.toThrow('--account: no account "Hofors TikTok" (give its key or name, as in the directory file)');
      await expect(reportCommand({ week: '2026-W20', org: 'gavle' }, capture().io, ctx)).rejects.toThrow('--org: no organization "gavle"; known: hofors');
    });
  });
});
