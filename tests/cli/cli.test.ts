import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

/** Runs the CLI in-process with captured streams. */
async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const input = stdin === undefined ? Object.assign(Readable.from([]), { isTTY: true }) : Readable.from([Buffer.from(stdin)]);
  const code = await run(['node', 'svarstid', ...args], { stdout, stderr, stdin: input });
  return { code, out, err };
}

const HOFORS = ['--policy', 'policies/hofors.yaml'];

describe('svarstid deadline', () => {
  describe('when given one arrival with --at', () => {
    it('prints the deadline with the organization\'s offset', async () => {
      // skärtorsdagen 2026-04-02 is shortened to 08:00-12:00 in Hofors: 11:00–12:00 = 1 h;
      // långfredagen, påskafton, påskdagen, annandag påsk closed; Tue 7th 08:00 + 3 h = 11:00.
      const r = await cli(['deadline', ...HOFORS, '--channel', 'x', '--at', '2026-04-02T09:00:00Z']);
      expect(r).toEqual({ code: 0, out: '2026-04-07T11:00:00+02:00\n', err: '' });
    });
    it('prints arrival, deadline and allowed working minutes with --json', async () => {
      const r = await cli(['deadline', ...HOFORS, '--channel', 'facebook', '--at', '2026-11-28T11:00+01:00', '--json']);
      // Saturday: counts from Monday's opening; the end of the next working day = Mon 16:30; 7.5 working hours.
      expect(JSON.parse(r.out)).toEqual({ arrival: '2026-11-28T11:00:00+01:00', channel: 'facebook', deadline: '2026-11-30T16:30:00+01:00', allowed_working_minutes: 450 });
    });
  });

  describe('when instants come on stdin', () => {
    it('prints one deadline per line, in input order, whatever the offsets', async () => {
      const input = ['2026-11-27T14:30+01:00', '2026-11-23T10:00:00Z', '2026-11-23T08:00', ''].join('\n');
      const r = await cli(['deadline', ...HOFORS, '--channel', 'x'], input);
      // Fri 14:30 + 4h: 30 min Fri, Mon 08:00+3h30 = 11:30. Mon 11:00 local + 4h: 1h to 12, lunch, 13:00+3h = 16:00.
      // Mon 08:00 + 4h: 08–12 = 4 h exactly -> 12:00 (the close before lunch, the earliest instant).
      expect(r.out).toBe('2026-11-30T11:30:00+01:00\n2026-11-23T16:00:00+01:00\n2026-11-23T12:00:00+01:00\n');
      expect(r.code).toBe(0);
    });
    it('prints JSON lines with --json', async () => {
      const r = await cli(['deadline', ...HOFORS, '--channel', 'x', '--json'], '2026-11-23T10:00:00Z\n2026-11-24T10:00:00Z\n');
      expect(r.out.trim().split('\n').map((l) => JSON.parse(l).deadline)).toEqual(['2026-11-23T16:00:00+01:00', '2026-11-24T16:00:00+01:00']);
    });
    it('prints nothing and names every bad line when the input has errors', async () => {
      const r = await cli(['deadline', ...HOFORS, '--channel', 'x'], '2026-11-23T10:00:00Z\nyesterday\n2026-02-30T10:00Z\n');
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain('stdin line 2: "yesterday" is not an ISO 8601 instant');
      expect(r.err).toContain('stdin line 3: "2026-02-30T10:00Z" is not a valid ISO 8601 instant');
    });
    it('asks for --at when stdin is a terminal', async () => {
      const r = await cli(['deadline', ...HOFORS, '--channel', 'x']);
      expect(r).toMatchObject({ code: 1, out: '' });
      expect(r.err).toMatch(/give --at ISO, or pipe instants on stdin/);
    });
  });

  describe('when the input is wrong', () => {
    it('names an unknown channel and lists the known ones', async () => {
      const r = await cli(['deadline', ...HOFORS, '--channel', 'twitter', '--at', '2026-11-23T10:00Z']);
      expect(r.code).toBe(1);
      expect(r.err).toBe('svarstid: policies/hofors.yaml: no response rule for channel "twitter"; the policy has: x, facebook, blog, messenger, youtube, chat\n');
    });
    it('rejects an impossible instant and a date without a time', async () => {
      const month13 = await cli(['deadline', ...HOFORS, '--channel', 'x', '--at', '2026-13-01T10:00Z']);
      expect(month13).toMatchObject({ code: 1, out: '', err: 'svarstid: "2026-13-01T10:00Z" is not a valid ISO 8601 instant (no such date, time or offset)\n' });
      const dateOnly = await cli(['deadline', ...HOFORS, '--channel', 'x', '--at', '2026-11-23']);
      expect(dateOnly.code).toBe(1);
      expect(dateOnly.err).toMatch(/^svarstid: "2026-11-23" is not an ISO 8601 instant; write e\.g\. /);
    });
    it('names a missing policy file', async () => {
      const r = await cli(['deadline', '--policy', 'policies/nowhere.yaml', '--channel', 'x', '--at', '2026-11-23T10:00Z']);
      expect(r.code).toBe(1);
      expect(r.err).toBe('svarstid: policies/nowhere.yaml: invalid policy\n  (file): cannot read the policy: no such file\n');
    });
    it.each([
      ['/dev/zero', 'not a regular file'],
      ['policies', 'is a directory, not a file'],
    ])('refuses %s as a policy at once (never reads it forever)', async (file, why) => {
      for (const args of [['deadline', '--policy', file, '--channel', 'x', '--at', '2026-11-23T10:00Z'], ['policy', 'check', file]]) {
        const r = await cli(args);
        expect([r.code, r.err]).toEqual([1, `svarstid: ${file}: invalid policy\n  (file): cannot read the policy: ${why}\n`]);
      }
    });
    it('refuses a policy file over 1 MiB', async () => {
      const big = join(mkdtempSync(join(tmpdir(), 'svarstid-big-')), 'big.yaml');
      writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
      const r = await cli(['policy', 'check', big]);
      expect([r.code, r.err]).toEqual([1, `svarstid: ${big}: invalid policy\n  (file): cannot read the policy: larger than 1 MiB\n`]);
    });
    it('names a missing option', async () => {
      const r = await cli(['deadline', ...HOFORS, '--at', '2026-11-23T10:00Z']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/required option '--channel <name>' not specified/);
    });
  });
});

describe('svarstid calendar', () => {
  it('lists the year\'s closed and shortened days with Swedish names', async () => {
    const r = await cli(['calendar', ...HOFORS, '--year', '2027']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Hofors kommun 2027 (Europe/Stockholm): stängda och förkortade dagar');
    expect(lines).toContain('2027-03-25  torsdag  förkortad 08:00-12:00       skärtorsdagen');
    expect(lines).toContain('2027-05-07  fredag   stängt datum');
    expect(lines).toContain('2027-06-25  fredag   stängt                      midsommarafton');
    expect(lines).toContain('2027-12-25  lördag   helgdag                     juldagen (ingen arbetsdag ändå)');
  });
  it('prints JSON with --json', async () => {
    const r = await cli(['calendar', ...HOFORS, '--year', '2026', '--json']);
    const data = JSON.parse(r.out);
    expect(data.days.find((d: { date: string }) => d.date === '2026-06-19')).toEqual({
      date: '2026-06-19', weekday: 'fredag', kind: 'closed_day', name: 'midsommarafton', hours: null, working_day_otherwise: true,
    });
  });
  it('rejects a year that is not a year', async () => {
    const r = await cli(['calendar', ...HOFORS, '--year', '26']);
    expect(r).toMatchObject({ code: 1, err: 'svarstid: --year: "26" is not a year (YYYY)\n' });
  });
});

describe('svarstid policy check', () => {
  it('summarizes valid policies', async () => {
    const r = await cli(['policy', 'check', 'policies/hofors.yaml', 'policies/arvidsjaur.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('policies/hofors.yaml: OK');
    expect(r.out).toContain('    x                  respond within 4 working hours');
    expect(r.out).toContain('    monday-thursday    08:00-12:00, 13:00-16:30');
    expect(r.out).toContain('  reminders (defaults):');
    expect(r.out).toContain('  retention: text of finished, unregistered inquiries erased 90 days after they were finished');
    // Arvidsjaur's guidelines name no period
    expect(r.out).toContain('  retention: nothing is erased (no retention in the policy)');
  });
  it('fails with the file, field path and problem for an invalid one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svarstid-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'organization: X\ncalendar:\n  hours: { mondy: "08:00-17:00" }\nchannels:\n  x: { respond_within: 4 working hours }\n');
    const r = await cli(['policy', 'check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`svarstid: ${file}: invalid policy\n  calendar.hours.mondy: "mondy" is not a weekday (did you mean "monday"?)\n  calendar.hours: at least one weekday needs working hours\n`);
  });
});

describe('the installed command (bin/svarstid.js)', () => {
  const exec = promisify(execFile);
  it('prints help', async () => {
    const { stdout } = await exec('node', ['bin/svarstid.js', '--help']);
    expect(stdout).toMatch(/^Usage: svarstid \[options\] \[command\]/);
    expect(stdout).toContain('deadline [options]');
  });
  it('runs batch mode from a pipe and exits non-zero with a message on stderr for bad input', async () => {
    const ok = await new Promise<string>((resolve, reject) => {
      const child = execFile('node', ['bin/svarstid.js', 'deadline', ...HOFORS, '--channel', 'facebook'], (e, out) => (e ? reject(e) : resolve(out)));
      child.stdin!.end('2026-11-23T10:00+01:00\n2026-11-27T14:00+01:00\n');
    });
    // Mon 10:00 + 1 working day = Tue 10:00; Fri 14:00 + 1 = Mon 14:00.
    expect(ok).toBe('2026-11-24T10:00:00+01:00\n2026-11-30T14:00:00+01:00\n');
    const failed = await exec('node', ['bin/svarstid.js', 'deadline', ...HOFORS, '--channel', 'x', '--at', 'now']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^svarstid: "now" is not an ISO 8601 instant/);
  });
});
