import { describe, expect, it } from 'vitest';
import { findEmailAddresses } from '../../../src/inquiries/personal-data/index.js';

const found = (text: string): string[] => findEmailAddresses(text).map((m) => text.slice(m.start, m.end));

describe('an e-mail address in a message', () => {
  it.each([
    'anna.lindqvist@hofors.se',
    'erik+kommun@example.com',
    'kalle_99@mail.example.co.uk',
    'åsa.öberg@nässjö.se',
    'INFO@LJUSDAL.SE',
    'a@b.se',
  ])('finds %s', (address) => {
    expect(found(`Skriv till ${address} så svarar jag.`)).toEqual([address]);
  });
  it('leaves out a sentence’s full stop, brackets and quotes', () => {
    expect(found('Maila anna@hofors.se.')).toEqual(['anna@hofors.se']);
    expect(found('(anna@hofors.se)')).toEqual(['anna@hofors.se']);
    expect(found('"anna@hofors.se", <erik@example.se>')).toEqual(['anna@hofors.se', 'erik@example.se']);
  });
  it('reports UTF-16 offsets of exactly the address', () => {
    expect(findEmailAddresses('Mejl: anna@hofors.se')).toEqual([{ kind: 'email', start: 6, end: 20 }]);
  });
  it.each([
    ['an @handle', 'Tack @hoforskommun!'],
    ['no domain dot', 'anna@localhost'],
    ['a numeric top-level domain', 'anna@10.0.0.1'],
    ['a local part starting with a dot', 'skriv .anna@hofors.se'],
    ['a local part ending with a dot', 'skriv anna.@hofors.se'],
    ['a bare @', 'vi ses @ 14'],
    ['a date with @', 'möte @2026-11-25'],
  ])('ignores %s', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});
