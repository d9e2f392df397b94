/** What a notification shows of an inquiry: never the personal data found in its text, name or link. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/reminders/summary.js';
import { inquiry } from '../support/inquiry-builder.js';

const NOW = Date.parse('2026-12-01T10:00:00Z');

describe('an inquiry as a notification shows it', () => {
  it('replaces a personnummer or phone number in the author’s name, handle and link, as in the text', () => {
    const s = summarize(
      inquiry({ authorName: 'Zlatan Flygarsson 811218-9876', url: 'https://x.se/811218-9876?ring=070-123 45 67', text: 'pnr 811218-9876', personalData: ['personnummer'] }),
      'Hofors kommun',
      new Map(),
      undefined,
      NOW,
    );
    expect(s.authorName).toBe('Zlatan Flygarsson [personnummer borttaget]');
    expect(s.url).not.toContain('811218');
    expect(s.url).toContain('[personnummer borttaget]');
    expect(s.text).toBe('pnr [personnummer borttaget]');
    expect(summarize(inquiry({ authorName: null, authorHandle: 'kalle_811218-9876' }), 'X', new Map(), undefined, NOW).authorName).not.toContain('811218-9876');
  });

  it('leaves an ordinary name and link as they are', () => {
    const s = summarize(inquiry({ authorName: 'Karin Svensson', url: 'https://www.facebook.com/104000000000001/posts/1' }), 'Hofors kommun', new Map(), undefined, NOW);
    expect([s.authorName, s.url]).toEqual(['Karin Svensson', 'https://www.facebook.com/104000000000001/posts/1']);
  });
});
