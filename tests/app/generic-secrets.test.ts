/** A generic source's secret from the environment (src/main.ts genericSecrets): SVARSTID_SOURCE_SECRET_<NAME>. */
import { describe, expect, it } from 'vitest';
import { genericSecrets } from '../../src/main.js';

describe('generic sources\' secrets', () => {
  const env: Record<string, string | undefined> = { SVARSTID_SOURCE_SECRET_HOFORS_BLOGG: 's1', SVARSTID_SOURCE_SECRET_NASSJO: 's2', SVARSTID_SOURCE_SECRET_EMPTY: undefined, OTHER: 'x' };
  const secretFor = genericSecrets(env);

  it('finds a source by its name, hyphens as underscores, in any case', () => {
    expect(secretFor('hofors-blogg')).toBe('s1');
    expect(secretFor('HOFORS_BLOGG')).toBe('s1');
    expect(secretFor('nassjo')).toBe('s2');
  });

  it('finds nothing for an unknown source, a name that is no source name, or another variable', () => {
    expect(secretFor('arvidsjaur')).toBeUndefined();
    expect(secretFor('empty')).toBeUndefined();
    expect(secretFor('../OTHER')).toBeUndefined();
    expect(secretFor('')).toBeUndefined();
    expect(secretFor('a'.repeat(65))).toBeUndefined();
    expect(secretFor('constructor')).toBeUndefined();
    expect(secretFor('__proto__')).toBeUndefined();
  });

  it('reads the environment once, at start: a variable set later needs a restart, as every setting does', () => {
    env.SVARSTID_SOURCE_SECRET_LATER = 's3';
    expect(secretFor('later')).toBeUndefined();
    expect(genericSecrets(env)('later')).toBe('s3');
  });
});
