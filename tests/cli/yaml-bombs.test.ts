/** A YAML file shaped to exhaust resources is a clear error naming the file, never a "bug" (exit 70). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'svarstid-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the "billion laughs" shape: each level refers to the one before nine times
const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
for (let k = 1; k <= 9; k++) {
  const prev = String.fromCharCode(96 + k);
  const name = String.fromCharCode(97 + k);
  levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
}
const bomb = join(dir, 'bomb.yaml');
writeFileSync(bomb, `${levels.join('\n')}\n`);

function io() {
  const errs: string[] = [];
  return { io: { stdout: new PassThrough(), stderr: new Writable({ write: (c, _e, cb) => (errs.push(String(c)), cb()) }), stdin: new PassThrough() }, err: () => errs.join('') };
}

describe('YAML alias bombs', () => {
  it.each([
    ['policy check', ['policy', 'check', bomb]],
    ['deadline --policy', ['deadline', '--policy', bomb, '--channel', 'x', '--at', '2026-04-02T11:00+02:00']],
  ])('%s: one clear line naming the file, exit 1', async (_name, args) => {
    const c = io();
    const code = await run(['node', 'svarstid', ...args], c.io);
    expect(code).toBe(1);
    expect(c.err()).toContain(bomb);
    expect(c.err()).toContain('YAML: too many aliases');
    expect(c.err()).not.toContain('unexpected error');
  });
});
