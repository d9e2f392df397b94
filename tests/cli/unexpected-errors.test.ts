/** What the CLI prints when something other than bad input goes wrong: a clear line, never data. */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/io.js';

function io(stdoutWrite?: () => never): CliIo & { err: () => string } {
  const errs: string[] = [];
  return {
    stdout: new Writable({ write: (c, _e, cb) => (stdoutWrite ? stdoutWrite() : cb()) }),
    stderr: new Writable({ write: (c, _e, cb) => (errs.push(String(c)), cb()) }),
    stdin: new PassThrough(),
    err: () => errs.join(''),
  };
}

const saved = process.env.DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
});

describe('the CLI when something other than the input is wrong', () => {
  it('says the database cannot be reached, without the connection string, exit code 1', async () => {
    process.env.DATABASE_URL = 'postgres://postgres:hemligt@127.0.0.1:1/test';
    const c = io();
    const code = await run(['node', 'svarstid', 'report', '--week', '2026-W20'], c);
    expect(code).toBe(1);
    expect(c.err()).toBe('svarstid: the database cannot be reached (ECONNREFUSED): check DATABASE_URL and that PostgreSQL is running\n');
  });

  it('reports a bug by class and frames only: its message, which may quote personal data, is not printed (exit code 70)', async () => {
    const c = io(() => {
      throw new TypeError('cannot format "Karin 811218-9876"');
    });
    const code = await run(['node', 'svarstid', 'deadline', '--policy', 'policies/hofors.yaml', '--channel', 'x', '--at', '2026-04-02T11:00+02:00'], c);
    expect(code).toBe(70);
    expect(c.err()).toMatch(/^svarstid: unexpected error \(TypeError\); this is a bug, please report it with these lines:\n {2}at /);
    expect(c.err()).not.toContain('811218');
  });
});
