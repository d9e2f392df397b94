/** `npm run teams:package`: the zip Teams accepts, read back. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../../adapters/teams/package/build.js';
import { parseCommand } from '../../../src/commands/index.js';
import { checkTeamsManifest } from '../../fakes/validate/index.js';

describe('the Teams app package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'svarstid-pkg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { MICROSOFT_APP_ID: '6f1c2b9e-2a41-4c55-9d0e-1b2c3d4e5f60', SVARSTID_PUBLIC_URL: 'https://svarstid.hofors.se/' };
  const path = buildTeamsPackage(env, join(dir, 'svarstid-teams.zip'));
  const zip = new AdmZip(path);
  const manifest = JSON.parse(zip.readAsText('manifest.json'));

  it('holds manifest.json and the two icons at the root', () => {
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('the icons are PNGs of the sizes Teams requires', () => {
    const size = (name: string) => {
      const png = zip.readFile(name)!;
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('color.png')).toEqual([192, 192]);
    expect(size('outline.png')).toEqual([32, 32]);
  });

  it('the manifest: the bot, personal and team scopes, Swedish, the valid domain', () => {
    expect(manifest).toMatchObject({
      manifestVersion: '1.22',
      id: env.MICROSOFT_APP_ID,
      icons: { color: 'color.png', outline: 'outline.png' },
      name: { short: 'svarstid' },
      localizationInfo: { defaultLanguageTag: 'sv-se' },
      validDomains: ['svarstid.hofors.se'],
      developer: { websiteUrl: 'https://svarstid.hofors.se', privacyUrl: 'https://svarstid.hofors.se/integritet' },
    });
    expect(manifest.$schema).toContain('/v1.22/');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: env.MICROSOFT_APP_ID, scopes: ['personal', 'team'] })]);
  });

  it('the manifest is valid against Microsoft\'s JSON schema for its manifestVersion', async () => {
    expect(await checkTeamsManifest(manifest)).toEqual([]);
  });

  it('the command menu is the parser\'s Swedish verbs, each understood by the parser', () => {
    const lists = manifest.bots[0].commandLists;
    expect(lists.map((l: any) => l.scopes)).toEqual([['personal'], ['team']]);
    const titles = lists[0].commands.map((c: any) => c.title);
    // at most 10 (Teams): sammanfattning, for managers, is left out of the menu
    expect(titles).toEqual(['lista', 'ta', 'svara', 'skicka', 'klar', 'stäng', 'diarieför', 'frånvaro', 'tillbaka', 'hjälp']);
    for (const c of lists[0].commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
      // "ta ID – ta en fråga, så blir du ansvarig för svaret": the usage, a dash, the explanation; no colons, never cut mid-word
      expect(c.description).toMatch(new RegExp(`^${c.title} .*– |^${c.title} – `));
      expect(c.description).not.toContain(':');
      expect(c.description).not.toContain('…');
      const parsed = parseCommand(c.title, { now: 0, timezone: 'Europe/Stockholm' });
      // a bare verb parses, or asks for its arguments: it is never an unknown command
      expect(parsed.ok || parsed.error.code !== 'unknown_command').toBe(true);
    }
    expect(lists[1].commands).toEqual(lists[0].commands);
  });

  it('refuses to build without MICROSOFT_APP_ID, naming it', () => {
    expect(() => buildTeamsPackage({ SVARSTID_PUBLIC_URL: 'https://x.se' }, join(dir, 'a.zip'))).toThrow('MICROSOFT_APP_ID is not set');
    expect(() => buildTeamsPackage({ MICROSOFT_APP_ID: 'not-a-guid', SVARSTID_PUBLIC_URL: 'https://x.se' }, join(dir, 'a.zip'))).toThrow('is not a GUID');
    expect(() => buildTeamsPackage({ MICROSOFT_APP_ID: env.MICROSOFT_APP_ID }, join(dir, 'a.zip'))).toThrow('SVARSTID_PUBLIC_URL');
  });
});
