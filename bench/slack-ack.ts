/**
 * Slash-command ack latency over HTTP, signed as Slack signs: the shipped adapter (ack first, then do
 * the work and answer through response_url) beside the alternative of doing the work before acking
 * (the reply in the HTTP answer), in the same run, on in-memory PGlite with the Hofors policy and
 * directory, 60 open questions, and `/svarstid lista` (the queue query) as the command.
 *
 *   npm run bench:slack-ack            (N=2000 by default; N=500 npm run bench:slack-ack for a quick run)
 *
 * Target: p99 < 200 ms for the ack.
 */
import type { AddressInfo } from 'node:net';
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
  const receiver = new RouteReceiver({ path: '/slack/work-first/events', signingSecret: SECRET, now: rt.now, logger: rt.logger });
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

  const run = async (path: string, n: number): Promise<{ ms: number[]; wall: number }> => {
    const ms: number[] = [];
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      const body = commandBody({ text: 'lista', userId: ERIK, responseUrl: fake.responseUrl('bench'), triggerId: `${path}-${i}-${Math.random()}` });
      const r = await postSigned(`${base}${path}`, body, { secret: SECRET, nowMs: time, contentType: FORM });
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${r.text.slice(0, 200)}`);
      ms.push(r.ms);
    }
    return { ms, wall: performance.now() - started };
  };
  const replies = () => fake.responses.filter((r) => r.name === 'bench').length;

  await run('/slack/events', WARMUP);
  await run('/slack/work-first/events', WARMUP);
  const before = replies();
  const ackFirst = await run('/slack/events', N);
  const deadline = Date.now() + 30_000;
  while (replies() - before < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const answered = replies() - before;
  const workFirst = await run('/slack/work-first/events', N);

  const f = (x: number) => `${x.toFixed(1)} ms`.padStart(10);
  console.log(`slash command "/svarstid lista" over HTTP, ${N} sequential commands per mode after ${WARMUP} warm-up; PGlite, 60 open questions (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  console.log(`  mode                                        p50        p95        p99        max       mean   wall`);
  for (const [name, r] of [['ack first, reply via response_url (shipped)', ackFirst], ['work first, reply in the ack (alternative)', workFirst]] as const) {
    const s = stats(r.ms);
    console.log(`  ${name.padEnd(42)}${f(s.p50)} ${f(s.p95)} ${f(s.p99)} ${f(s.max)} ${f(s.mean)}   ${(r.wall / 1000).toFixed(1)} s`);
  }
  console.log(`  response_url replies received for the ack-first commands: ${answered} of ${N}`);
  const p99 = stats(ackFirst.ms).p99;
  console.log(`  target p99 < 200 ms for the ack: ${p99 < 200 ? 'met' : 'NOT met'} (${p99.toFixed(1)} ms)`);
  await app.close();
  await fake.close();
}

await main();
