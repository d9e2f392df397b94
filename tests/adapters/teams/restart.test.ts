/**
 * A reminder after a restart: Erik opened his chat with the bot before; the process is restarted
 * (a new app on the same database); the tick sends his reminder into that chat from the stored
 * conversation reference alone. On PGlite with a data folder, and on PostgreSQL when configured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../../src/db/connection.js';
import { freshPostgresUrl } from '../../support/databases.js';
import { at } from '../../support/calendar-builder.js';
import { startFakeTeamsConnector, type FakeTeamsConnector } from '../../fakes/teams-connector.js';
import { buttons, cardLines } from './card-content.js';
import { ERIK, startTeamsHarness } from './teams-harness.js';

const targets: Array<{ name: string; make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> }> = [
  {
    name: 'PGlite in a data folder',
    make: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'svarstid-teams-'));
      return { target: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', make: async () => { const { url, drop } = await freshPostgresUrl(); return { target: { url }, drop }; } }]
    : []),
];

describe.each(targets)('a proactive reminder after a restart ($name)', ({ make }) => {
  let connector: FakeTeamsConnector;
  let db: { target: DatabaseTarget; drop: () => Promise<void> };
  beforeAll(async () => {
    connector = await startFakeTeamsConnector();
    db = await make();
  });
  afterAll(async () => {
    await connector.close();
    await db.drop();
  });

  it('reaches Erik in the personal chat he opened before the restart', async () => {
    const before = await startTeamsHarness({ time: at('2026-11-24T09:00'), target: db.target, connector });
    let id: number;
    try {
      await before.post(before.activity(ERIK, { type: 'conversationUpdate', membersAdded: [{ id: '28:svarstid-bot' }], text: undefined }));
      id = await before.comment('after-restart');
    } finally {
      await before.close();
    }
    expect(connector.calls).toHaveLength(0);

    const after = await startTeamsHarness({ time: at('2026-11-24T14:00'), target: db.target, connector });
    try {
      await after.app.tick(after.time);
      const sent = connector.sentTo(ERIK.conversation);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'send', conversationId: ERIK.conversation });
      expect(sent[0]!.body.recipient).toMatchObject({ id: ERIK.id });
      expect(cardLines(sent[0])).toContain(`Fråga #${id} till Hofors kommun på Facebook`);
      expect(buttons(sent[0])).toContain('Ta frågan');
    } finally {
      await after.close();
    }
  });
});
