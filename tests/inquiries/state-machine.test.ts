import { describe, expect, it } from 'vitest';
import { InquiryError } from '../../src/inquiries/errors.js';
import { decide } from '../../src/inquiries/state-machine.js';
import { CLOSE_REASONS } from '../../src/inquiries/model.js';
import { at } from '../support/calendar-builder.js';
import { inquiry } from '../support/inquiry-builder.js';

const now = at('2026-11-23T11:00');
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InquiryError) return e.code;
    throw e;
  }
  throw new Error('expected an InquiryError');
};

describe('the inquiry state machine', () => {
  describe('when an open inquiry is claimed', () => {
    const d = decide(inquiry(), { type: 'claim', by: 7 }, now);
    it('becomes claimed by that officer, recorded as an event with actor and time', () => {
      expect(d.patch).toEqual({ state: 'claimed', assigneeId: 7 });
      expect(d.event).toEqual({ type: 'claimed', actor: 'person:7', at: now, data: { previousAssignee: null } });
    });
  });

  describe('when a claimed inquiry is claimed again', () => {
    it('by the same officer: already_yours; by another: already_claimed', () => {
      const claimed = inquiry({ state: 'claimed', assigneeId: 7 });
      expect(code(() => decide(claimed, { type: 'claim', by: 7 }, now))).toBe('already_yours');
      expect(code(() => decide(claimed, { type: 'claim', by: 8 }, now))).toBe('already_claimed');
    });
  });

  describe('when it is forwarded', () => {
    it('records who, to whom and why, and leaves the deadline alone', () => {
      const d = decide(inquiry({ state: 'claimed', assigneeId: 7 }), { type: 'forward', by: 7, to: 9, reason: 'gäller bygglov' }, now);
      expect(d.patch).toEqual({ state: 'forwarded', assigneeId: 9 });
      expect(d.patch).not.toHaveProperty('deadline');
      expect(d.event.data).toEqual({ from: 7, to: 9, reason: 'gäller bygglov' });
    });
    it('can then be claimed by the new handler', () => {
      expect(decide(inquiry({ state: 'forwarded', assigneeId: 9 }), { type: 'claim', by: 9 }, now).patch).toEqual({ state: 'claimed', assigneeId: 9 });
    });
  });

  describe('when it is answered', () => {
    it('from the platform, the answer time is the reply\'s time and the actor the source', () => {
      const replyAt = at('2026-11-23T10:45');
      const d = decide(inquiry(), { type: 'answer', by: 'source', at: replyAt }, now);
      expect(d.patch).toEqual({ state: 'answered', answeredAt: replyAt });
      expect(d.event).toMatchObject({ actor: 'source:meta', at: replyAt });
    });
    it('cannot be answered twice', () => {
      expect(code(() => decide(inquiry({ state: 'answered' }), { type: 'answer', by: 7 }, now))).toBe('illegal_transition');
    });
  });

  describe('when it is closed', () => {
    it('needs one of the guidelines\' reasons', () => {
      expect(code(() => decide(inquiry(), { type: 'close', by: 7, reason: 'tråkig' }, now))).toBe('unknown_reason');
    });
    it('marks the comment removed for a removal reason, with the reason', () => {
      const d = decide(inquiry(), { type: 'close', by: 7, reason: 'personangrepp' }, now);
      expect(d.patch).toEqual({ state: 'closed', closedAt: now, closeReason: 'personangrepp', removed: true, removedReason: 'personangrepp' });
    });
    it('marks it removed for "annat" too, which needs a note', () => {
      expect(decide(inquiry(), { type: 'close', by: 7, reason: 'annat', note: 'dubblett av #41' }, now).patch).toMatchObject({ removed: true, removedReason: 'annat' });
      expect(code(() => decide(inquiry(), { type: 'close', by: 7, reason: 'annat' }, now))).toBe('note_required');
      expect(code(() => decide(inquiry(), { type: 'close', by: 7, reason: 'annat', note: '  ' }, now))).toBe('note_required');
    });
    it('marks it removed for every reason of the guidelines', () => {
      for (const reason of CLOSE_REASONS) expect(decide(inquiry(), { type: 'close', by: 7, reason, note: 'n' }, now).patch, reason).toMatchObject({ removed: true, removedReason: reason });
    });
    it('may close an unrouted inquiry (spam to an unknown account)', () => {
      expect(decide(inquiry({ state: 'unrouted', orgId: null }), { type: 'close', by: 7, reason: 'reklam/spam' }, now).patch.state).toBe('closed');
    });
  });

  describe('when it is registered (diarieförd)', () => {
    it('sets the flag and the case number without changing the state', () => {
      const d = decide(inquiry({ state: 'claimed', assigneeId: 7 }), { type: 'register', by: 7, caseNumber: 'KS 2026/123' }, now);
      expect(d.patch).toEqual({ registered: true, caseNumber: 'KS 2026/123' });
    });
    it('refuses to register twice with nothing new', () => {
      expect(code(() => decide(inquiry({ registered: true, caseNumber: 'KS 2026/123' }), { type: 'register', by: 7 }, now))).toBe('already_registered');
    });
  });

  describe('when it is reopened', () => {
    it('goes back to claimed when it had an assignee, else open, and clears the end', () => {
      expect(decide(inquiry({ state: 'answered', assigneeId: 7, answeredAt: now }), { type: 'reopen', by: 7 }, now).patch).toEqual({ state: 'claimed', answeredAt: null, closedAt: null, closeReason: null });
      expect(decide(inquiry({ state: 'closed', closeReason: 'annat' }), { type: 'reopen', by: 7 }, now).patch.state).toBe('open');
    });
    it('cannot reopen an open inquiry', () => {
      expect(code(() => decide(inquiry(), { type: 'reopen', by: 7 }, now))).toBe('illegal_transition');
    });
  });
});
