import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CredentialError, credentialSource, metaCredential, xCredential } from '../../../src/platform/credentials.js';
import { Secret } from '../../../src/platform/secret.js';

const dir = mkdtempSync(join(tmpdir(), 'svarstid-secrets-'));
const file = (name: string, text: string, mode: number): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
};

describe('account credentials', () => {
  it('never print themselves: JSON, template strings and inspect show [secret]', () => {
    const s = new Secret('EAAG-very-secret');
    expect(JSON.stringify({ token: s })).toBe('{"token":"[secret]"}');
    expect(`${s}`).toBe('[secret]');
    expect(inspect({ s })).not.toContain('EAAG');
    expect(s.reveal()).toBe('EAAG-very-secret');
  });

  it('come from an environment variable', () => {
    const src = credentialSource({ HOFORS_FACEBOOK_TOKEN: 'EAAG-hofors', HOFORS_X: '1400-tok:sec' });
    expect(metaCredential(src.raw({ env: 'HOFORS_FACEBOOK_TOKEN' })!, { env: 'HOFORS_FACEBOOK_TOKEN' }).pageToken.reveal()).toBe('EAAG-hofors');
    const x = xCredential(src.raw({ env: 'HOFORS_X' })!, { env: 'HOFORS_X' });
    expect([x.accessToken.reveal(), x.accessTokenSecret.reveal()]).toEqual(['1400-tok', 'sec']);
    expect(src.raw({ env: 'UNSET' })).toBeUndefined();
  });

  it('come from a secrets file only its owner can read', () => {
    const p = file('ok.yaml', 'hofors-facebook: EAAG-file\nhofors-x: { access_token: "1400-t", access_token_secret: "s" }\n', 0o600);
    const src = credentialSource({}, p);
    expect(metaCredential(src.raw({ secrets: 'hofors-facebook' })!, { secrets: 'hofors-facebook' }).pageToken.reveal()).toBe('EAAG-file');
    expect(xCredential(src.raw({ secrets: 'hofors-x' })!, { secrets: 'hofors-x' }).accessTokenSecret.reveal()).toBe('s');
  });

  it('refuse a secrets file others can read, naming the file and the mode', () => {
    const p = file('open.yaml', 'a: b\n', 0o644);
    expect(() => credentialSource({}, p)).toThrow(CredentialError);
    expect(() => credentialSource({}, p)).toThrow(/open\.yaml: the secrets file is readable by others \(mode 644\)/);
  });

  it('name the reference, not the value, when a credential has the wrong shape', () => {
    expect(() => xCredential('only-a-token', { env: 'HOFORS_X' })).toThrow('environment variable HOFORS_X: an X credential is "<access token>:<access token secret>"');
    expect(() => metaCredential({ a: 'b' }, { secrets: 'fb' })).toThrow('secrets file entry "fb"');
  });
});
