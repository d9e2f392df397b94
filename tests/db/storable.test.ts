/** What PostgreSQL cannot hold, and what is stored instead (src/db/storable.ts). Pure. */
import { describe, expect, it } from 'vitest';
import { storableId, storableJson, storableParam, storableText } from '../../src/db/storable.js';

describe('storable text', () => {
  it('replaces NUL and unpaired surrogates with U+FFFD, and keeps pairs (emoji) and everything else', () => {
    expect(storableText('a\u0000b\ud800c\udc00d')).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(storableText('hej 🏊 åäö')).toBe('hej 🏊 åäö');
    expect(storableText('\udc00\ud800')).toBe('\ufffd\ufffd'); // reversed: no pair
  });
  it('makes every string and key of a JSON value storable, and leaves a clean value as it is (the same object)', () => {
    const clean = { a: ['x', { b: 1 }] };
    expect(storableJson(clean)).toBe(clean);
    expect(storableJson({ 'k\u0000': ['v\ud800', { w: 'ok', n: 2, t: true, z: null }] })).toEqual({ 'k\ufffd': ['v\ufffd', { w: 'ok', n: 2, t: true, z: null }] });
  });
  it('makes bound parameters storable: strings and strings in arrays; Buffers, numbers and dates unchanged', () => {
    const bytes = Buffer.from([0, 1, 2]);
    const when = new Date(0);
    expect([storableParam('a\u0000'), storableParam(['b\u0000', 'c']), storableParam(bytes), storableParam(7), storableParam(when)]).toEqual(['a\ufffd', ['b\ufffd', 'c'], bytes, 7, when]);
  });
});

describe('storable ids', () => {
  it('keeps an ordinary id as it is', () => {
    expect(storableId('812345678901234_1523847561234987')).toBe('812345678901234_1523847561234987');
  });
  it('gives an id with refused characters a stable form that differs for different originals', () => {
    const a = storableId('k-\u0000');
    expect(a).toMatch(/^k-\ufffd~sha256:[0-9a-f]{64}$/);
    expect(storableId('k-\u0000')).toBe(a);
    expect(storableId('k-\ud800')).not.toBe(a);
    expect(storableId('k-\ufffd')).toBe('k-\ufffd'); // a real U+FFFD is an ordinary character
  });
  it('never stores a literal id as another id’s digest form (an id that reads like one is digested too)', () => {
    const replaced = storableId('twin-\ud800');
    expect(replaced).toMatch(/^twin-\ufffd~sha256:[0-9a-f]{64}$/);
    const literal = storableId(replaced);
    expect(literal).not.toBe(replaced);
    expect(literal).toMatch(/~sha256:[0-9a-f]{64}$/);
    expect(storableId(replaced)).toBe(literal);
  });
  it('stores an id longer than 512 bytes by its digest (an index entry holds at most about 2,700)', () => {
    const long = 'x'.repeat(3000);
    expect(storableId(long)).toBe(`${'x'.repeat(200)}~sha256:${storableId(long).split('~sha256:')[1]}`);
    expect(storableId('å'.repeat(256))).toBe('å'.repeat(256)); // 512 bytes in UTF-8
    expect(storableId('å'.repeat(257))).toMatch(/~sha256:/); // 514
    expect(storableId('å'.repeat(257))).not.toBe(storableId('å'.repeat(258)));
  });
});
