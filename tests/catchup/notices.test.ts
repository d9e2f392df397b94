/** Which notices the managers get after a run: each cause once per account, until it recovers (pure). */
import { describe, expect, it } from 'vitest';
import { nextNotices } from '../../src/catchup/notices.js';

const ok = { missed: 0, known: 0, read: true } as const;

describe('the managers are told', () => {
  it('of a silent webhook once: the first run that finds missed messages', () => {
    expect(nextNotices([], { ...ok, missed: 2 })).toEqual({ notices: ['webhook_missed'], send: ['webhook_missed'] });
    expect(nextNotices(['webhook_missed'], { ...ok, missed: 1 })).toEqual({ notices: ['webhook_missed'], send: [] });
  });
  it('a silent webhook recovers only when a run finds messages and all came by webhook', () => {
    expect(nextNotices(['webhook_missed'], ok).notices).toEqual(['webhook_missed']);
    expect(nextNotices(['webhook_missed'], { ...ok, known: 3 }).notices).toEqual([]);
  });
  it('of a lost subscription while it lasts, cleared when the app is subscribed again', () => {
    expect(nextNotices([], { ...ok, subscribed: false }).send).toEqual(['unsubscribed']);
    expect(nextNotices(['unsubscribed'], ok).notices).toEqual(['unsubscribed']);
    expect(nextNotices(['unsubscribed'], { ...ok, subscribed: true }).notices).toEqual([]);
  });
  it('of a token that stopped working once; any run that reads clears it', () => {
    const failed = { missed: 0, known: 0, read: false, failure: 'token_invalid' } as const;
    expect(nextNotices([], failed).send).toEqual(['token_invalid']);
    expect(nextNotices(['token_invalid'], failed).send).toEqual([]);
    expect(nextNotices(['token_invalid'], ok).notices).toEqual([]);
  });
  it('a run that could not read keeps what it cannot judge', () => {
    expect(nextNotices(['unsubscribed', 'webhook_missed'], { missed: 0, known: 0, read: false, failure: 'permission' })).toEqual({ notices: ['permission', 'unsubscribed', 'webhook_missed'], send: ['permission'] });
  });
});
