import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { installLastResort } from '../../src/cli/last-resort.js';

function guarded(maxPerMinute = 3) {
  const lines: string[] = [];
  const logger = pino(new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  const target = Object.assign(new EventEmitter(), { exits: [] as number[], exit(code: number) { this.exits.push(code); } });
  let clock = Date.parse('2026-11-25T12:00:00+01:00');
  let stopped = 0;
  const remove = installLastResort({ logger, stop: async () => void stopped++, maxPerMinute, target: target as never, now: () => clock });
  return { lines, target, remove, stopped: () => stopped, advance: (ms: number) => (clock += ms) };
}

describe('the last-resort guard of svarstid serve', () => {
  it('logs an unhandled rejection without its message and keeps serving', () => {
    const g = guarded();
    g.target.emit('unhandledRejection', new Error('insert failed: params Karin Svensson 811228-9874'));
    expect(g.target.exits).toEqual([]);
    expect(g.lines.join('')).toContain('unhandled promise rejection; still serving');
    expect(g.lines.join('')).not.toMatch(/Karin|811228/);
  });
  it('keeps serving after an uncaught exception', () => {
    const g = guarded();
    g.target.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 'write')"));
    expect(g.target.exits).toEqual([]);
    expect(g.lines.join('')).toContain('"type":"TypeError"');
  });
  it('spreads over minutes, uncaught exceptions never stop it', () => {
    const g = guarded(3);
    for (let i = 0; i < 10; i++) {
      g.target.emit('uncaughtException', new Error('x'));
      g.advance(30_000);
    }
    expect(g.stopped()).toBe(0);
  });
  it('more than the limit within a minute: stops gracefully and exits 1 for the supervisor', async () => {
    const g = guarded(3);
    for (let i = 0; i < 4; i++) g.target.emit('uncaughtException', new Error('x'));
    await new Promise((r) => setImmediate(r));
    expect(g.stopped()).toBe(1);
    expect(g.target.exits).toEqual([1]);
    expect(g.lines.join('')).toContain('more than 3 uncaught exceptions within a minute: stopping');
  });
  it('can be removed', () => {
    const g = guarded();
    g.remove();
    expect(g.target.listenerCount('uncaughtException') + g.target.listenerCount('unhandledRejection')).toBe(0);
  });
});
