/**
 * A Teams turn that fails on the way out (the Bot Connector refuses the reply, or cannot be reached)
 * and activities whose fields have the wrong shape, with the real botbuilder adapter against the fake
 * connector: no 5xx, and the log holds the failure's class and code only — never the connector's
 * message, which quotes the activity it refused (a citizen's name, text, personnummer).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/index.js';
import { at } from '../../support/calendar-builder.js';
import { ERIK, startTeamsHarness, type TeamsHarness } from './teams-harness.js';

const NAME = 'Planterad Medborgarsson';
const PNR = '19121212-1212';
const QUOTE = 'Sopkärlet på Planteradgatan 7 töms aldrig';

describe('Teams: a reply the connector refuses or cannot take', () => {
  let h: TeamsHarness;
  const lines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _e, cb) => { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
    h = await startTeamsHarness({ time: at('2026-11-24T09:00'), logger: createLogger({ level: 'debug' }, sink) });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    lines.length = 0;
    h.connector.clear();
  });

  it('a 400 from the connector quoting the activity: the inbound is answered 200, the log has neither name nor text', async () => {
    h.connector.failNext(400, 1, undefined, `Invalid activity: {"text":"${QUOTE}","from":{"name":"${NAME}"},"note":"${PNR}"}`);
    const res = await h.say(ERIK, 'lista');
    expect(res.status).toBe(200);
    const failed = lines.filter((l) => l.includes('Teams turn failed') || l.includes('reply'));
    expect(failed.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l).not.toContain(NAME);
      expect(l).not.toContain(QUOTE);
      expect(l).not.toContain(PNR);
      expect(l).not.toContain('19121212');
    }
    const logged = JSON.parse(failed[0]!) as { error?: { type?: string; frames?: unknown[] }; err?: unknown };
    expect(logged.err).toBeUndefined();
    expect(logged.error?.type).toBeTruthy();
  });

  it('a connector that cannot be reached (nothing listens at the serviceUrl): 200, logged by class only', async () => {
    const res = await h.post(h.activity(ERIK, { text: 'lista', serviceUrl: 'http://127.0.0.1:9/' }));
    expect(res.status).toBe(200);
    expect(lines.some((l) => l.includes('Teams turn failed'))).toBe(true);
  });
});

describe('Teams: activity fields of the wrong shape are 400 invalid_activity naming the field', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({ time: at('2026-11-24T09:00') });
  });
  afterAll(() => h.close());

  it.each([
    [{ text: 5 }, 'text must be text'],
    [{ text: { a: 1 } }, 'text must be text'],
    [{ entities: [null] }, 'entities[0] must be an object'],
    [{ entities: 'x' }, 'entities must be an array'],
    [{ entities: [{ type: 5 }] }, 'entities[0].type must be text'],
    [{ value: 'claim 1' }, 'value must be an object'],
    [{ attachments: [1] }, 'attachments[0] must be an object'],
    [{ channelData: 'x' }, 'channelData must be an object'],
    [{ recipient: { id: 'b', name: 5 } }, 'recipient.name must be text'],
    [{ from: { id: ERIK.id, aadObjectId: 7 } }, 'from.aadObjectId must be text'],
  ])('%j: 400 %s', async (extra, message) => {
    const res = await h.post(h.activity(ERIK, { text: 'lista', ...extra }));
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_activity' } });
    expect(res.body.message).toContain(message);
  });

  it('an invoke whose value is not an object: 400', async () => {
    const res = await h.post(h.activity(ERIK, { type: 'invoke', name: 'adaptiveCard/action', value: 'x' }));
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_activity' } });
    expect(res.body.message).toContain('value must be an object');
  });
});
