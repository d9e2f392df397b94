/**
 * Rows against /slack/events, signed as Slack signs (v0 HMAC over "v0:{ts}:{body}"); the Teams
 * endpoint's rows are with the other JSON entry points in rows-webhooks.ts.
 */
import { slackSignature } from '../fakes/slack-signing.js';
import { deep, noise, slack, uid, type Case } from './case.js';
import { SLACK_SECRET, type FuzzApp } from './fuzz-app.js';
import { NOW_S, slashCommand } from './payloads.js';

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** Signed with a timestamp `ageSeconds` before the server's clock. */
const signedAt = (body: string, ageSeconds: number) => (f: FuzzApp) =>
  slack(body, { sign: 'none', headers: [['X-Slack-Request-Timestamp', String(NOW_S - ageSeconds)], ['X-Slack-Signature', slackSignature(SLACK_SECRET, body, NOW_S - ageSeconds)]] })(f);

const interaction = (payload: unknown) => slack(form({ payload: JSON.stringify(payload) }), { contentType: FORM });
/** Erik Lind, an officer of Hofors (tests/fixtures/directory/hofors.yaml) */
const erik = (text: string) => slack(slashCommand(text, { user_id: 'U01HOF0002', user_name: 'erik' }), { contentType: FORM });
const ERIK_COMMANDS = ['ta 99999999999999999999', 'ta 9223372036854775808', 'ta -1', 'ta 1e3', 'skicka 1 @', 'skicka 99999999999 @anna.berg', `stäng 1 ${'x'.repeat(2_000)}`, 'borta 9999-12-31', 'borta 0050-01-01 till 0050-02-01', 'borta 2026-11-30 till 2026-11-01', `lista ${'\u202e'.repeat(100)}`, `diarieför 1 ${'x'.repeat(2_000)}`, 'rapport 9999-W99', 'rapport 2026-W00'];

export const SLACK: Case[] = [
  ...ERIK_COMMANDS.map((t) => ({ name: `slack: an officer's command "${t.slice(0, 40)}"`, send: erik(t), status: 200 })),
  { name: 'slack: block_actions without user or team', send: interaction({ type: 'block_actions', actions: [] }), status: 400, error: 'malformed_body', message: /needs team or user/ },
  { name: 'slack: view_submission without a view', send: interaction({ type: 'view_submission', user: { id: 'U01HOF0002' }, team: { id: 'T0HOFORS' } }), status: 400, error: 'malformed_body', message: /view must be an object/ },
  { name: 'slack: a shortcut without user or team', send: interaction({ type: 'shortcut', callback_id: 'x', trigger_id: 't' }), status: 400, error: 'malformed_body' },
  { name: 'slack: an event that is text', send: slack({ type: 'event_callback', event_id: uid('Ev'), event: 'message' }), status: 400, error: 'malformed_body', message: /event must be an object/ },
  { name: 'slack: a button nobody listens to', send: interaction({ type: 'block_actions', user: { id: 'U01HOF0002' }, team: { id: 'T0HOFORS' }, trigger_id: uid('tr'), actions: [{ type: 'button', action_id: 'nope', block_id: 'x', value: '1' }] }), status: 404, error: 'unhandled_request' },
  { name: 'slack: a modal submission with a broken state', send: interaction({ type: 'view_submission', user: { id: 'U01HOF0002' }, team: { id: 'T0HOFORS' }, trigger_id: uid('tr'), view: { callback_id: 'svarstid:forward', private_metadata: '{{{', state: { values: 5 } } }), status: 200 },
  { name: 'slack: a trigger_id of 10 KB (hashed into the delivery key)', send: slack(slashCommand('lista', { trigger_id: noise(10_000) }), { contentType: FORM }), status: 200 },
  { name: 'slack: an event_id of 10 KB', send: slack({ type: 'event_callback', team_id: 'T0HOFORS', event_id: noise(10_000), event_time: NOW_S, event: { type: 'reaction_added', user: 'U1' } }), status: 200 },
  { name: 'slack: app_home_opened by an officer', send: slack({ type: 'event_callback', team_id: 'T0HOFORS', event_id: uid('Ev'), event_time: NOW_S, event: { type: 'app_home_opened', user: 'U01HOF0002', tab: 'home' } }), status: 200 },
  { name: 'slack: app_rate_limited (no listener)', send: slack({ type: 'app_rate_limited', team_id: 'T0HOFORS', minute_rate_limited: NOW_S }), status: 404, error: 'unhandled_request' },
  { name: 'slack: url_verification', send: slack({ type: 'url_verification', token: 'x', challenge: 'c3po' }), status: 200 },
  { name: 'slack: a slash command from someone not in the directory', send: slack(slashCommand('hjälp'), { contentType: FORM }), status: 200 },
  { name: 'slack: a slash command of 3,000 characters', send: slack(slashCommand('lista '.repeat(500)), { contentType: FORM }), status: 200 },
  { name: 'slack: an event nobody listens to', send: slack({ type: 'event_callback', team_id: 'T0HOFORS', api_app_id: 'A0SVARSTID', event_id: uid('Ev'), event_time: NOW_S, event: { type: 'reaction_added', user: 'U1' } }), status: 200 },
  { name: 'slack: ssl_check', send: slack(form({ ssl_check: '1', token: 'x' }), { contentType: FORM }), status: 200 },
  { name: 'slack: unsigned', send: slack({ type: 'url_verification', challenge: 'c' }, { sign: 'none' }), status: 401, error: 'missing_signature' },
  { name: 'slack: a forged signature', send: slack({ type: 'url_verification', challenge: 'c' }, { sign: 'none', headers: [['X-Slack-Request-Timestamp', String(NOW_S)], ['X-Slack-Signature', `v0=${'0'.repeat(64)}`]] }), status: 401, error: 'bad_signature' },
  { name: 'slack: a timestamp that is not a number', send: slack({ type: 'url_verification', challenge: 'c' }, { sign: 'none', headers: [['X-Slack-Request-Timestamp', '1e9'], ['X-Slack-Signature', 'v0=00']] }), status: 401, error: 'bad_timestamp' },
  { name: 'slack: signed 10 minutes ago', send: signedAt('{"type":"url_verification","challenge":"c"}', 600), status: 401, error: 'stale_request' },
  { name: 'slack: the signature twice', send: slack({ type: 'url_verification', challenge: 'c' }, { headers: [['X-Slack-Signature', 'v0=00']] }), status: 400, error: 'duplicate_header' },
  { name: 'slack: an empty body', send: slack(''), status: 400, error: 'malformed_body' },
  { name: 'slack: not JSON', send: slack('hej'), status: 400, error: 'malformed_body' },
  { name: 'slack: 5,000 nested levels', send: slack(deep(5_000)), status: 400, error: 'malformed_body', message: /deeper than 64/ },
  { name: 'slack: an interaction payload nested 5,000 levels', send: slack(form({ payload: deep(5_000) }), { contentType: FORM }), status: 400, error: 'malformed_body', message: /deeper than 64/ },
  { name: 'slack: an interaction payload that is not JSON', send: slack(form({ payload: '{' }), { contentType: FORM }), status: 400, error: 'malformed_body' },
  { name: 'slack: a form that is neither a command nor an interaction', send: slack(form({ a: '1' }), { contentType: FORM }), status: 400, error: 'malformed_body' },
  { name: 'slack: a JSON array', send: slack('[]'), status: 400, error: 'malformed_body' },
  { name: 'slack: JSON without a type', send: slack({ challenge: 'c' }), status: 400, error: 'malformed_body' },
  { name: 'slack: text/plain', send: slack('{"type":"url_verification","challenge":"c"}', { contentType: 'text/plain' }), status: 415, error: 'unsupported_content_type' },
  { name: 'slack: a body over 1 MiB', send: slack(Buffer.alloc(1024 * 1024 + 1, 0x20)), status: 413, error: 'payload_too_large' },
];
