import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../src/inquiries/personal-data/index.js';

describe('redacting personal data before it goes to chat', () => {
  it('replaces each finding by its kind and keeps the rest of the words', () => {
    expect(redactPersonalData('Mitt personnummer är 811228-9874, ring 070-123 45 67 eller mejla karin@example.se. Tack!')).toBe(
      'Mitt personnummer är [personnummer borttaget], ring [telefonnummer borttaget] eller mejla [e-postadress borttagen]. Tack!',
    );
  });
  it('leaves text without personal data as it is', () => {
    expect(redactPersonalData('När töms soporna på Storgatan 12?')).toBe('När töms soporna på Storgatan 12?');
  });
});
