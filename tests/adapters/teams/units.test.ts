/** The Teams adapter's pure parts: configuration from the environment, conversation references, card actions, generic cards. */
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../../../adapters/teams/card-action.js';
import { teamsConfigFromEnv } from '../../../adapters/teams/config.js';
import { MAX_IMAGE_BYTES, notificationActivity, renderedActivity } from '../../../adapters/teams/notification-activity.js';
import { retryAfterMs } from '../../../adapters/teams/notifier.js';
import { conversationKind, saveReference } from '../../../adapters/teams/references.js';
import { isLoopbackUrl } from '../../../adapters/teams/loopback.js';
import type { ConversationPort } from '../../../src/chat/adapter.js';
import type { Notification } from '../../../src/reminders/model.js';

describe('teamsConfigFromEnv', () => {
  const full = { MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TENANT_ID: 'tenant' };
  it('no MICROSOFT_APP_* variable: Teams is not used', () => {
    expect(teamsConfigFromEnv({})).toBeUndefined();
  });
  it('all three: a SingleTenant bot', () => {
    expect(teamsConfigFromEnv(full)).toEqual({ appId: 'app', appPassword: 'pw', tenantId: 'tenant' });
  });
  it('partly configured: an error naming what is missing', () => {
    expect(() => teamsConfigFromEnv({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw' })).toThrow('MICROSOFT_APP_TENANT_ID is missing');
    expect(() => teamsConfigFromEnv({ MICROSOFT_APP_ID: 'app' })).toThrow('MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID are missing');
  });
  it('MultiTenant is refused', () => {
    expect(() => teamsConfigFromEnv({ ...full, MICROSOFT_APP_TYPE: 'MultiTenant' })).toThrow('SingleTenant');
  });
  describe('turning authentication off (issue 11, item 13)', () => {
    it.each(['1', 'true', 'TRUE', ' True '])('only an explicit %j turns it off', (v) => {
      expect(teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: v })).toEqual({ appId: '', appPassword: '', tenantId: '' });
    });
    it.each(['0', 'false', 'no', 'off', 'OFF', ''])('%j keeps it on (no Teams without credentials)', (v) => {
      expect(teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: v })).toBeUndefined();
      expect(teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: v, ...full })).toEqual({ appId: 'app', appPassword: 'pw', tenantId: 'tenant' });
    });
    it.each(['yes', 'on', '2', 'disable'])('%j is not understood and refused, naming what works', (v) => {
      expect(() => teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: v })).toThrow('only 1 or true turns Teams authentication off');
    });
    it.each(['production', 'Production', 'PRODUCTION', ' production ', 'prod', 'Prod'])('is refused with NODE_ENV=%j', (nodeEnv) => {
      expect(() => teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: '1', NODE_ENV: nodeEnv })).toThrow('SVARSTID_TEAMS_NO_AUTH is refused with NODE_ENV=');
    });
    it('is allowed in development and test, and never together with credentials', () => {
      expect(teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: '1', NODE_ENV: 'development' })).toEqual({ appId: '', appPassword: '', tenantId: '' });
      expect(() => teamsConfigFromEnv({ SVARSTID_TEAMS_NO_AUTH: '1', ...full })).toThrow('SVARSTID_TEAMS_NO_AUTH is set together with');
    });
  });
});

describe('loopback addresses (where the bot may call with authentication off)', () => {
  it.each(['http://127.0.0.1:3978/', 'http://localhost/', 'https://127.9.8.7/x', 'http://[::1]:80/', 'http://[::ffff:127.0.0.1]/'])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
  it.each(['http://169.254.169.254/latest/meta-data/', 'https://smba.trafficmanager.net/emea/', 'http://10.0.0.1/', 'http://127.0.0.1.evil.example/', 'http://localhost.evil.example/', 'file:///etc/passwd', 'http://[::ffff:a9fe:a9fe]/', 'not a url'])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('conversation references', () => {
  const memory = () => {
    const saved = new Map<string, Record<string, unknown>>();
    const port: ConversationPort = { save: async (_p, id, ref) => void saved.set(id, ref), find: async (_p, ids) => ids.map((i) => saved.get(i)).find(Boolean) };
    return { saved, port };
  };
  const activity = (conversationType: string, type = 'installationUpdate'): Partial<Activity> => ({
    type, action: 'add', id: 'a1', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:1hofors-erik', name: 'Erik Lind', aadObjectId: 'aad-erik' }, recipient: { id: '28:bot', name: 'svarstid' },
    conversation: { id: 'a:1', name: '', isGroup: false, conversationType, tenantId: 't' },
  });
  it('a personal chat is kept under the Teams id and the Entra object id, without the activity id', async () => {
    const { saved, port } = memory();
    expect(await saveReference(port, activity('personal'), 0)).toBe(true);
    expect([...saved.keys()]).toEqual(['29:1hofors-erik', 'aad-erik']);
    expect(saved.get('aad-erik')).toMatchObject({ conversation: { id: 'a:1' }, serviceUrl: 'https://smba.trafficmanager.net/emea/', user: { id: '29:1hofors-erik' } });
    expect(saved.get('aad-erik')).not.toHaveProperty('activityId');
  });
  it('a channel or group chat is never kept as the place for reminders', async () => {
    const { saved, port } = memory();
    expect(await saveReference(port, activity('channel'), 0)).toBe(false);
    expect(await saveReference(port, activity('groupChat'), 0)).toBe(false);
    expect(saved.size).toBe(0);
  });
  describe('personal or not, decided from the conversation itself when conversationType is missing', () => {
    const without = (conversation: Record<string, unknown>, channelData?: Record<string, unknown>): Partial<Activity> => ({
      ...activity('personal', 'message'),
      conversation: conversation as never,
      ...(channelData && { channelData }),
    });
    it.each([
      ['a channel thread id', without({ id: '19:abc123@thread.skype;messageid=1712' }), 'channel'],
      ['channelData.channel and .team (the older documented shape)', without({ id: '19:abc123@thread.tacv2' }, { channel: { id: '19:abc123@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } }), 'channel'],
      ['the older teamsChannelId', without({ id: 'x' }, { teamsChannelId: '19:abc@thread.skype', teamsTeamId: '19:t@thread.skype' }), 'channel'],
      ['isGroup', without({ id: 'a:group', isGroup: true }), 'groupChat'],
      ['a group chat thread id', without({ id: '19:meeting_abc@thread.v2' }), 'groupChat'],
      ['a personal id (a:…)', without({ id: 'a:1x2y3z' }), 'personal'],
      ['the Emulator (a GUID)', without({ id: '6f1c2b9e-2a41-4c55-9d0e-1b2c3d4e5f60|livechat' }), 'personal'],
    ])('%s', (_what, a, kind) => {
      expect(conversationKind(a)).toBe(kind);
    });
    it('a channel message without conversationType is not kept as the sender\'s personal chat', async () => {
      const { saved, port } = memory();
      expect(await saveReference(port, without({ id: '19:abc123@thread.skype;messageid=1712' }, { channel: { id: '19:abc123@thread.skype' } }), 0)).toBe(false);
      expect(saved.size).toBe(0);
    });
  });
});

describe('card actions', () => {
  it('buttons and their inputs (each under <action>.<field>) become the chat service\'s commands', () => {
    expect(parseCardAction({ svarstid: 'claim', inquiryId: 42 })).toEqual({ ok: true, command: { type: 'claim', inquiryId: 42 } });
    expect(parseCardAction({ svarstid: 'done', inquiryId: '42' })).toEqual({ ok: true, command: { type: 'done', inquiryId: 42 } });
    expect(parseCardAction({ svarstid: 'forward', inquiryId: 1, 'forward.to': 'teams:29:x', 'forward.reason': ' ok ' })).toEqual({ ok: true, command: { type: 'forward', inquiryId: 1, to: { kind: 'teams', id: '29:x' }, reason: 'ok' } });
    expect(parseCardAction({ svarstid: 'forward', inquiryId: 1, 'forward.to': 'name:Maria Ek', 'forward.reason': '' })).toEqual({ ok: true, command: { type: 'forward', inquiryId: 1, to: { kind: 'name', name: 'Maria Ek' } } });
    expect(parseCardAction({ svarstid: 'close', inquiryId: 1, 'close.reason': 'annat', 'close.note': 'dubblett' })).toEqual({ ok: true, command: { type: 'close', inquiryId: 1, reason: 'annat', note: 'dubblett' } });
    expect(parseCardAction({ svarstid: 'register', inquiryId: 1 })).toEqual({ ok: true, command: { type: 'register', inquiryId: 1 } });
    expect(parseCardAction({ svarstid: 'page', pages: 'mine=2;unclaimed=1' })).toEqual({ ok: true, page: { mine: 2, unclaimed: 1 } });
  });
  it.each([[true], [false], [[3058]], ['3e3'], [' 7'], ['0x10'], [''], [1.5], [0], [-3], [2_147_483_648], [null], [{}], ['12345678901']])('an inquiryId of %j is not a svarstid button (never coerced)', (inquiryId) => {
    expect(parseCardAction({ svarstid: 'claim', inquiryId })).toEqual({ ok: false, problem: 'bad_action' });
  });
  it('an input of another dialog on the same card is not read (a reason typed for close is no forward reason)', () => {
    expect(parseCardAction({ svarstid: 'forward', inquiryId: 1, 'forward.to': 'teams:29:x', 'close.note': 'spam' })).toEqual({ ok: true, command: { type: 'forward', inquiryId: 1, to: { kind: 'teams', id: '29:x' } } });
  });
  it('missing inputs are told in the person\'s language, foreign values apart', () => {
    const missing = (v: unknown, lang: 'sv' | 'en') => {
      const r = parseCardAction(v);
      return !r.ok && r.problem === 'missing' ? r.message(lang) : r;
    };
    expect(missing({ svarstid: 'forward', inquiryId: 1 }, 'sv')).toBe('Välj vem frågan ska skickas vidare till.');
    expect(missing({ svarstid: 'forward', inquiryId: 1, 'forward.to': 'anna' }, 'en')).toBe('Choose who the question should go to.');
    expect(missing({ svarstid: 'close', inquiryId: 1, 'close.reason': 'spam' }, 'sv')).toBe('Välj ett skäl ur riktlinjernas lista.');
    expect(parseCardAction({ svarstid: 'claim', inquiryId: 0 })).toEqual({ ok: false, problem: 'bad_action' });
    expect(parseCardAction({ svarstid: 'claim', inquiryId: 1.5 })).toEqual({ ok: false, problem: 'bad_action' });
    expect(parseCardAction({ svarstid: 'delete', inquiryId: 1 })).toEqual({ ok: false, problem: 'bad_action' });
    expect(parseCardAction(null)).toEqual({ ok: false, problem: 'bad_action' });
  });
});

describe('Retry-After', () => {
  it('seconds or an HTTP date', () => {
    expect(retryAfterMs('30', 0)).toBe(30_000);
    expect(retryAfterMs(new Date(90_000).toUTCString(), 0)).toBe(90_000);
    expect(retryAfterMs(undefined, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
  });
});

describe('notifications other than reminders', () => {
  const digest: Notification = { type: 'digest', date: '2026-11-24', inquiries: [], unrouted: [], timezone: 'Europe/Stockholm', language: 'sv' };
  it('render generically from the text renderer, as a card without buttons', () => {
    const a = notificationActivity(digest, [], Date.parse('2026-11-24T07:15:00Z'));
    expect(a.attachments).toHaveLength(1);
    const card = a.attachments![0]!.content as any;
    expect(card.actions).toBeUndefined();
    expect(card.body[0].inlines[0].text).toBe(a.summary);
  });
  it('a picture goes along as an inline PNG, its alt text in the card', () => {
    const image = { png: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), alt: 'Diagram över svarstiderna vecka 47', filename: 'svarstid-vecka-2026-W47.png' };
    const a = renderedActivity({ title: 'Veckosammanfattning', lines: ['Alla besvarade i tid.'], fallback: 'Veckosammanfattning\nAlla besvarade i tid.', image }, 'sv');
    expect(a.attachments![1]).toEqual({ contentType: 'image/png', contentUrl: 'data:image/png;base64,iVBORw==', name: 'svarstid-vecka-2026-W47.png' });
    expect((a.attachments![0]!.content as any).body.map((b: any) => b.inlines[0].text)).toEqual(['Veckosammanfattning', 'Alla besvarade i tid.', 'Diagram över svarstiderna vecka 47']);
  });
  it('a picture too large for a Teams message is left out, and the card says so', () => {
    const image = { png: new Uint8Array(MAX_IMAGE_BYTES + 1), alt: 'Diagram', filename: 'x.png' };
    const a = renderedActivity({ title: 'Veckosammanfattning', lines: [], fallback: 'Veckosammanfattning', image }, 'sv');
    expect(a.attachments).toHaveLength(1);
    expect(JSON.stringify(a.attachments![0]!.content)).toContain('Bilden fick inte plats i meddelandet.');
  });
});

describe('a reminder card', () => {
  const reminder = (registered: boolean): Notification => ({
    type: 'reminder', moment: 'heads_up', timezone: 'Europe/Stockholm', language: 'sv',
    inquiry: { id: 42, channel: 'facebook', accountName: 'Hofors kommun', authorName: 'Karin', text: 'Hej?', url: null, receivedAt: Date.parse('2026-11-24T09:00:00Z'), deadline: Date.parse('2026-11-25T09:00:00Z'), workingTimeLeft: 3_600_000, state: 'open', assigneeName: null, personalData: [], registered, caseNumber: registered ? 'KS 2026/5' : null },
  });
  const titles = (n: Notification) => ((notificationActivity(n, [], Date.parse('2026-11-24T10:00:00Z')).attachments![0]!.content as any).actions as any[]).map((a) => a.title);
  it('offers Diarieför only while the inquiry is not registered', () => {
    expect(titles(reminder(false))).toContain('Diarieför');
    expect(titles(reminder(true))).not.toContain('Diarieför');
  });
  it('the forward choice submits the directory key when the person has no Teams id', async () => {
    const { personChoice } = await import('../../../adapters/teams/people.js');
    const maria = { id: 3, key: 'maria.ek', orgId: 'hofors', name: 'Maria Ek', title: null, role: 'officer' as const, language: null, slackUserId: null, teamsUserId: null, active: true };
    expect(personChoice(maria)).toBe('name:maria.ek');
    expect(personChoice({ ...maria, teamsUserId: '29:x' })).toBe('teams:29:x');
  });
});
