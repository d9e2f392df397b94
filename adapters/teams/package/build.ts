/**
 * `npm run teams:package`: the zip to upload to Teams (Teams admin center, or "Upload a custom app"):
 * manifest.json, color.png and outline.png at the root. Needs MICROSOFT_APP_ID (the Azure Bot's app
 * id) and SVARSTID_PUBLIC_URL (https://… where svarstid runs); writes dist/svarstid-teams.zip, or
 * the path given as the first argument.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { colorIcon, outlineIcon } from './icons.js';
import { teamsManifest } from './manifest.js';
import { PACKAGE_ROOT } from '../../../src/package-root.js';

export const DEFAULT_OUTPUT = 'dist/svarstid-teams.zip';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildTeamsPackage(env: Readonly<Record<string, string | undefined>>, output = DEFAULT_OUTPUT): string {
  const appId = env.MICROSOFT_APP_ID?.trim() ?? '';
  if (appId === '') throw new Error('MICROSOFT_APP_ID is not set: it is the Azure Bot\'s Microsoft App ID, and the Teams app\'s id (see docs/readme-teams.md)');
  if (!GUID.test(appId)) throw new Error(`MICROSOFT_APP_ID "${appId}" is not a GUID; copy the Microsoft App ID from the Azure Bot's Configuration page`);
  const publicUrl = env.SVARSTID_PUBLIC_URL?.trim() ?? '';
  if (!/^https:\/\/[^\s/]+/i.test(publicUrl)) throw new Error('SVARSTID_PUBLIC_URL must be set to https://<host> where svarstid runs (the app\'s links and valid domain)');
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(teamsManifest({ appId, publicUrl, version: packageVersion() }), null, 2)));
  zip.addFile('color.png', colorIcon());
  zip.addFile('outline.png', outlineIcon());
  const path = resolve(output);
  mkdirSync(dirname(path), { recursive: true });
  zip.writeZip(path);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Wrote ${buildTeamsPackage(process.env, process.argv[2])}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
  } catch (e) {
    console.error(`teams:package: ${(e as Error).message}`);
    process.exit(1);
  }
}
