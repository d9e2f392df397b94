import { describe, expect, it } from 'vitest';
import { figureLines } from '../../../adapters/chat-text/weekly-summary.js';
import { EMPTY_FIGURES, type Figures } from '../../../src/reports/model.js';

const figures = (o: Partial<Figures>): Figures => ({ ...EMPTY_FIGURES, ...o });

describe('the weekly summary’s closed questions', () => {
  describe('when citizens removed some of them on the platform', () => {
    const cur = figures({ received: 5, closed: 4, removed: [{ reason: 'reklam/spam', count: 1 }, { reason: 'borttagen av kontot', count: 1 }], removedByAuthor: 1 });
    it('counts those apart from the officers’ reasons and from "annat"', () => {
      expect(figureLines(cur, EMPTY_FIGURES, 0, 'sv')[2]).toContain('stängda 4 (0): reklam/spam 1, borttagen av kontot 1, borttagna av skribenten 1, annat 1');
      expect(figureLines(cur, EMPTY_FIGURES, 0, 'en')[2]).toContain('removed by their author 1');
    });
  });
});
