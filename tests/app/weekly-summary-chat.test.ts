/**
 * The weekly summary reaches Hofors' manager (Anna Berg) with its chart, in Slack (a DM and a file
 * uploaded with the upload v2 flow) and in Teams (a card and the PNG as an inline image), through the
 * real Bolt and botbuilder adapters against the fake platforms. Week 47 of 2026 (16–22 November):
 * two Facebook comments, one answered in time from Slack/Teams; the summary is due Monday 23
 * November at 08:00 (policies/hofors.yaml: "monday 08:00").
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { startSlackHarness, ANNA as SLACK_ANNA, ERIK as SLACK_ERIK } from '../adapters/slack/support.js';
import { startTeamsHarness, ANNA as TEAMS_ANNA, ERIK as TEAMS_ERIK } from '../adapters/teams/teams-harness.js';
import { at } from '../support/calendar-builder.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Two comments on Tuesday 17 November 10:00; the first answered at 11:00 by Erik. */
async function week47(app: App, claimAndAnswer: (id: number) => Promise<void>, setTime: (t: number) => void): Promise<void> {
  setTime(at('2026-11-17T10:00'));
  const ids: number[] = [];
  for (const externalId of ['w47-a', 'w47-b']) {
    const r = await app.ingest.ingest([{ kind: 'message', message: { source: 'meta', channel: 'facebook', accountExternalId: '104000000000001', externalId, author: { name: 'Karin' }, text: 'Hej?', receivedAt: at('2026-11-17T10:00'), raw: {} } }]);
    ids.push(r.received[0]!);
  }
  setTime(at('2026-11-17T11:00'));
  await claimAndAnswer(ids[0]!);
}

describe('the weekly summary in the chat platforms', () => {
  it('Slack: Anna gets a DM with the figures and the chart uploaded as a PNG, once', async () => {
    const h = await startSlackHarness({ time: at('2026-11-17T10:00') });
    try {
      await week47(h.app, async (id) => {
        const answered = await h.app.chat.handle({ platform: 'slack', id: SLACK_ERIK, orgId: 'hofors' }, { type: 'done', inquiryId: id }, h.time);
        expect(answered.kind).toBe('acted');
      }, (t) => (h.time = t));
      h.time = at('2026-11-23T07:59');
      expect(await h.app.summary(h.time)).toBe(0);
      h.time = at('2026-11-23T08:00');
      expect(await h.app.summary(h.time)).toBe(1);
      expect(await h.app.summary(at('2026-11-23T08:01'))).toBe(0);
      const posts = h.fake.callsTo('chat.postMessage');
      expect(posts).toHaveLength(1);
      const text = JSON.stringify(posts[0]!.params);
      expect(text).toContain('vecka 47');
      expect(h.fake.callsTo('conversations.open')[0]!.params).toMatchObject({ users: SLACK_ANNA });
      expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
      expect(h.fake.uploads).toHaveLength(1);
      expect(h.fake.uploads[0]!.bytes.subarray(0, 8)).toEqual(PNG);
    } finally {
      await h.close();
    }
  });

  it('Teams: Anna gets a card with the figures and the chart as an inline PNG, once', async () => {
    const h = await startTeamsHarness({ time: at('2026-11-16T09:00') });
    try {
      // Anna and Erik have opened the bot once, so it may write to them
      expect((await h.say(TEAMS_ANNA, 'hjälp')).status).toBe(200);
      expect((await h.say(TEAMS_ERIK, 'hjälp')).status).toBe(200);
      await week47(h.app, async (id) => {
        expect((await h.say(TEAMS_ERIK, `klar ${id}`)).status).toBe(200);
      }, (t) => (h.time = t));
      h.connector.clear();
      h.time = at('2026-11-23T08:00');
      expect(await h.app.summary(h.time)).toBe(1);
      expect(await h.app.summary(at('2026-11-23T08:05'))).toBe(0);
      const sent = h.connector.sentTo(TEAMS_ANNA.conversation);
      expect(sent).toHaveLength(1);
      const attachments = (sent[0]!.body as { attachments: Array<{ contentType: string; contentUrl?: string; content?: unknown }> }).attachments;
      expect(attachments.map((a) => a.contentType)).toEqual(['application/vnd.microsoft.card.adaptive', 'image/png']);
      expect(JSON.stringify(attachments[0]!.content)).toContain('vecka 47');
      expect(Buffer.from(attachments[1]!.contentUrl!.replace('data:image/png;base64,', ''), 'base64').subarray(0, 8)).toEqual(PNG);
    } finally {
      await h.close();
    }
  });
});
