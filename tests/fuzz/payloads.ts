/**
 * Well-formed payloads of each entry point (shapes as in tests/fixtures, addressed to the accounts
 * of tests/fixtures/directory/hofors.yaml), each with overrides, so that a case changes one thing.
 */
import type { FuzzApp } from './fuzz-app.js';

/** The fuzz clock: Wednesday 2026-11-25 12:00 in Stockholm. */
export const NOW = Date.parse('2026-11-25T12:00:00+01:00');
export const NOW_S = Math.floor(NOW / 1000);
const PAGE = '104857331234567';
const INSTAGRAM = '17841400000000001';
const X_ACCOUNT = '289337474';

type Over = Record<string, unknown>;

/** A generic webhook message to Hofors' blog. */
export const genericMessage = (id: string, over: Over = {}): Over => ({
  account: 'hofors-bloggen',
  external_id: id,
  author: 'Kalle',
  text: 'Gäller detta även Tallbacken?',
  received_at: '2026-11-25T09:20:00+01:00',
  ...over,
});

/** A Facebook comment (Meta feed change); `value` overrides fields of the change's value. */
export const metaComment = (id: string, value: Over = {}, entry: Over = {}): Over => ({
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: NOW_S - 60,
      changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `${PAGE}_${id}`, post_id: `${PAGE}_1`, created_time: NOW_S - 120, message: 'När öppnar badhuset?', from: { id: '7391028475610293', name: 'Anna' }, ...value } }],
      ...entry,
    },
  ],
});

/** A Messenger message. */
export const messengerMessage = (id: string, over: Over = {}): Over => ({
  object: 'page',
  entry: [{ id: PAGE, time: NOW - 60_000, messaging: [{ sender: { id: '5550001' }, recipient: { id: PAGE }, timestamp: NOW - 90_000, message: { mid: `m_${id}`, text: 'Hej!' }, ...over }] }],
});

/** An Instagram comment (its time is entry.time). */
export const instagramComment = (id: string, time: number = NOW_S - 60): Over => ({
  object: 'instagram',
  entry: [{ id: INSTAGRAM, time, changes: [{ field: 'comments', value: { id, text: 'Hur länge är det öppet?', from: { id: '8123947561029384', username: 'elin' }, media: { id: '1803' } } }] }],
});

/** An X mention; `tweet` overrides fields of the tweet. */
export const xMention = (id: string, tweet: Over = {}): Over => ({
  for_user_id: X_ACCOUNT,
  tweet_create_events: [{ id_str: id, text: '@hoforskommun när öppnar badhuset?', created_at: 'Wed Nov 25 10:58:00 +0000 2026', user: { id_str: '1187345520741916672', screen_name: 'anna' }, ...tweet }],
});

/** An X direct message. */
export const xDirectMessage = (id: string, createdTimestamp: string = String(NOW - 60_000)): Over => ({
  for_user_id: X_ACCOUNT,
  direct_message_events: [{ type: 'message_create', id, created_timestamp: createdTimestamp, message_create: { target: { recipient_id: X_ACCOUNT }, sender_id: '1187345520741916672', message_data: { text: 'Hej' } } }],
});

/** A Teams personal message from someone not in the directory; replies go to the fake connector. */
export const teamsActivity = (id: string, over: Over = {}) => (f: FuzzApp): Over => ({
  type: 'message',
  id,
  timestamp: new Date(NOW).toISOString(),
  channelId: 'msteams',
  serviceUrl: f.connectorUrl,
  from: { id: '29:1someone-else', name: 'Okänd Person', aadObjectId: 'aad-x' },
  recipient: { id: '28:svarstid-bot', name: 'svarstid' },
  conversation: { id: `a:personal-${id}`, conversationType: 'personal', tenantId: 'tenant-hofors' },
  channelData: { tenant: { id: 'tenant-hofors' } },
  locale: 'sv-SE',
  text: 'hjälp',
  ...over,
});

/** A slash command's form body from a Slack user not in the directory. */
export const slashCommand = (text: string, over: Record<string, string> = {}) => (f: FuzzApp): string =>
  new URLSearchParams({ token: 'x', team_id: 'T0HOFORS', team_domain: 'hofors', channel_id: 'D1', channel_name: 'directmessage', user_id: 'U09NOTHERE', user_name: 'someone', command: '/svarstid', text, api_app_id: 'A0SVARSTID', response_url: f.slackResponseUrl, trigger_id: '1.2.3', ...over }).toString();
