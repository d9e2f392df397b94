/**
 * The shared statement's parameters (src/db/new-inquiries-batch.ts): one JSON document per batch,
 * an array per message. Pure: what goes where in the document (the database side is
 * tests/db/insert-batcher.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { batchParams } from '../../src/db/new-inquiries-batch.js';
import { INQUIRY_COLUMN_COUNT, type NewInquiryParams } from '../../src/db/new-inquiry-statement.js';

const item = (text: string, raw: string | null, o: Partial<NewInquiryParams> = {}): NewInquiryParams => {
  const inquiry: unknown[] = Array.from({ length: INQUIRY_COLUMN_COUNT }, () => null);
  inquiry[9] = text; // text
  inquiry[17] = raw; // raw (storable JSON text)
  return {
    inquiry,
    event: { type: 'received', actor: 'system', at: '2026-11-25T08:00:00.000Z', data: '{}' },
    reminders: { orgId: 'hofors', kinds: ['due'], roles: ['ansvarig\ud800'], due: ['2026-11-25T12:00:00.000Z'] },
    delivery: { mode: 'new', source: 'meta', at: '2026-11-25T08:00:00.000Z', body: Buffer.from([0xff, 0x00]) },
    ...o,
  };
};

describe('the shared statement parameters', () => {
  it('keep every message in its own array and every value in its own place, whatever the text', () => {
    const [messages, reminders] = batchParams([item('a"],[9,"x', '{"k":null,"l":[1,"],["]}'), item('\\', null)]);
    const doc = JSON.parse(messages) as unknown[][];
    expect(doc).toHaveLength(2);
    expect(doc.map((m) => m.length)).toEqual([INQUIRY_COLUMN_COUNT + 9, INQUIRY_COLUMN_COUNT + 9]);
    expect(doc.map((m) => m[0])).toEqual([1, 2]);
    expect(doc[0]![10]).toBe('a"],[9,"x');
    // a JSON column is wrapped in an array: JSON null inside stays a value, SQL null stays none
    expect(doc[0]![18]).toEqual([{ k: null, l: [1, '],['] }]);
    expect(doc[1]![18]).toBeNull();
    expect(doc[1]![10]).toBe('\\');
    expect(Buffer.from(doc[0]![INQUIRY_COLUMN_COUNT + 7] as string, 'base64')).toEqual(Buffer.from([0xff, 0x00]));
    // strings made storable as the drivers make bound parameters storable (jsonb refuses a lone surrogate)
    expect(JSON.parse(reminders)).toEqual([[1, 'due', 'ansvarig\ufffd', '2026-11-25T12:00:00.000Z'], [2, 'due', 'ansvarig\ufffd', '2026-11-25T12:00:00.000Z']]);
  });

  it('refuse a message with a column missing, rather than shift every later column', () => {
    const short = item('x', '{}');
    expect(() => batchParams([{ ...short, inquiry: short.inquiry.slice(1) }])).toThrow(/columns/);
  });
});
