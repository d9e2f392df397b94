import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlineFor, loadPolicyFile } from '../../src/policy/index.js';
import { at, local } from '../support/calendar-builder.js';

describe('the example policies of the seed municipalities', () => {
  const files = readdirSync('policies').filter((f) => f.endsWith('.yaml')).sort();

  it('are one per seed municipality', () => {
    expect(files).toEqual(['arvidsjaur.yaml', 'hofors.yaml', 'hultsfred.yaml', 'nassjo.yaml', 'region-gotland.yaml']);
  });

  it.each(files)('%s is valid', (file) => {
    const p = loadPolicyFile(`policies/${file}`);
    expect(p.organization).toMatch(/kommun|Region Gotland/);
    expect(p.channels.size).toBeGreaterThan(0);
  });

  describe('Hofors (2.6.1 "Rimliga svarstider")', () => {
    const hofors = loadPolicyFile('policies/hofors.yaml');
    it('gives X four working hours and Facebook and blogs one working day', () => {
      expect(hofors.channels.get('x')).toMatchObject({ unit: 'time', ms: 4 * 3_600_000 });
      expect(hofors.channels.get('facebook')).toMatchObject({ unit: 'days', days: 1 });
      expect(hofors.channels.get('blog')).toMatchObject({ unit: 'days', days: 1 });
    });
    it('answers a tweet from Friday 14:30 on Monday, past the lunch break', () => {
      // Fri 2026-11-27 14:30–15:00 = 30 min (Fridays close at 15:00); Mon 30th 08:00–11:30 = 3 h 30 min.
      expect(local(deadlineFor(hofors, 'x', at('2026-11-27T14:30')).deadline)).toBe('2026-11-30T11:30+01:00');
    });
  });
});
