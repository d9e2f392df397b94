import { describe, expect, it } from 'vitest';
import { InquiryError } from '../../src/inquiries/errors.js';
import { decide } from '../../src/inquiries/state-machine.js';
import { at } from '../support/calendar-builder.js';
import { inquiry } from '../support/inquiry-builder.js';

const now = at('2026-11-23T12:00');

describe('a citizen’s edit, decided by the state machine', () => {
  const edit = { type: 'edit', by: 'source', text: 'Ring 070-123 45 67', personalData: ['phone'], at: at('2026-11-23T11:00') } as const;
  it('replaces text and personal data, keeps the deadline and state, and keeps the earlier text whole in the event', () => {
    const i = inquiry({ state: 'claimed', assigneeId: 3 });
    const { patch, event } = decide(i, edit, now);
    expect(patch).toEqual({ text: 'Ring 070-123 45 67', personalData: ['phone'] });
    expect(event).toEqual({ type: 'edited', actor: 'source:meta', at: at('2026-11-23T11:00'), data: { previousText: i.text, previousPersonalData: [], personalData: ['phone'] } });
  });
  it('is taken in every state, an answered question’s too', () => {
    expect(decide(inquiry({ state: 'answered' }), edit, now).patch.text).toBe('Ring 070-123 45 67');
  });
  it('refuses a redelivery of the same text, and a text erased by retention', () => {
    expect(() => decide(inquiry({ text: 'Ring 070-123 45 67' }), edit, now)).toThrow(expect.objectContaining({ code: 'unchanged' }));
    expect(() => decide(inquiry({ text: null }), edit, now)).toThrow(InquiryError);
  });
});

describe('a removal on the platform, decided by the state machine', () => {
  const removed = (removedBy: 'author' | 'account', how = 'deleted') => ({ type: 'removed', by: 'source', removedBy, how, at: at('2026-11-23T11:30') }) as const;
  it('closes an open question as removed by its author, not marked for removal', () => {
    const { patch, event } = decide(inquiry(), removed('author'), now);
    expect(patch).toEqual({ state: 'closed', closedAt: at('2026-11-23T11:30'), closeReason: 'borttagen av skribenten' });
    expect(event).toMatchObject({ type: 'closed', data: { reason: 'borttagen av skribenten', removed: false, removedBy: 'author', how: 'deleted' } });
  });
  it('closes an unrouted or claimed question removed by the account as such, marked removed', () => {
    for (const state of ['unrouted', 'claimed'] as const) {
      expect(decide(inquiry({ state }), removed('account', 'hidden'), now).patch).toEqual({
        state: 'closed', closedAt: at('2026-11-23T11:30'), closeReason: 'borttagen av kontot', removed: true, removedReason: 'borttagen av kontot',
      });
    }
  });
  it('only records it on an answered question (the account’s removal marks it removed)', () => {
    expect(decide(inquiry({ state: 'answered' }), removed('author'), now)).toMatchObject({ patch: {}, event: { type: 'removed_on_platform', data: { removedBy: 'author' } } });
    expect(decide(inquiry({ state: 'answered' }), removed('account'), now).patch).toEqual({ removed: true, removedReason: 'borttagen av kontot' });
  });
});
