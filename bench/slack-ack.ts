/**
 * Slash-command ack latency over HTTP, signed as Slack signs: the shipped adapter (ack first, then do
 * the work and answer through response_url) beside the alternative of doing the work before acking
 * (the reply in the HTTP answer), in the same run, on in-memory PGlite with the Hofors policy and
 * directory, 60 open questions, and `/svarstid lista` (the queue query) as the command. One command
 * is in flight at a time: the next is sent when the previous one's answer has arrived (for ack first,
 * its response_url post), as when people type commands; "done" is the time to that answer.
 *
 *   npm run bench:slack-ack            (N=2000 by default; N=500 for a quick run; TEXT=hjälp for another command)
 *
 * Target: p99 < 200 ms for the ack.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { App as BoltApp } from '@slack/bolt';
import { pino } from 'pino';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { RouteReceiver } from '../adapters/slack/receiver.js';
import { replyMessage } from '../adapters/slack/replies.js';
import { applyDirectoryFile, applyPolicyFile } from '../src/admin/apply.js';
import { createApp } from '../src/app.js';
import type { ChatAdapter, ChatRuntime } from '../src/chat/index.js';
import { FakeSlackApi } from '../tests/fakes/slack-api.js';
import { commandBody, FORM, postSigned } from '../tests/fakes/slack-signing.js';

const N = Number(process.env.N ?? 2000);
const WARMUP = 100;
const SECRET = 'bench-secret';
const TOKEN = 'xoxb-test-hofors';
const ERIK = 'U01HOF0002';

/** The alternative: the listener does the work, then acks with the reply (no response_url post). */
function workFirstAdapter(rt: ChatRuntime, slackApiUrl: string): ChatAdapter {
  const receiver = new RouteReceiver({ path: '/slack/work-first/events', signingSecret: SECRET, now: rt.now, deliveries: rt.deliveries, logger: rt.logger });
  const app = new BoltApp({ receiver, authorize: async () => ({ botToken: TOKEN, botId: 'B0', botUserId: 'U0' }), clientOptions: { slackApiUrl }, convoStore: false });
  app.command('/svarstid', async ({ command, ack }) => {
    const reply = await rt.chat.handleText({ platform: 'slack', id: command.user_id, orgId: 'hofors' }, command.text, rt.now());
    await ack({ response_type: 'ephemeral', ...replyMessage(reply, rt.now()) });
  });
  return { platform: 'slack', routes: [receiver.route], notifier: { send: async () => {} }, reaches: () => false };
}

function stats(ms: number[]): { p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function main(): Promise<void> {
  const fake = await new FakeSlackApi([TOKEN]).start();
  let time = new Date('2026-11-24T09:00:00+01:00').getTime();
  const app = await createApp({
    database: { memory: true },
    clock: { now: () => time },
    logger: pino({ level: 'silent' }),
    apiToken: 't',
    sourceRoutes: () => [],
    chatAdapters: (rt) => [
      createSlackAdapter({ workspaces: [{ orgId: 'hofors', botToken: TOKEN, signingSecret: SECRET, path: '/slack/events' }] }, rt, { clientOptions: { slackApiUrl: fake.url } }),
      workFirstAdapter(rt, fake.url),
    ],
  });
  const admin = { directory: app.directory, policies: app.policies, now: () => time };
  await applyPolicyFile(admin, 'policies/hofors.yaml');
  await applyDirectoryFile(admin, 'directory/hofors.yaml');
  for (let k = 0; k < 60; k++) {
    const message = { source: 'meta' as const, channel: 'facebook' as const, accountExternalId: '104000000000001', externalId: `bench-${k}`, author: { name: `Medborgare ${k}` }, text: `Fråga nummer ${k} om sophämtningen`, receivedAt: time - k * 60_000, raw: {} };
    await app.ingest.ingest([{ kind: 'message', message }]);
  }
  await app.startChat();
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // the load generator runs in its own process, as Slack does: PGlite works on this thread, and an
  // in-process client would wait for it before even reading the ack
  const received = new Set<string>();
  const waiters = new Map<string, () => void>();
  fake.onResponse = (r) => {
    received.add(r.name);
    waiters.get(r.name)?.();
  };
  const client = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, SLACK_ACK_ROLE: 'client' }, execArgv: ['--import', 'tsx'] });
  client.on('message', (m: { type: string; name?: string }) => {
    if (m.type !== 'wait') return;
    const done = () => client.send({ type: 'replied', name: m.name });
    if (received.has(m.name!)) done();
    else waiters.set(m.name!, done);
  });
  const run = (path: string, n: number, viaResponseUrl: boolean): Promise<Result> =>
    new Promise((resolve) => {
      client.once('message', function onResult(m: { type: string } & Result) {
        if (m.type === 'result') resolve(m);
        else client.once('message', onResult);
      });
      client.send({ type: 'run', url: `${base}${path}`, n, viaResponseUrl, nowMs: time, responseBase: fake.responseUrl(''), prefix: `${path}-${Math.random()}` });
    });
  await run('/slack/events', WARMUP, true);
  await run('/slack/work-first/events', WARMUP, false);
  const ackFirst = await run('/slack/events', N, true);
  const workFirst = await run('/slack/work-first/events', N, false);

  const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10);
  console.log(`slash command "/svarstid lista" over HTTP, ${N} sequential commands per mode after ${WARMUP} warm-up; PGlite, 60 open questions (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log(`  mode                                          ack p50    ack p95    ack p99    ack max   done p50   done p99   wall`);
  for (const [name, r] of [['ack first, reply via response_url (shipped)', ackFirst], ['work first, reply in the ack (alternative)', workFirst]] as const) {
    const s = stats(r.ms);
    const d = stats(r.done);
    console.log(`  ${name.padEnd(44)}${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ${f(s.max)} ${f(d.p50)} ${f(d.p99)}   ${(r.wall / 1000).toFixed(1)} s`);
  }
  const p99 = stats(ackFirst.ms).p99;
  console.log(`  target p99 < 200 ms for the ack: ${p99 < 200 ? 'met' : 'NOT met'} (${p99.toFixed(1)} ms)`);
  client.kill();
  await app.close();
  await fake.close();
}

interface Result {
  ms: number[];
  done: number[];
  wall: number;
}

/** The client process: posts signed commands one at a time; for ack first, waits for the reply (told by the parent). */
function clientProcess(): void {
  const replied = new Map<string, () => void>();
  process.on('message', async (m: { type: string; name?: string; url?: string; n?: number; viaResponseUrl?: boolean; nowMs?: number; responseBase?: string; prefix?: string }) => {
    if (m.type === 'replied') return replied.get(m.name!)?.();
    if (m.type !== 'run') return;
    const ms: number[] = [];
    const done: number[] = [];
    const started = performance.now();
    for (let i = 0; i < m.n!; i++) {
      const name = `${m.prefix}-${i}`;
      const body = commandBody({ text: process.env.TEXT ?? 'lista', userId: ERIK, responseUrl: `${m.responseBase}${name}`, triggerId: name });
      const t0 = performance.now();
      const r = await postSigned(m.url!, body, { secret: SECRET, nowMs: m.nowMs!, contentType: FORM });
      if (r.status !== 200) throw new Error(`${m.url} answered ${r.status}: ${r.text.slice(0, 200)}`);
      ms.push(r.ms);
      if (m.viaResponseUrl) {
        await new Promise<void>((resolve) => {
          replied.set(name, resolve);
          process.send!({ type: 'wait', name });
        });
      }
      done.push(performance.now() - t0);
    }
    process.send!({ type: 'result', ms, done, wall: performance.now() - started });
  });
}

if (process.env.SLACK_ACK_ROLE === 'client') clientProcess();
else await main();
